/**
 * Guard for lint in context with a narrowed repository (src/engine/context.ts): linting named files
 * with only the files that share a name with them gives exactly what linting them with the whole
 * repository gives. Compared on every file of the example and of every fixture, one by one and in
 * pairs, and on seeded random edits of the example made to trip the narrowing (an id reused in
 * another file, a city changed, an escape hiding a name, a broken file, a file removed or copied).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameSearch, namesOf } from '../src/engine/context.js';
import { loadFile } from '../src/load/index.js';
import { runCli as cliRun } from './helpers/cli.js';
// @ts-expect-error bench/generate.mjs is plain JavaScript
import { generate } from '../bench/generate.mjs';
import { fixtures, yamlFiles } from './helpers/fixtures.js';
import { replaceFirstToken } from './helpers/edits.js';

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples', 'zhejiang-2022');

/** What the engines of this file's runs did: checks in context narrowed, and those that needed the whole repository. */
const stats = { narrowed: 0, whole: 0 };
const narrowingOutcomes = () => ({ ...stats });
const runCli = (args: string[], opts: { cwd: string }) => cliRun(args, { ...opts, engine: { stats } });

/** `plans lint <files> --format json` with the narrowing on and off. */
async function both(files: string[], cwd: string, lang = 'en') {
  const args = ['lint', ...files, '--format', 'json', '--lang', lang];
  const narrowed = await runCli(args, { cwd });
  const whole = await cliRun(args, { cwd, engine: { narrowing: false } });
  return { narrowed, whole };
}

describe('lint in context, narrowed to the files that share a name', () => {
  it('the narrowed part leaves out what cannot matter, and keeps what can', () => {
    const plan = loadFile(path.join(example, 'hangzhou', 'plan.yaml'), { cwd: example }).file;
    const names = namesOf([plan]);
    expect(names).toBeDefined();
    expect(names!.names).toEqual(expect.arrayContaining(['Campaign', 'HZ-01', 'HZ-01-K1']));
    // a plan's city is not searched for as such: only its first plan document is needed (lint.ts)
    expect(names!.names).not.toContain('hangzhou');
    expect(names!.planCities).toEqual(['hangzhou']);
    // a report's city is: its plan gives the units, its other reports which one is the latest
    const report = namesOf([loadFile(path.join(example, 'hangzhou', 'progress', '2022-06.yaml'), { cwd: example }).file])!;
    expect(report.names).toContain('hangzhou');
    expect(report.planCities).toEqual([]);
    const search = new NameSearch(names!);
    const relevant = yamlFiles(example).filter((f) => search.relevant(path.join(example, f)));
    // the campaign, the owners, the plan itself and the progress reporting on its targets; not Ningbo or Wenzhou
    expect(relevant).toEqual(['campaign.yaml', 'hangzhou/plan.yaml', 'hangzhou/progress/2022-06.yaml', 'owners.yaml']);
    // a campaign or owners file concerns every file: no narrowing
    expect(namesOf([loadFile(path.join(example, 'campaign.yaml'), { cwd: example }).file])).toBeUndefined();
    expect(namesOf([loadFile(path.join(example, 'owners.yaml'), { cwd: example }).file])).toBeUndefined();
  });

  it('an escape or a UTF-16 file could hide a name: such files are kept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-narrow-'));
    const search = new NameSearch({ names: ['wenzhou'], owners: [] });
    const write = (name: string, bytes: string | Buffer) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    expect(search.relevant(write('plain.yaml', 'kind: Plan\ncity: ningbo\n'))).toBe(false);
    expect(search.relevant(write('named.yaml', 'kind: Plan\ncity: wenzhou\n'))).toBe(true);
    expect(search.relevant(write('escaped.yaml', 'kind: Plan\ncity: "w\\x65nzhou"\n'))).toBe(true);
    expect(search.relevant(write('utf16.yaml', Buffer.from('\ufeffkind: Plan\ncity: wenzhou\n', 'utf16le')))).toBe(true);
    expect(search.relevant(path.join(dir, 'missing.yaml'))).toBe(true);
  });

  it('every file of the example, alone and in pairs, in both languages', async () => {
    const files = yamlFiles(example);
    expect(files.length).toBeGreaterThan(5);
    let findings = 0;
    for (const lang of ['en', 'zh']) {
      for (const f of files) {
        const { narrowed, whole } = await both([f], example, lang);
        findings += JSON.parse(whole.stdout).diagnostics.length;
        expect(narrowed, `${f} (${lang})`).toEqual(whole);
      }
    }
    for (let i = 0; i + 1 < files.length; i++) {
      const { narrowed, whole } = await both([files[i], files[i + 1]], example);
      expect(narrowed, `${files[i]} ${files[i + 1]}`).toEqual(whole);
    }
    expect(findings).toBeGreaterThan(10);
  }, 60_000);

  it('every file of every fixture', async () => {
    let compared = 0;
    for (const group of fs.readdirSync(fixtures)) {
      const dir = path.join(fixtures, group);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of yamlFiles(dir)) {
        const { narrowed, whole } = await both([path.join(group, f)], fixtures);
        expect(narrowed, `${group}/${f}`).toEqual(whole);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  }, 120_000);

  it('seeded random edits of the example: the same findings narrowed or whole', async () => {
    const original = Object.fromEntries(yamlFiles(example).map((f) => [f, fs.readFileSync(path.join(example, f), 'utf8')]));
    const names = Object.keys(original);
    // the ids and references of the example: reusing one elsewhere makes duplicates, unknown and foreign references
    const tokens = [...new Set(Object.values(original).flatMap((text) => [...text.matchAll(/(?<=[\s[{,:]|^)([A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+|T\d\d(?:\.\d)?|hangzhou|ningbo|wenzhou)(?=[\s\]},]|$)/gm)].map((m) => m[1])))];
    expect(tokens.length).toBeGreaterThan(50);

    const edit = fc.oneof(
      fc.record({ kind: fc.constant('swap' as const), file: fc.nat(), from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('escape' as const), file: fc.nat(), from: fc.nat() }),
      fc.record({ kind: fc.constant('drop-line' as const), file: fc.nat(), line: fc.nat() }),
      fc.record({ kind: fc.constant('break' as const), file: fc.nat(), line: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), file: fc.nat() }),
      fc.record({ kind: fc.constant('copy' as const), file: fc.nat() }),
    );
    type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

    const apply = (files: Record<string, string>, e: Edit) => {
      const keys = Object.keys(files);
      const name = keys[e.file % keys.length];
      const text = files[name];
      const lines = text.split('\n');
      switch (e.kind) {
        case 'swap':
        case 'escape': {
          const present = tokens.filter((t) => text.includes(t));
          if (!present.length) return;
          const from = present[e.from % present.length];
          const to = e.kind === 'swap' ? tokens[e.to % tokens.length] : `"${from.slice(0, 1)}\\x${from.charCodeAt(1).toString(16)}${from.slice(2)}"`;
          files[name] = replaceFirstToken(text, from, to);
          return;
        }
        case 'drop-line':
          lines.splice(e.line % lines.length, 1);
          files[name] = lines.join('\n');
          return;
        case 'break':
          lines.splice(e.line % lines.length, 0, '  - : [unclosed');
          files[name] = lines.join('\n');
          return;
        case 'remove':
          if (keys.length > 2) delete files[name];
          return;
        case 'copy':
          files[name.replace(/\.yaml$/, '-copy.yaml')] = text;
          return;
      }
    };

    let runs = 0;
    let differentFindings = 0;
    const before = narrowingOutcomes();
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat(), fc.boolean(), async (edits, pick, two) => {
        const files = { ...original };
        for (const e of edits) apply(files, e);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-narrow-prop-'));
        for (const [name, text] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          fs.writeFileSync(path.join(dir, name), text);
        }
        const present = Object.keys(files).filter((n) => n !== 'campaign.yaml' || !names.includes('campaign.yaml') || pick % 7 === 0);
        const named = [present[pick % present.length], ...(two ? [present[(pick + 1) % present.length]] : [])];
        const { narrowed, whole } = await both([...new Set(named)], dir);
        fs.rmSync(dir, { recursive: true, force: true });
        runs++;
        if (JSON.parse(whole.stdout).diagnostics.length > 0) differentFindings++;
        expect(narrowed).toEqual(whole);
      }),
      { numRuns: 150, seed: 20221231 },
    );
    expect(runs).toBe(150);
    // a good part of the edited repositories were checked narrowed (41 of 150 with this seed; the rest
    // name a campaign or owners file, or have findings that need the whole repository)
    const after = narrowingOutcomes();
    expect(after.narrowed - before.narrowed).toBeGreaterThan(30);
    // the edits do make findings, so the comparison is not of empty lists
    expect(differentFindings).toBeGreaterThan(50);
  }, 180_000);

  it('seeded random edits of a repository split one file per action (the bench layout), linting an edited file', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-narrow-split-'));
    (generate as (dir: string, cities: number) => void)(base, 3);
    const original = Object.fromEntries(yamlFiles(base).map((f) => [f, fs.readFileSync(path.join(base, f), 'utf8')]));
    // a clean action file is checked narrowed: its city's other files, the campaign and the owners it
    // names are enough (a part without the rest of its city would find tasks uncovered, and fall back)
    const clean = narrowingOutcomes();
    const { narrowed: first } = await both(['c0002/actions/07.yaml'], base);
    expect(JSON.parse(first.stdout).diagnostics).toEqual([]);
    expect(narrowingOutcomes().narrowed - clean.narrowed).toBe(1);
    // so is the city's first action file, with the rest of its city (else its tasks would seem uncovered)
    const { narrowed: own } = await both(['c0002/actions/01.yaml'], base);
    expect(JSON.parse(own.stdout).diagnostics).toEqual([]);
    expect(narrowingOutcomes().narrowed - clean.narrowed).toBe(2);
    fs.rmSync(base, { recursive: true, force: true });
    const tokens = [...new Set(Object.values(original).flatMap((text) => [...text.matchAll(/(?<=[\s[{,:]|^)([A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+|T\d\d(?:\.\d)?)(?=[\s\]},]|$)/gm)].map((m) => m[1])))];
    expect(tokens.length).toBeGreaterThan(100);
    const before = narrowingOutcomes();
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(3)), { minLength: 1, maxLength: 5 }), fc.nat(), async (edits, pick) => {
        const files = { ...original };
        const edited: string[] = [];
        for (const [a, b, c, kind] of edits) {
          // mostly action files and reports, the files drafters edit
          const keys = Object.keys(files).filter((f) => a % 3 === 0 || /actions|progress/.test(f));
          const name = keys[a % keys.length];
          const text = files[name];
          edited.push(name);
          if (kind === 0) {
            const present = tokens.filter((t) => text.includes(t));
            if (present.length) files[name] = text.replace(present[b % present.length], tokens[c % tokens.length]);
          } else if (kind === 1 || kind === 2) {
            const lines = text.split('\n');
            if (kind === 1) lines.splice(b % lines.length, 1);
            else lines.splice(b % lines.length, 0, '  - : [unclosed');
            files[name] = lines.join('\n');
          } else {
            files[name.replace(/\.yaml$/, '-copy.yaml')] = text;
          }
        }
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-narrow-split-prop-'));
        for (const [name, text] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          fs.writeFileSync(path.join(dir, name), text);
        }
        const { narrowed, whole } = await both([edited[pick % edited.length]], dir);
        fs.rmSync(dir, { recursive: true, force: true });
        if (JSON.parse(whole.stdout).diagnostics.length > 0) withFindings++;
        expect(narrowed).toEqual(whole);
      }),
      { numRuns: 120, seed: 9 },
    );
    const after = narrowingOutcomes();
    expect(withFindings).toBeGreaterThan(60);
    expect(after.narrowed - before.narrowed).toBeGreaterThan(20);
  }, 300_000);

  it("a plan file needs its city's first plan document, not the whole city: coverage findings go there", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-narrow-first-'));
    (generate as (dir: string, cities: number) => void)(dir, 2);
    // action 01 of c0002 no longer covers T01: task-not-covered, placed on the city's first plan document
    const first = path.join(dir, 'c0002', 'actions', '01.yaml');
    fs.writeFileSync(first, fs.readFileSync(first, 'utf8').replace('tasks: [T01]', 'tasks: [T02]'));
    const start = narrowingOutcomes();
    // another action file of the city: checked narrowed, and no finding (the one finding is not in it)
    const other = await both(['c0002/actions/07.yaml'], dir);
    expect(other.narrowed).toEqual(other.whole);
    expect(JSON.parse(other.whole.stdout).diagnostics).toEqual([]);
    expect(narrowingOutcomes().narrowed - start.narrowed).toBe(1);
    // the first document itself: its finding needs the whole repository, and is the same
    const own = await both(['c0002/actions/01.yaml'], dir);
    expect(own.narrowed).toEqual(own.whole);
    expect(JSON.parse(own.whole.stdout).diagnostics.map((d: { rule: string }) => d.rule)).toContain('task-not-covered');
    expect(narrowingOutcomes().whole - start.whole).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
