/**
 * `plans lsp` driven over stdio as an editor drives it (test/lsp/client.ts): diagnostics of unsaved
 * cross-file mistakes at their ranges, definition, references, hover, completion, quick fixes
 * applied, diagnostics after a change, pull diagnostics, and the language of messages.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, bin, Editor, makeRepo, positionOf, rangeOf, type Diagnostic } from './client.js';

const CAMPAIGN = [
  'kind: Campaign',
  'id: c2022',
  'title: 专项行动',
  'issuer: prov',
  'period: {start: 2022-01-01, end: 2022-12-31}',
  'cities:',
  '  - {id: hz, name: 杭州市}',
  '  - {id: nb, name: 宁波市}',
  'tasks:',
  '  - {id: T01, title: 共同富裕法治同行}',
  'indicators:',
  '  - {id: lawyers, name: 律师万人比, unit: 人/万人}',
  '',
].join('\n');
const OWNERS = [
  'kind: Owners',
  'owners:',
  '  - {id: prov, name: 省司法厅}',
  '  - {id: nb-sfj, name: 宁波市司法局, city: nb, parent: prov}',
  '  - {id: hz-sfj, name: 杭州市司法局, city: hz, parent: prov}',
  '  - {id: hz-fzc, name: 杭州市法治处, city: hz, parent: hz-sfj}',
  '',
].join('\n');
const PLAN = [
  'kind: Plan',
  'campaign: c2022',
  'city: hz',
  'title: 杭州市实施方案',
  'owner: hz-sfj',
  'units:',
  '  - {id: xh, name: 西湖区}',
  'actions:',
  '  - id: HZ-01',
  '    title: 共同富裕法治同行行动',
  '    tasks: [T01]',
  '    lead: hz-sfj',
  '    support: [hz-fzc]',
  '    due: 2022-12-31',
  '    measures:',
  '      - 研究制定行政执法裁量办法',
  '    targets:',
  '      - id: HZ-01-K1',
  '        name: 律师万人比',
  '        indicator: lawyers',
  '        unit: 人/万人',
  '        baseline: {value: 5.1, date: 2021-12-31}',
  '        target: {op: ">=", value: 6}',
  '        due: 2022-12-31',
  '',
].join('\n');
const NB_PLAN = [
  'kind: Plan',
  'campaign: c2022',
  'city: nb',
  'owner: nb-sfj',
  'actions:',
  '  - id: NB-01',
  '    title: 宁波行动',
  '    tasks: [T01]',
  '    lead: nb-sfj',
  '    due: 2022-12-31',
  '    targets:',
  '      - {id: NB-01-K1, name: 律师万人比, indicator: lawyers, unit: 人/万人, baseline: {value: 4, date: 2021-12-31}, target: {op: ">=", value: 5}}',
  '',
].join('\n');
const PROGRESS = ['kind: Progress', 'campaign: c2022', 'city: hz', 'as_of: 2022-06-30', 'values:', '  - target: HZ-01-K1', '    value: 5.5', ''].join('\n');

const FILES = { 'campaign.yaml': CAMPAIGN, 'owners.yaml': OWNERS, 'hz/plan.yaml': PLAN, 'nb/plan.yaml': NB_PLAN, 'hz/progress/2022-06.yaml': PROGRESS };

const made: string[] = [];
const editors: Editor[] = [];
afterAll(async () => {
  for (const e of editors) await e.shutdown();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(opts: { capabilities?: Record<string, unknown>; init?: unknown; locale?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<{ editor: Editor; result: any }> {
  const dir = makeRepo(FILES);
  made.push(dir);
  const editor = new Editor(dir, opts.args, opts.env);
  editors.push(editor);
  const result = await editor.initialize(opts.capabilities ?? {}, opts.init, opts.locale);
  return { editor, result };
}

const byRule = (rule: string) => (d: Diagnostic[]) => d.some((x) => x.code === rule);

describe('plans lsp: diagnostics', () => {
  let editor: Editor;
  beforeAll(async () => {
    ({ editor } = await start());
  });

  it('answers initialize with the features it has', async () => {
    const { result } = await start();
    expect(result.capabilities).toMatchObject({ definitionProvider: true, referencesProvider: true, hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.plans'] } });
    expect(result.capabilities.textDocumentSync).toBe(2);
    // a client without pull diagnostics gets them pushed
    expect(result.capabilities.diagnosticProvider).toBeUndefined();
  });

  it('an owner id renamed in the unsaved owners file makes the open plan’s lead and owner unknown, at their ranges', async () => {
    await editor.open('hz/plan.yaml');
    expect(await editor.diagnostics('hz/plan.yaml')).toEqual([]);
    // renamed in the editor, not on disk
    await editor.open('owners.yaml', OWNERS.replace('{id: hz-sfj,', '{id: hz-sj,'));
    const found = await editor.diagnostics('hz/plan.yaml', byRule('unknown-reference'));
    const unknown = found.filter((d) => d.code === 'unknown-reference');
    expect(unknown.map((d) => d.range)).toEqual([rangeOf(PLAN, 'hz-sfj', 0), rangeOf(PLAN, 'hz-sfj', 1)]);
    for (const d of unknown) {
      expect(d).toMatchObject({ severity: 1, source: 'plans' });
      expect(d.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/unknown-reference\.md$/);
      expect(fs.existsSync(new URL(d.codeDescription!.href))).toBe(true);
      expect(d.message).toContain('hz-sfj');
    }
    // the owners file itself: hz-fzc's parent is unknown there now
    const own = await editor.diagnostics('owners.yaml', byRule('unknown-reference'));
    expect(own.find((d) => d.code === 'unknown-reference')?.range).toEqual(rangeOf(OWNERS, 'hz-sfj', 1));
    expect(fs.readFileSync(path.join(editor.dir, 'owners.yaml'), 'utf8')).toBe(OWNERS);
    // put back in the editor: the plan is clean again
    await editor.change('owners.yaml', OWNERS);
    expect(await editor.diagnostics('hz/plan.yaml', (d) => d.length === 0)).toEqual([]);
    await editor.close('owners.yaml');
  });

  it('a file changed on disk behind the editor (the watcher tells) is read again: the open plan shows what it now lacks', async () => {
    await editor.open('hz/plan.yaml');
    await editor.diagnostics('hz/plan.yaml', (d) => d.length === 0);
    const owners = path.join(editor.dir, 'owners.yaml');
    fs.writeFileSync(owners, OWNERS.replace('  - {id: hz-fzc, name: 杭州市法治处, city: hz, parent: hz-sfj}\n', ''));
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: editor.uri('owners.yaml'), type: 2 }] });
    const found = await editor.diagnostics('hz/plan.yaml', byRule('unknown-reference'));
    expect(found.map((d) => [d.code, d.range])).toEqual([['unknown-reference', rangeOf(PLAN, 'hz-fzc')]]);
    fs.writeFileSync(owners, OWNERS);
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: editor.uri('owners.yaml'), type: 2 }] });
    await editor.diagnostics('hz/plan.yaml', (d) => d.length === 0);
  });

  it('a change updates the diagnostics of the changed document, of its version', async () => {
    await editor.open('nb/plan.yaml');
    await editor.diagnostics('nb/plan.yaml', (d) => d.length === 0);
    const broken = NB_PLAN.replace('due: 2022-12-31', 'due: 2022-13-45');
    const version = await editor.change('nb/plan.yaml', broken);
    const found = await editor.diagnostics('nb/plan.yaml', (d) => d.length > 0, version);
    expect(found.map((d) => d.code)).toContain('schema');
    expect(found.find((d) => d.code === 'schema')!.range.start).toEqual(positionOf(broken, '2022-13-45'));
    const fixed = await editor.change('nb/plan.yaml', NB_PLAN);
    expect(await editor.diagnostics('nb/plan.yaml', () => true, fixed)).toEqual([]);
  });

  it('a document that starts with a BOM: positions on its first line count the BOM, as the editor does', async () => {
    const text = '\ufeff' + NB_PLAN.replace('kind: Plan', 'kind: Plann');
    await editor.open('nb/bom.yaml', text);
    const found = await editor.diagnostics('nb/bom.yaml', byRule('unknown-kind'));
    expect(found.find((d) => d.code === 'unknown-kind')!.range).toEqual(rangeOf(text, 'Plann'));
    const actions = await editor.request('textDocument/codeAction', { textDocument: { uri: editor.uri('nb/bom.yaml') }, range: rangeOf(text, 'Plann'), context: { diagnostics: [] } });
    const fixed = applyEdits(text, actions[0].edit.changes[editor.uri('nb/bom.yaml')]);
    expect(fixed).toBe('\ufeff' + NB_PLAN);
    await editor.close('nb/bom.yaml');
  });

  it('inline suppression and the config in force apply, as in plans lint', async () => {
    const typo = NB_PLAN.replace('    lead: nb-sfj', '    lead: nb-sf');
    let version = await editor.change('nb/plan.yaml', typo);
    expect((await editor.diagnostics('nb/plan.yaml', () => true, version)).map((d) => d.code)).toEqual(['unknown-reference']);
    version = await editor.change('nb/plan.yaml', typo.replace('    lead: nb-sf', '    lead: nb-sf # plans-disable-line unknown-reference'));
    expect(await editor.diagnostics('nb/plan.yaml', () => true, version)).toEqual([]);
    // the config, edited and not saved, turns the rule into a warning
    fs.writeFileSync(path.join(editor.dir, 'plans.config.yaml'), 'rules:\n  unknown-reference: error\n');
    await editor.open('plans.config.yaml', 'rules:\n  unknown-reference: warning\n');
    version = await editor.change('nb/plan.yaml', typo);
    const shown = await editor.diagnostics('nb/plan.yaml', (d) => d[0]?.severity === 2, version);
    expect(shown.map((d) => [d.code, d.severity])).toEqual([['unknown-reference', 2]]);
    await editor.close('plans.config.yaml');
    version = await editor.change('nb/plan.yaml', NB_PLAN);
    expect(await editor.diagnostics('nb/plan.yaml', () => true, version)).toEqual([]);
  });
});

describe('plans lsp: navigation and completion', () => {
  let editor: Editor;
  beforeAll(async () => {
    ({ editor } = await start());
    await editor.open('hz/plan.yaml');
    await editor.open('hz/progress/2022-06.yaml');
    await editor.diagnostics('hz/progress/2022-06.yaml');
  });

  it('goes from a lead to the owner’s id in the owners file', async () => {
    const at = positionOf(PLAN, 'lead: hz-sfj', 0, 'lead: hz'.length);
    const loc = await editor.request('textDocument/definition', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: at });
    expect(loc).toEqual({ uri: editor.uri('owners.yaml'), range: rangeOf(OWNERS, 'hz-sfj', 0) });
  });

  it('goes from a progress value’s target to the target, from tasks to the campaign’s task, from an indicator and a city to theirs', async () => {
    const target = await editor.request('textDocument/definition', { textDocument: { uri: editor.uri('hz/progress/2022-06.yaml') }, position: positionOf(PROGRESS, 'HZ-01-K1', 0, 3) });
    expect(target).toEqual({ uri: editor.uri('hz/plan.yaml'), range: rangeOf(PLAN, 'HZ-01-K1') });
    const task = await editor.request('textDocument/definition', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(PLAN, 'T01', 0, 1) });
    expect(task).toEqual({ uri: editor.uri('campaign.yaml'), range: rangeOf(CAMPAIGN, 'T01') });
    const indicator = await editor.request('textDocument/definition', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(PLAN, 'lawyers', 0, 2) });
    expect(indicator).toEqual({ uri: editor.uri('campaign.yaml'), range: rangeOf(CAMPAIGN, 'lawyers') });
    const city = await editor.request('textDocument/definition', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(PLAN, 'city: hz', 0, 7) });
    expect(city).toEqual({ uri: editor.uri('campaign.yaml'), range: rangeOf(CAMPAIGN, 'hz', 0) });
    const campaign = await editor.request('textDocument/definition', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(PLAN, 'c2022', 0, 1) });
    expect(campaign).toEqual({ uri: editor.uri('campaign.yaml'), range: rangeOf(CAMPAIGN, 'c2022') });
  });

  it('hovers over an owner: name, city and parent; over a target: wording, latest progress and status', async () => {
    const owner = await editor.request('textDocument/hover', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(PLAN, 'hz-fzc', 0, 2) });
    expect(owner.range).toEqual(rangeOf(PLAN, 'hz-fzc'));
    expect(owner.contents.kind).toBe('markdown');
    for (const part of ['杭州市法治处', 'city: 杭州市 (hz)', 'parent: 杭州市司法局 (hz-sfj)', 'leads 0, supports 1', 'owners.yaml:6']) expect(owner.contents.value).toContain(part);
    const target = await editor.request('textDocument/hover', { textDocument: { uri: editor.uri('hz/progress/2022-06.yaml') }, position: positionOf(PROGRESS, 'HZ-01-K1', 0, 1) });
    for (const part of ['律师万人比', '5.5', '2022-06-30', 'hz/plan.yaml:18']) expect(target.contents.value).toContain(part);
    // the status the gap report gives this target (on track: 0.4 of the way at about half the year)
    expect(target.contents.value).toMatch(/status: (on track|at risk|off track)/);
    const unknown = await editor.request('textDocument/hover', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(PLAN, 'title:', 0, 0) });
    expect(unknown).toBeNull();
  });

  it('goes from a progress value’s unit key to the unit of the city’s plan, and hovers it with its name', async () => {
    const text = PROGRESS.replace('    value: 5.5', '    units: {xh: 3}');
    await editor.change('hz/progress/2022-06.yaml', text);
    const at = positionOf(text, '{xh', 0, 2);
    const loc = await editor.request('textDocument/definition', { textDocument: { uri: editor.uri('hz/progress/2022-06.yaml') }, position: at });
    expect(loc).toEqual({ uri: editor.uri('hz/plan.yaml'), range: rangeOf(PLAN, 'xh') });
    const hover = await editor.request('textDocument/hover', { textDocument: { uri: editor.uri('hz/progress/2022-06.yaml') }, position: at });
    expect(hover.contents.value).toContain('西湖区');
    await editor.change('hz/progress/2022-06.yaml', PROGRESS);
  });

  it('completes `than:` with the targets and the campaign’s indicators', async () => {
    const text = PLAN.replace('        target: {op: ">=", value: 6}', '        target: {op: ">", than: }');
    await editor.change('hz/plan.yaml', text);
    const items = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(text, 'than: ', 0, 6) });
    expect(items.map((i: any) => i.label).sort()).toEqual(['HZ-01-K1', 'NB-01-K1', 'lawyers']);
    expect(items.find((i: any) => i.label === 'HZ-01-K1').sortText < items.find((i: any) => i.label === 'NB-01-K1').sortText).toBe(true);
    await editor.change('hz/plan.yaml', PLAN);
  });

  it('finds what an owner leads and supports', async () => {
    const refs = await editor.request('textDocument/references', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(PLAN, 'lead: hz-sfj', 0, 7), context: { includeDeclaration: false } });
    const places = refs.map((r: any) => `${path.relative(editor.dir, new URL(r.uri).pathname)}:${r.range.start.line}:${r.range.start.character}`);
    expect(places.sort()).toEqual([`hz/plan.yaml:11:10`, `hz/plan.yaml:4:7`, `owners.yaml:${positionOf(OWNERS, 'hz-sfj', 1).line}:${positionOf(OWNERS, 'hz-sfj', 1).character}`]);
  });

  it('completes owner ids after lead:, those of the plan’s city first, each with its name', async () => {
    const text = PLAN.replace('    lead: hz-sfj', '    lead: ');
    const version = await editor.change('hz/plan.yaml', text);
    await editor.diagnostics('hz/plan.yaml', () => true, version);
    const items = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(text, '    lead: ', 0, '    lead: '.length) });
    const list = Array.isArray(items) ? items : items.items;
    const sorted = [...list].sort((a: any, b: any) => (a.sortText < b.sortText ? -1 : 1)).map((i: any) => i.label);
    expect(sorted).toEqual(['hz-fzc', 'hz-sfj', 'prov', 'nb-sfj']);
    expect(list.find((i: any) => i.label === 'hz-sfj').detail).toBe('杭州市司法局');
    // in a flow list, after a comma; and in a block list item
    const flow = PLAN.replace('support: [hz-fzc]', 'support: [hz-fzc, h]');
    await editor.change('hz/plan.yaml', flow);
    const inFlow = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(flow, 'hz-fzc, h', 0, 'hz-fzc, h'.length) });
    const edit = inFlow.find((i: any) => i.label === 'hz-sfj').textEdit;
    expect(edit).toEqual({ range: { start: positionOf(flow, 'hz-fzc, h', 0, 8), end: positionOf(flow, 'hz-fzc, h', 0, 9) }, newText: 'hz-sfj' });
    // a flow list begun on a line above
    const multi = PLAN.replace('support: [hz-fzc]', 'support: [hz-fzc,\n      ]');
    await editor.change('hz/plan.yaml', multi);
    const inMulti = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(multi, '      ]', 0, 6) });
    expect(inMulti.map((i: any) => i.label)).toContain('hz-sfj');
    const block = PLAN.replace('    tasks: [T01]', '    tasks:\n      - ');
    await editor.change('hz/plan.yaml', block);
    const tasks = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(block, '      - ', 0, 8) });
    expect(tasks.map((i: any) => [i.label, i.detail])).toEqual([['T01', '共同富裕法治同行']]);
    // no key completion: that is yaml-language-server's
    const key = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/plan.yaml') }, position: positionOf(block, '    title', 0, 6) });
    expect(key).toBeNull();
    await editor.change('hz/plan.yaml', PLAN);
  });

  it('completes a progress value’s target and its unit keys from the city’s plan', async () => {
    const text = PROGRESS.replace('  - target: HZ-01-K1\n    value: 5.5', '  - target: HZ-01-K1\n    units: {x}\n  - target: ');
    await editor.change('hz/progress/2022-06.yaml', text);
    const targets = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/progress/2022-06.yaml') }, position: positionOf(text, '  - target: ', 1, 12) });
    expect(targets.map((i: any) => [i.label, i.detail])).toEqual([['HZ-01-K1', '律师万人比']]);
    const units = await editor.request('textDocument/completion', { textDocument: { uri: editor.uri('hz/progress/2022-06.yaml') }, position: positionOf(text, '{x}', 0, 2) });
    expect(units.map((i: any) => [i.label, i.detail])).toEqual([['xh', '西湖区']]);
    await editor.change('hz/progress/2022-06.yaml', PROGRESS);
  });
});

describe('plans lsp: quick fixes', () => {
  let editor: Editor;
  beforeAll(async () => {
    ({ editor } = await start());
  });

  const fixesAt = async (rel: string, d: Diagnostic) => editor.request('textDocument/codeAction', { textDocument: { uri: editor.uri(rel) }, range: d.range, context: { diagnostics: [d] } });

  it('a did-you-mean, applied, leaves no finding', async () => {
    const typo = NB_PLAN.replace('    lead: nb-sfj', '    lead: nb-sfi');
    await editor.open('nb/plan.yaml', typo);
    const [d] = await editor.diagnostics('nb/plan.yaml', byRule('unknown-reference'));
    expect(d.range).toEqual(rangeOf(typo, 'nb-sfi'));
    const actions = await fixesAt('nb/plan.yaml', d);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'quickfix', isPreferred: true });
    const edits = actions[0].edit.changes[editor.uri('nb/plan.yaml')];
    const fixed = applyEdits(typo, edits);
    expect(fixed).toBe(NB_PLAN);
    const version = await editor.change('nb/plan.yaml', fixed);
    expect(await editor.diagnostics('nb/plan.yaml', () => true, version)).toEqual([]);
  });

  it('the fix a finding carries (a full-width colon, a name written for an id), applied, leaves no finding', async () => {
    for (const broken of [NB_PLAN.replace('    lead: nb-sfj', '    lead：nb-sfj'), NB_PLAN.replace('    lead: nb-sfj', '    lead: 宁波市司法局')]) {
      let version = await editor.change('nb/plan.yaml', broken);
      const found = await editor.diagnostics('nb/plan.yaml', (d) => d.length > 0, version);
      const actions = (await Promise.all(found.map((d) => fixesAt('nb/plan.yaml', d)))).flat();
      expect(actions.length).toBeGreaterThan(0);
      const fixed = applyEdits(broken, actions.filter((a: any) => a.isPreferred).flatMap((a: any) => a.edit.changes[editor.uri('nb/plan.yaml')]));
      version = await editor.change('nb/plan.yaml', fixed);
      expect(await editor.diagnostics('nb/plan.yaml', () => true, version)).toEqual([]);
    }
  });
});

describe('plans lsp: fix all', () => {
  it('one source action applies every fix plans lint --fix would, and only those', async () => {
    const { editor, result } = await start();
    expect(result.capabilities.codeActionProvider.codeActionKinds).toContain('source.fixAll.plans');
    // two keyboard mistakes (fixed) and a misspelt owner id (a suggestion, left to its quick fix)
    const broken = NB_PLAN.replace('    lead: nb-sfj', '    lead：nb-sfi').replace('kind: Plan', 'kind：Plan');
    await editor.open('nb/plan.yaml', broken);
    const found = await editor.diagnostics('nb/plan.yaml', (d) => d.length > 0, 1);
    expect(found.length).toBeGreaterThan(1);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await editor.request('textDocument/codeAction', { textDocument: { uri: editor.uri('nb/plan.yaml') }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(actions.map((a: any) => a.kind)).toEqual(['source.fixAll.plans']);
    const edits = actions[0].edit.changes[editor.uri('nb/plan.yaml')];
    expect(edits).toHaveLength(2);
    const fixed = applyEdits(broken, edits);
    expect(fixed).toBe(NB_PLAN.replace('    lead: nb-sfj', '    lead: nb-sfi'));
    const after = await editor.change('nb/plan.yaml', fixed);
    const left = await editor.diagnostics('nb/plan.yaml', () => true, after);
    expect(left.map((d) => d.code)).toEqual(['unknown-reference']);
    // nothing left to fix: no source action
    expect(await editor.request('textDocument/codeAction', { textDocument: { uri: editor.uri('nb/plan.yaml') }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } })).toEqual([]);
  });
});

describe('plans lsp: pull diagnostics, language, entry points', () => {
  it('a client with pull diagnostics pulls a document’s and the workspace’s', async () => {
    const { editor, result } = await start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } } });
    expect(result.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: true });
    fs.writeFileSync(path.join(editor.dir, 'nb/plan.yaml'), NB_PLAN.replace('tasks: [T01]', 'tasks: [T09]'));
    const typo = PLAN.replace('    lead: hz-sfj', '    lead: hz-sfk');
    await editor.open('hz/plan.yaml', typo);
    const report = await editor.request('textDocument/diagnostic', { textDocument: { uri: editor.uri('hz/plan.yaml') } });
    expect(report.kind).toBe('full');
    expect(report.items.map((d: Diagnostic) => [d.code, d.range])).toEqual([['unknown-reference', rangeOf(typo, 'hz-sfk')]]);
    const workspace = await editor.request('workspace/diagnostic', { previousResultIds: [] });
    const nb = workspace.items.find((i: any) => i.uri === editor.uri('nb/plan.yaml'));
    expect(nb.items.map((d: Diagnostic) => d.code)).toContain('unknown-reference');
    // an edit of another open document: the server asks to pull again, and the plan shows what it now lacks
    await editor.open('owners.yaml');
    const before = editor.refreshes;
    await editor.change('owners.yaml', OWNERS.replace('  - {id: hz-fzc, name: 杭州市法治处, city: hz, parent: hz-sfj}\n', ''));
    await editor.refreshed(before);
    const again = await editor.request('textDocument/diagnostic', { textDocument: { uri: editor.uri('hz/plan.yaml') } });
    expect(again.items.map((d: Diagnostic) => [d.code, d.range])).toEqual([
      ['unknown-reference', rangeOf(typo, 'hz-sfk')],
      ['unknown-reference', rangeOf(typo, 'hz-fzc')],
    ]);
    // nothing is pushed to a client that pulls
    expect(editor.published.size).toBe(0);
  });

  it('a baseline named in the initialization options hides the findings it holds, as plans lint --baseline does', async () => {
    const dir = makeRepo({ ...FILES, 'nb/plan.yaml': NB_PLAN.replace('    lead: nb-sfj', '    lead: nb-sf') });
    made.push(dir);
    const written = spawnSync(process.execPath, [bin, 'lint', '--write-baseline', 'baseline.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(written.status).toBe(1);
    const editor = new Editor(dir);
    editors.push(editor);
    await editor.initialize({}, { baseline: 'baseline.json' });
    const typo = NB_PLAN.replace('    lead: nb-sfj', '    lead: nb-sf');
    await editor.open('nb/plan.yaml', typo);
    expect(await editor.diagnostics('nb/plan.yaml')).toEqual([]);
    // a new mistake is not in the baseline
    const worse = typo.replace('tasks: [T01]', 'tasks: [T09]');
    const version = await editor.change('nb/plan.yaml', worse);
    const shown = await editor.diagnostics('nb/plan.yaml', () => true, version);
    // T09 is unknown (and T01 no longer covered); the baselined nb-sf is still not shown
    expect(shown.filter((d) => d.code === 'unknown-reference').map((d) => d.range)).toEqual([rangeOf(worse, 'T09')]);
    expect(shown.map((d) => d.code).sort()).toEqual(['task-not-covered', 'unknown-reference']);
  });

  it('speaks Chinese when the client asks for it, or its locale is Chinese', async () => {
    for (const opts of [{ init: { lang: 'zh' } }, { locale: 'zh-CN' }, { env: { PLANS_LANG: 'zh' } }]) {
      const { editor } = await start(opts);
      await editor.open('hz/plan.yaml', PLAN.replace('    lead: hz-sfj', '    lead: hz-sfk'));
      const [d] = await editor.diagnostics('hz/plan.yaml', byRule('unknown-reference'));
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.codeDescription?.href).toMatch(/docs\/rules\/zh\/unknown-reference\.md$/);
    }
  });

  it('starts as `plans --stdio` too, and ends on exit after shutdown with status 0', async () => {
    const { editor, result } = await start({ args: ['--stdio'] });
    expect(result.capabilities.hoverProvider).toBe(true);
    expect(await editor.shutdown()).toBe(0);
  });

  it('ends when the editor goes away (its standard input closes) without a shutdown', async () => {
    const { editor } = await start();
    const exited = new Promise<number | null>((resolve) => editor.child.once('exit', resolve));
    editor.child.stdin.end();
    expect(await exited).toBe(1);
  });

  it('refuses an unusable --lang with one line and exit 2', async () => {
    const run = spawnSync(process.execPath, [bin, 'lsp', '--lang', 'fr'], { input: '', encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^plans: .*fr/);
  });
});
