/**
 * Findings as data: every finding carries its rule id, a message id its rule declares and its data;
 * baselines key on those and on the text of the line, never on the wording, the language or the line number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalog, isMessageId, type Catalog } from '../src/i18n/index.js';
import { ruleCatalogue, ruleById } from '../src/rules/index.js';
import { withRuleTable } from '../src/rules/docs.js';
import { copyExample, edit, root } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

const PLAN = 'hangzhou/plan.yaml';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  messageId: string;
  message: string;
  fix?: { range: [number, number]; text: string };
}

async function lint(cwd: string, args: string[], messages?: Readonly<Catalog>) {
  const run = await runCli(['lint', '--format', 'json', ...args], { cwd, messages });
  return { ...run, diagnostics: (JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

/** A copy of the example with a finding of most rules: an unknown owner, a duplicate id, an unknown task. */
function brokenRepo(): string {
  const repo = copyExample();
  edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
  edit(repo, 'ningbo/plan.yaml', /id: NB-01\b/, 'id: HZ-01');
  edit(repo, PLAN, 'tasks: [T01]', 'tasks: [T99]');
  return repo;
}

/** The default catalogue with every message of these ids worded differently (as a later release might). */
function reworded(ids: Iterable<string>): Catalog {
  const out: Catalog = { ...defaultCatalog() };
  for (const id of ids) out[id] = { zh: `（改写）${id}`, en: `reworded: ${id}` };
  return out;
}

describe('the message registry', () => {
  it('every message a rule declares is in the catalogue, in both languages', () => {
    const catalogue = defaultCatalog();
    for (const rule of ruleCatalogue) {
      expect(rule.messages?.length, rule.id).toBeGreaterThan(0);
      expect(rule.reads, rule.id).toBeDefined();
      for (const id of rule.messages ?? []) {
        expect(isMessageId(id), `${rule.id}: ${id}`).toBe(true);
        expect(catalogue[id].zh, id).toBeTruthy();
        expect(catalogue[id].en, id).toBeTruthy();
      }
    }
  });

  it('every finding of lint carries a message id that its rule declares', async () => {
    const repo = brokenRepo();
    write(repo, 'drafts/bad.yaml', 'kind: Plen\n');
    write(repo, 'drafts/syntax.yaml', 'kind: Plan\nactions: [\n');
    write(repo, 'drafts/schema.yaml', 'kind: Owners\nowners:\n  - {id: x1, name: n, cty: 1}\n');
    const { diagnostics } = await lint(repo, []);
    const rules = new Set(diagnostics.map((d) => d.rule));
    for (const rule of ['unknown-reference', 'duplicate-id', 'unknown-kind', 'yaml-syntax', 'schema']) expect(rules, rule).toContain(rule);
    for (const d of diagnostics) expect(ruleById(d.rule)?.messages, `${d.rule} ${d.messageId}`).toContain(d.messageId);
    for (const fixtureCase of fs.readdirSync(path.join(root, 'test/fixtures/rules'))) {
      const run = await lint(path.join(root, 'test/fixtures/rules', fixtureCase), []);
      for (const d of run.diagnostics) expect(ruleById(d.rule)?.messages, `${fixtureCase}: ${d.rule} ${d.messageId}`).toContain(d.messageId);
    }
  });

  it('the message is worded at the edge: a test catalogue changes the words, not the ids or places', async () => {
    const repo = brokenRepo();
    const before = await lint(repo, []);
    const after = await lint(repo, [], reworded(before.diagnostics.map((d) => d.messageId)));
    expect(after.diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.messageId])).toEqual(before.diagnostics.map((d) => [d.file, d.line, d.column, d.rule, d.messageId]));
    for (const d of after.diagnostics) expect(d.message).toBe(`reworded: ${d.messageId}`);
  });
});

describe('reference made from the registry', () => {
  it("the rule table of docs/rules.md is the registry's", () => {
    const page = fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
    expect(withRuleTable(page)).toBe(page);
    for (const rule of ruleCatalogue) expect(page).toContain(`[\`${rule.id}\`](rules/${rule.id}.md) | ${rule.severity} |`);
  });
});

describe('baselines keyed on rule, message id, stable data and the line text', () => {
  it('stay valid when every message is reworded (a test catalogue)', async () => {
    const repo = brokenRepo();
    const first = await lint(repo, ['--write-baseline', 'b.json']);
    expect(first.diagnostics.length).toBeGreaterThan(5);
    const messages = reworded(first.diagnostics.map((d) => d.messageId));
    const shown = await lint(repo, [], messages);
    expect(shown.diagnostics.every((d) => d.message.startsWith('reworded: '))).toBe(true); // the rewording took effect…
    const run = await lint(repo, ['--baseline', 'b.json'], messages);
    expect(run.diagnostics).toEqual([]); // …and the baseline still knows every finding
    expect(run.code).toBe(0);
    // a new finding is still new
    edit(repo, PLAN, 'lead: hz-sfj-lfc', 'lead: hz-sfj-lf');
    const fresh = await lint(repo, ['--baseline', 'b.json'], messages);
    expect(fresh.diagnostics.map((d) => [d.rule, d.messageId])).toEqual([['unknown-reference', 'unknown-reference/unknown']]);
  });

  it('stay valid when written in one language and read in the other', async () => {
    const repo = brokenRepo();
    await lint(repo, ['--lang', 'zh', '--write-baseline', 'zh.json']);
    expect((await lint(repo, ['--lang', 'en', '--baseline', 'zh.json'])).diagnostics).toEqual([]);
    await lint(repo, ['--lang', 'en', '--write-baseline', 'en.json']);
    expect((await lint(repo, ['--lang', 'zh', '--baseline', 'en.json'])).diagnostics).toEqual([]);
    expect(fs.readFileSync(path.join(repo, 'zh.json'), 'utf8')).toBe(fs.readFileSync(path.join(repo, 'en.json'), 'utf8'));
  });

  it('stay valid when lines are inserted above, in a reworded catalogue too', async () => {
    const repo = brokenRepo();
    await lint(repo, ['--write-baseline', 'b.json']);
    edit(repo, PLAN, 'kind: Plan', '# 说明\n# more\n\nkind: Plan');
    edit(repo, 'ningbo/plan.yaml', 'kind: Plan', '# moved\n\nkind: Plan');
    const all = await lint(repo, []);
    expect(all.diagnostics.length).toBeGreaterThan(5);
    expect((await lint(repo, ['--baseline', 'b.json'], reworded(all.diagnostics.map((d) => d.messageId)))).diagnostics).toEqual([]);
  });

  it('record the message id of each finding', async () => {
    const repo = brokenRepo();
    const run = await lint(repo, ['--write-baseline', 'b.json']);
    const baseline = JSON.parse(fs.readFileSync(path.join(repo, 'b.json'), 'utf8')) as { findings: { rule: string; messageId: string }[] };
    expect(baseline.findings.map((e) => `${e.rule} ${e.messageId}`).sort()).toEqual(run.diagnostics.map((d) => `${d.rule} ${d.messageId}`).sort());
  });

  it('read baselines written before message ids (plans 0.1.0), matching on the wording they recorded', async () => {
    // test/fixtures/baseline/legacy-v1.json: written by plans at 3a59b6d for brokenRepo() without the T99 edit
    const repo = copyExample();
    edit(repo, PLAN, 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    edit(repo, 'ningbo/plan.yaml', /id: NB-01\b/, 'id: HZ-01');
    fs.copyFileSync(path.join(root, 'test/fixtures/baseline/legacy-v1.json'), path.join(repo, 'legacy.json'));
    const legacy = JSON.parse(fs.readFileSync(path.join(repo, 'legacy.json'), 'utf8')) as { findings: { messageId?: string }[] };
    expect(legacy.findings.some((e) => e.messageId !== undefined)).toBe(false);
    const all = await lint(repo, []);
    expect(all.diagnostics).toHaveLength(legacy.findings.length);
    const run = await lint(repo, ['--baseline', 'legacy.json']);
    expect(run.diagnostics).toEqual([]);
    expect(run.stderr).toContain(`${legacy.findings.length} findings known to the baseline`);
  });
});

describe('--format json', () => {
  it('adds the message id to the fields of cli.md', async () => {
    const { diagnostics } = await lint(brokenRepo(), []);
    const owner = diagnostics.find((d) => d.rule === 'unknown-reference' && d.message.includes('hz-sfj-fzc'))!;
    expect(Object.keys(owner)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'messageId', 'severity', 'message']);
    expect(owner.messageId).toBe('unknown-reference/unknown');
    expect(diagnostics.find((d) => d.rule === 'duplicate-id')?.messageId).toBe('duplicate-id/duplicate');
  });
});

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}
