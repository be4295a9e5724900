/**
 * `plans lsp`: a language server (LSP 3.17 over a pair of streams, stdio in practice) on Microsoft's
 * vscode-languageserver. Diagnostics are the findings of `plans lint` on the open documents, unsaved
 * text included (one `Workspace` per workspace folder, see workspace.ts), pushed after each change or
 * pulled when the client asks; definition, references, hover and completion of ids read the model
 * of the folder; code actions apply the fixes and did-you-means of the finding records.
 *
 * After an edit the changed documents are checked first (lint in context: only the part of the
 * repository that can change their findings), then the other open documents the edit can concern.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node.js';
import type { CodeAction, CompletionItem, Connection, Diagnostic, Hover, InitializeParams, InitializeResult, Location, Position, Range as LspRange } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { contextKeys, namesOf, NameSearch, type ContextKeys } from '../engine/context.js';
import { findCampaignRoot } from '../config/root.js';
import { CONFIG_NAMES } from '../config/index.js';
import { messageOf, type Finding, type Range } from '../findings/index.js';
import { optionLang, parseLang, langFromEnv, tr, type Lang } from '../i18n/index.js';
import { locate, type SourceDoc, type SourceFile } from '../load/source.js';
import { UsageError, type Path } from '../types.js';
import { SCHEMA_DIR } from '../schema/index.js';
import { quickFixes } from './actions.js';
import { isSafeFix, passEdits } from '../engine/fix.js';
import { candidates, documentAround, sortsAt, spotAt } from './completion.js';
import { hoverText, unknownText } from './hover.js';
import { cityAt, definitionRange, idAt, referenceKeys, referencesTo, resolve, type ReferenceKeys } from './references.js';
import { Workspace, type Checked } from './workspace.js';

export interface ServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The environment (PLANS_LANG, LC_ALL, LANG), as the CLI read it. */
  env: Record<string, string | undefined>;
  /** `--lang`, which wins over everything but the client's initialization options. */
  lang?: Lang;
  /** Where the server was started: the folder for documents when the client names no workspace. */
  cwd: string;
}

/** What a client may pass as `initializationOptions`. */
interface InitOptions {
  /** `zh` or `en`. */
  lang?: unknown;
  /** A baseline file, relative to the workspace folder, as `plans lint --baseline`. */
  baseline?: unknown;
}

/** How long edits are gathered before a check: typing a word is one check, not one per key. */
const DEBOUNCE_MS = 40;

/** What the last check of an open document found, kept for code actions and for telling what an edit concerns. */
interface Shown {
  version: number;
  findings: Finding[];
  file: SourceFile | undefined;
  /** The text the findings were made from. */
  text: string;
}

/** Starts the server on the streams; it runs until the client sends `exit` or closes the input. */
export function startServer(opts: ServerOptions): Connection {
  // the streams themselves (not readers over them): the end of the input then ends the process, so an editor that dies leaves no server behind
  const connection = lsp.createConnection(opts.input, opts.output);
  new Server(connection, opts).listen();
  return connection;
}

class Server {
  readonly documents = new lsp.TextDocuments(TextDocument);
  readonly #workspaces = new Map<string, Workspace>();
  #roots: string[] = [];
  #initOptions: InitOptions = {};
  #locale: string | undefined;
  #pull = false;
  #refresh = false;
  readonly #keys: ReferenceKeys = referenceKeys();
  readonly #contextKeys: ContextKeys = contextKeys();
  /** The last check of each open document, by absolute path. */
  readonly #shown = new Map<string, Shown>();
  /** Documents edited (or opened, or closed) since the last check, with the text they had before. */
  readonly #changed = new Map<string, string | undefined>();
  /** Open documents another document's edit may concern, to check after the edited ones. */
  readonly #concerned = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #later: NodeJS.Immediate | undefined;
  readonly #pageUrls = new Map<string, string | undefined>();
  readonly #warned = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly opts: ServerOptions,
  ) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.#initialize(params));
    // an opened document was, before, what the disk holds (other documents need checking again only if it differs)
    this.documents.onDidOpen((e) => this.#edited(e.document, this.#onDisk(e.document.uri)));
    this.documents.onDidChangeContent((e) => this.#edited(e.document, this.#shown.get(absOf(e.document.uri) ?? '')?.text));
    this.documents.onDidClose((e) => this.#closed(e.document));
    c.onDidChangeWatchedFiles(() => this.#safely(() => this.#diskChanged(), undefined));
    c.onDefinition((p) => this.#safely(() => this.#definition(p.textDocument.uri, p.position), null));
    c.onReferences((p) => this.#safely(() => this.#references(p.textDocument.uri, p.position, p.context.includeDeclaration), null));
    c.onHover((p) => this.#safely(() => this.#hover(p.textDocument.uri, p.position), null));
    c.onCompletion((p) => this.#safely(() => this.#completion(p.textDocument.uri, p.position), null));
    c.onCodeAction((p) => this.#safely(() => this.#codeActions(p.textDocument.uri, p.range, p.context.only), null));
    c.languages.diagnostics.on((p) => this.#safely(() => this.#pullDocument(p.textDocument.uri), { kind: 'full' as const, items: [] }));
    c.languages.diagnostics.onWorkspace(() => this.#safely(() => this.#pullWorkspace(), { items: [] }));
    this.documents.listen(c);
    c.listen();
  }

  #initialize(params: InitializeParams): InitializeResult {
    const folders = (params.workspaceFolders ?? []).flatMap((f) => absOf(f.uri) ?? []);
    const rootUri = params.rootUri ? absOf(params.rootUri) : undefined;
    this.#roots = folders.length ? folders : rootUri ? [rootUri] : params.rootPath ? [path.resolve(params.rootPath)] : [];
    const init = params.initializationOptions;
    if (init && typeof init === 'object') this.#initOptions = init as InitOptions;
    this.#locale = typeof params.locale === 'string' ? params.locale : undefined;
    this.#pull = params.capabilities.textDocument?.diagnostic !== undefined;
    this.#refresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: lsp.TextDocumentSyncKind.Incremental,
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '[', ',', '-'] },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, FIX_ALL] },
        ...(this.#pull ? { diagnosticProvider: { identifier: 'plans', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: 'plans' },
    };
  }

  /** A handler's work; an exception is one line in the client's log, never the end of the server. */
  #safely<T>(work: () => T, fallback: T): T {
    try {
      return work();
    } catch (err) {
      this.#log('', err);
      return fallback;
    }
  }

  #log(file: string, err: unknown): void {
    let message = 'unknown';
    try {
      message = String(err instanceof Error ? err.message : err).split('\n')[0].slice(0, 300);
    } catch {
      // a hostile error object: still one line
    }
    try {
      this.connection.console.error(tr(this.#lang(undefined), 'lsp/check-failed', { file: file || '-', message }));
    } catch {
      // the client is gone
    }
  }

  /** The language of messages: the client's initialization options, --lang, the config, PLANS_LANG, the client's locale, LC_ALL/LANG. */
  #lang(ws: Workspace | undefined): Lang {
    const asked = typeof this.#initOptions.lang === 'string' ? optionLang(this.#initOptions.lang) : undefined;
    if (asked) return asked;
    if (this.opts.lang) return this.opts.lang;
    let configLang: Lang | undefined;
    try {
      configLang = ws ? parseLang(ws.engine.config(undefined).config.lang) : undefined;
    } catch {
      configLang = undefined;
    }
    return configLang ?? parseLang(this.opts.env.PLANS_LANG) ?? parseLang(this.#locale) ?? langFromEnv(this.opts.env);
  }

  /** The workspace folder that holds `abs` (the deepest), else one for the campaign folder around it. */
  #workspaceOf(abs: string): Workspace {
    let best: string | undefined;
    for (const root of this.#roots) if (isWithin(root, abs) && (!best || root.length > best.length)) best = root;
    if (!best) {
      const dir = path.dirname(abs);
      best = [...this.#workspaces.keys()].find((root) => isWithin(root, abs)) ?? safe(() => findCampaignRoot(dir)) ?? dir;
    }
    let ws = this.#workspaces.get(best);
    if (!ws) {
      const baseline = typeof this.#initOptions.baseline === 'string' ? this.#initOptions.baseline : undefined;
      ws = new Workspace(best, undefined, baseline);
      this.#workspaces.set(best, ws);
    }
    return ws;
  }

  // ---------------------------------------------------------------------------------------------
  // diagnostics

  #edited(doc: TextDocument, before: string | undefined): void {
    const abs = absOf(doc.uri);
    if (!abs || !isYaml(abs)) return;
    this.#safely(() => this.#workspaceOf(abs).setText(abs, doc.getText()), undefined);
    if (!this.#changed.has(abs)) this.#changed.set(abs, before);
    this.#schedule();
  }

  /** The text of a file on disk (under any unsaved one), if it can be read. */
  #onDisk(uri: string): string | undefined {
    const abs = absOf(uri);
    if (!abs || !isYaml(abs)) return undefined;
    return this.#safely(() => Buffer.from(this.#workspaceOf(abs).fs.base.readFile(abs)).toString('utf8'), undefined);
  }

  #closed(doc: TextDocument): void {
    const abs = absOf(doc.uri);
    if (!abs || !isYaml(abs)) return;
    const shown = this.#shown.get(abs);
    this.#safely(() => this.#workspaceOf(abs).setText(abs, undefined), undefined);
    this.#shown.delete(abs);
    this.#changed.delete(abs);
    this.#concerned.delete(abs);
    if (!this.#pull) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    // the text on disk replaces the unsaved one: the documents it concerns are checked again
    this.#concernedBy(abs, shown?.text, this.#onDisk(doc.uri));
    this.#schedule();
  }

  #diskChanged(): void {
    for (const ws of this.#workspaces.values()) ws.touched();
    for (const abs of this.#shown.keys()) this.#concerned.add(abs);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, DEBOUNCE_MS);
  }

  /**
   * Checks the edited documents now, and the open documents their edits concern: with them when
   * the check needs the whole repository anyway (an edited owners or campaign file), else after them,
   * those checked in context first and those that need the whole repository last.
   */
  #flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const changed = [...this.#changed].filter(([abs]) => this.#openDoc(abs));
    this.#changed.clear();
    if (changed.length) {
      for (const [abs, before] of changed) this.#concernedBy(abs, before, this.#openDoc(abs)?.getText());
      const batch = changed.map(([abs]) => abs);
      // a whole-repository check gives the findings of every open document at about the cost of one
      if (batch.some((abs) => this.#needsWhole(abs))) {
        for (const abs of this.#concerned) if (this.#workspaceOf(abs) === this.#workspaceOf(batch[0])) batch.push(abs);
        for (const abs of batch) this.#concerned.delete(abs);
      }
      this.#checkOpen(batch);
      // a client that pulls asks again for the documents it did not edit
      if (batch.length > changed.length) this.#refreshPulled();
    }
    this.#later ??= setImmediate(() => this.#checkConcerned(false));
  }

  /** The concerned documents checked in context (`wide`: then those that need the whole repository), unless edits came in meanwhile. */
  #checkConcerned(wide: boolean): void {
    this.#later = undefined;
    if (this.#changed.size) return this.#flush();
    const concerned = [...this.#concerned].filter((abs) => this.#openDoc(abs) && (wide || !this.#needsWhole(abs)));
    for (const abs of concerned) this.#concerned.delete(abs);
    for (const abs of [...this.#concerned]) if (!this.#openDoc(abs)) this.#concerned.delete(abs);
    if (concerned.length) this.#checkOpen(concerned);
    if (this.#concerned.size) this.#later = setImmediate(() => this.#checkConcerned(!wide));
    else if (concerned.length) this.#refreshPulled();
  }

  #refreshPulled(): void {
    if (this.#pull && this.#refresh) this.#safely(() => this.connection.languages.diagnostics.refresh(), undefined);
  }

  /** Whether checking an open document needs the whole repository (as far as its last check tells): it is no plain plan or report, or has findings of whole-repository rules. */
  #needsWhole(abs: string): boolean {
    const shown = this.#shown.get(abs);
    if (!shown?.file) return true;
    return shown.findings.some((f) => this.#contextKeys.wholeRepositoryRules.has(f.ruleId)) || !namesOf([shown.file], this.#contextKeys);
  }

  /** The open documents whose findings an edit of `abs` (from `before` to `after`) may change. */
  #concernedBy(abs: string, before: string | undefined, after: string | undefined): void {
    const base = path.basename(abs);
    const all = (CONFIG_NAMES as readonly string[]).includes(base) || before === undefined || after === undefined;
    const texts = [before, after].filter((x): x is string => x !== undefined).map((x) => Buffer.from(x, 'utf8'));
    const ws = this.#safely(() => this.#workspaceOf(abs), undefined);
    for (const [other, shown] of this.#shown) {
      if (other === abs || this.#concerned.has(other)) continue;
      if (!ws || !ws.holds(other)) continue;
      if (all || this.#concerns(texts, shown)) this.#concerned.add(other);
    }
  }

  /** Whether these texts of another file can change what was shown: they hold a name the document shares (engine/context.ts). */
  #concerns(texts: Buffer[], shown: Shown): boolean {
    if (!shown.file) return true;
    // findings of rules that read the whole repository (suggestions, coverage) may change with any file
    if (shown.findings.some((f) => this.#contextKeys.wholeRepositoryRules.has(f.ruleId))) return true;
    const names = namesOf([shown.file], this.#contextKeys);
    if (!names) return true;
    const search = new NameSearch(names, undefined);
    const cities = names.planCities.map((c) => Buffer.from(c, 'utf8'));
    return texts.some((bytes) => search.relevantBytes(bytes) || cities.some((c) => bytes.indexOf(c) >= 0));
  }

  #openDoc(abs: string): TextDocument | undefined {
    return this.documents.get(pathToFileURL(abs).href) ?? [...this.documents.all()].find((d) => absOf(d.uri) === abs);
  }

  /** Checks open documents (grouped by workspace folder) and shows what was found. */
  #checkOpen(absPaths: string[]): void {
    const byWs = new Map<Workspace, string[]>();
    for (const abs of absPaths) {
      const ws = this.#safely(() => this.#workspaceOf(abs), undefined);
      if (!ws) continue;
      byWs.set(ws, [...(byWs.get(ws) ?? []), abs]);
    }
    for (const [ws, list] of byWs) {
      const docs = list.flatMap((abs) => {
        const doc = this.#openDoc(abs);
        return doc ? [{ abs, doc, version: doc.version, text: doc.getText() }] : [];
      });
      let checked: Checked | undefined;
      try {
        checked = ws.check(docs.map((d) => d.abs));
      } catch (err) {
        // one document that is no plan file (ignored by the config, plans.config.yaml…) must not hide the others
        if (docs.length > 1) {
          for (const d of docs) this.#checkOpen([d.abs]);
          continue;
        }
        if (!isUsage(err)) this.#log(path.relative(ws.root, list[0]), err);
      }
      const lang = this.#lang(ws);
      for (const d of docs) {
        const findings = checked?.findings.get(d.abs) ?? [];
        const file = checked?.files.get(d.abs);
        this.#shown.set(d.abs, { version: d.version, findings, file, text: d.text });
        if (!this.#pull) void this.connection.sendDiagnostics({ uri: d.doc.uri, version: d.version, diagnostics: this.#diagnostics(findings, file, d.text, lang) });
      }
      // the config's own findings, when it is open too
      if (checked?.config.file) {
        const abs = checked.config.file.abs;
        const doc = this.#openDoc(abs);
        if (doc && !docs.some((d) => d.abs === abs)) {
          const findings = checked.findings.get(abs) ?? [];
          this.#shown.set(abs, { version: doc.version, findings, file: checked.config.file, text: doc.getText() });
          if (!this.#pull) void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.#diagnostics(findings, checked.config.file, doc.getText(), lang) });
        }
      }
      this.#baselineWarning(ws);
    }
  }

  #baselineWarning(ws: Workspace): void {
    if (!ws.baselinePath || this.#warned.has(ws.root)) return;
    try {
      ws.check([]);
    } catch (err) {
      this.#warned.add(ws.root);
      const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EINVAL';
      void this.connection.window.showWarningMessage(tr(this.#lang(ws), 'lsp/baseline-unreadable', { path: ws.baselinePath, code }));
    }
  }

  #diagnostics(findings: readonly Finding[], file: SourceFile | undefined, text: string, lang: Lang): Diagnostic[] {
    const shift = bomShift(file, text);
    return findings.map((f) => {
      const href = this.#pageUrl(f.ruleId, lang);
      return {
        range: rangeIn(file, f.range, shift),
        severity: f.severity === 'error' ? lsp.DiagnosticSeverity.Error : lsp.DiagnosticSeverity.Warning,
        code: f.ruleId,
        ...(href ? { codeDescription: { href } } : {}),
        source: 'plans',
        message: messageOf(f).text(lang),
        data: { messageId: f.messageId },
      };
    });
  }

  /** The rule's page in the installed package (docs/rules, docs/rules/zh), as `plans explain` prints it. */
  #pageUrl(rule: string, lang: Lang): string | undefined {
    const key = `${lang}:${rule}`;
    if (this.#pageUrls.has(key)) return this.#pageUrls.get(key);
    let url: string | undefined;
    if (/^[a-z0-9-]+$/.test(rule)) {
      const docs = path.join(SCHEMA_DIR, '..', 'docs', 'rules');
      for (const file of lang === 'zh' ? [path.join(docs, 'zh', `${rule}.md`), path.join(docs, `${rule}.md`)] : [path.join(docs, `${rule}.md`)]) {
        if (fs.existsSync(file)) {
          url = pathToFileURL(file).href;
          break;
        }
      }
    }
    this.#pageUrls.set(key, url);
    return url;
  }

  #pullDocument(uri: string): { kind: 'full'; items: Diagnostic[] } {
    const abs = absOf(uri);
    const doc = this.documents.get(uri);
    if (!abs || !doc || !isYaml(abs)) return { kind: 'full', items: [] };
    if (this.#changed.size) this.#flush();
    let shown = this.#shown.get(abs);
    if (!shown || shown.version !== doc.version || this.#concerned.has(abs)) {
      this.#concerned.delete(abs);
      this.#checkOpen([abs]);
      shown = this.#shown.get(abs);
    }
    if (!shown) return { kind: 'full', items: [] };
    return { kind: 'full', items: this.#diagnostics(shown.findings, shown.file, shown.text, this.#lang(this.#workspaceOf(abs))) };
  }

  #pullWorkspace(): { items: { kind: 'full'; uri: string; version: null; items: Diagnostic[] }[] } {
    const items: { kind: 'full'; uri: string; version: null; items: Diagnostic[] }[] = [];
    const roots = this.#roots.length ? this.#roots : [...this.#workspaces.keys()];
    for (const root of roots) {
      const ws = this.#workspaceOf(path.join(root, '.'));
      let checked: Checked;
      try {
        checked = ws.checkAll();
      } catch (err) {
        if (!isUsage(err)) this.#log(root, err);
        continue;
      }
      const lang = this.#lang(ws);
      for (const [abs, findings] of checked.findings) {
        // open documents are reported by their own pulls
        if (this.#openDoc(abs) || findings.length === 0) continue;
        const file = checked.files.get(abs);
        items.push({ kind: 'full', uri: pathToFileURL(abs).href, version: null, items: this.#diagnostics(findings, file, file?.text ?? '', lang) });
      }
    }
    return { items };
  }

  // ---------------------------------------------------------------------------------------------
  // navigation

  /** The open document's file as the model read it, and the offset of a position in it. */
  #at(uri: string, position: Position): { ws: Workspace; file: SourceFile; offset: number; doc: TextDocument } | undefined {
    const abs = absOf(uri);
    const doc = this.documents.get(uri);
    if (!abs || !doc || !isYaml(abs)) return undefined;
    const ws = this.#workspaceOf(abs);
    const file = ws.file(abs);
    if (!file) return undefined;
    const offset = doc.offsetAt(position) - bomShift(file, doc.getText());
    return { ws, file, offset, doc };
  }

  #location(file: SourceFile, range: Range): Location {
    const doc = this.#openDoc(file.abs);
    return { uri: doc?.uri ?? pathToFileURL(file.abs).href, range: rangeIn(file, range, doc ? bomShift(file, doc.getText()) : 0) };
  }

  /** The id under the cursor, the model of its repository, and what it names there (if anything): what definition, references and hover start from. */
  #idUnder(uri: string, position: Position) {
    const at = this.#at(uri, position);
    if (!at) return null;
    const id = idAt(at.file, at.offset, this.#keys);
    if (!id) return null;
    const { model } = at.ws.model(at.file.abs);
    return { at, id, model, defined: resolve(model, id.sorts, id.id, cityAt(id.doc, id.path)) };
  }

  #definition(uri: string, position: Position): Location | null {
    const under = this.#idUnder(uri, position);
    if (!under) return null;
    const { defined } = under;
    return defined ? this.#location(defined.origin.doc.file, definitionRange(defined)) : null;
  }

  #references(uri: string, position: Position, includeDeclaration: boolean): Location[] | null {
    const under = this.#idUnder(uri, position);
    if (!under) return null;
    const { id, model, defined } = under;
    const sort = defined?.sort ?? id.sorts[0];
    const out = referencesTo(model, sort, id.id, this.#keys).map((r) => this.#location(r.doc.file, locateIn(r.doc, r.path, r.key)));
    if (includeDeclaration && defined) out.unshift(this.#location(defined.origin.doc.file, definitionRange(defined)));
    return out;
  }

  #hover(uri: string, position: Position): Hover | null {
    const under = this.#idUnder(uri, position);
    if (!under) return null;
    const { at, id, model, defined } = under;
    const lang = this.#lang(at.ws);
    const range = rangeIn(at.file, id.range, bomShift(at.file, at.doc.getText()));
    if (!defined) return { contents: { kind: lsp.MarkupKind.Markdown, value: unknownText(id.sorts[0], id.id, lang) }, range };
    const def = defined.origin.doc.file;
    const line = def.lines.position(definitionRange(defined)[0]).line;
    const place = `${path.relative(at.ws.root, def.abs).split(path.sep).join('/')}:${line}`;
    return { contents: { kind: lsp.MarkupKind.Markdown, value: hoverText(model, defined, lang, this.#keys, place) }, range };
  }

  #completion(uri: string, position: Position): CompletionItem[] | null {
    const doc = this.documents.get(uri);
    const abs = absOf(uri);
    if (!doc || !abs || !isYaml(abs)) return null;
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const spot = spotAt(text, offset);
    if (!spot) return null;
    const around = documentAround(text, offset);
    const sorts = sortsAt(spot, around.kind, this.#keys);
    if (!sorts.length) return null;
    const { model } = this.#workspaceOf(abs).model(abs);
    const range: LspRange = { start: doc.positionAt(spot.start), end: doc.positionAt(spot.end) };
    return candidates(model, sorts, around.city, around.kind === 'Progress').map((c) => ({
      label: c.id,
      kind: lsp.CompletionItemKind.Reference,
      detail: c.name,
      sortText: `${c.rank}${c.id}`,
      filterText: c.id,
      textEdit: { range, newText: spot.needsSpace ? ` ${c.id}` : c.id },
    }));
  }

  #codeActions(uri: string, range: LspRange, only?: string[]): CodeAction[] | null {
    const abs = absOf(uri);
    const doc = this.documents.get(uri);
    if (!abs || !doc) return null;
    const shown = this.#shown.get(abs);
    // findings of an older text would edit the wrong places
    if (!shown || shown.version !== doc.version) return [];
    const lang = this.#lang(this.#workspaceOf(abs));
    const shift = bomShift(shown.file, shown.text);
    const out: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    // what `plans lint --fix` would write in one pass, as one source action (ESLint's source.fixAll)
    const text = shown.file?.text ?? shown.text;
    const safe = wants(FIX_ALL) ? passEdits(shown.findings.flatMap((f) => (isSafeFix(f, text) ? [f.fix!] : [])), text) : [];
    if (safe.length > 0) {
      out.push({
        title: tr(lang, 'lsp/fix-all', { count: safe.length }),
        kind: FIX_ALL,
        edit: { changes: { [uri]: safe.map((fix) => ({ range: rangeIn(shown.file, fix.range, shift), newText: fix.text })) } },
      });
    }
    if (!wants(lsp.CodeActionKind.QuickFix)) return out;
    for (const f of shown.findings) {
      const place = rangeIn(shown.file, f.range, shift);
      if (before(place.end, range.start) || before(range.end, place.start)) continue;
      const diagnostic = this.#diagnostics([f], shown.file, shown.text, lang)[0];
      for (const fix of quickFixes(f, shown.file?.text ?? shown.text)) {
        out.push({
          title: fix.title.text(lang),
          kind: lsp.CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [uri]: [{ range: rangeIn(shown.file, fix.range, shift), newText: fix.text }] } },
        });
      }
    }
    return out;
  }
}

/** The kind of the source action that applies every fix `plans lint --fix` would. */
const FIX_ALL = `${lsp.CodeActionKind.SourceFixAll}.plans`;

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The absolute path of a file: URI; undefined for any other scheme. */
function absOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function isYaml(abs: string): boolean {
  return /\.ya?ml$/i.test(abs);
}

function isWithin(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function isUsage(err: unknown): boolean {
  return err instanceof UsageError;
}

/** 1 when the editor's text starts with a BOM that decoding took off the file's text (offsets on the first line shift by one). */
function bomShift(file: SourceFile | undefined, text: string): number {
  return text.charCodeAt(0) === 0xfeff && file !== undefined && file.text.charCodeAt(0) !== 0xfeff ? 1 : 0;
}

/** An offset range of a file as LSP positions (UTF-16 columns, as the file's line index counts them). */
function rangeIn(file: SourceFile | undefined, range: Range, shift: number): LspRange {
  if (!file) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const at = (offset: number): Position => {
    const p = file.lines.position(offset);
    return { line: p.line - 1, character: p.column - 1 + (p.line === 1 ? shift : 0) };
  };
  return { start: at(range[0]), end: at(range[1]) };
}

function locateIn(doc: SourceDoc, p: Path, key: boolean): Range {
  return locate(doc, p, { key });
}
