/**
 * `plans lint --fix` and `--fix-dry-run` (cli.md): one case per fix kind, each checking that the
 * whole file is the original with only the expected range replaced (in a plain file, and in one
 * with a BOM and CRLF line ends); overlapping fixes; what cannot be fixed; the dry run's diff
 * applied by git; JSON's UTF-16 ranges; idempotence; a write that fails loses nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyEdits, passEdits } from '../src/engine/fix.js';
import { spliceEdits } from '../src/load/encode.js';
import { tabIndentFixes } from '../src/load/tabs.js';
import { decode } from '../src/load/decode.js';
import { runCli } from './helpers/cli.js';

const example = path.join(__dirname, '..', 'examples', 'zhejiang-2022');
const PLAN = 'hangzhou/plan.yaml';
const made: string[] = [];

function copy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-fix-'));
  fs.cpSync(example, dir, { recursive: true });
  made.push(dir);
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const original = fs.readFileSync(path.join(example, PLAN), 'utf8');

/** A file form: the plain UTF-8 text, or with a BOM and CRLF line ends. */
const forms = {
  plain: (text: string) => Buffer.from(text, 'utf8'),
  'BOM and CRLF': (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]),
};

/**
 * Each fix kind: `good` in the example's plan becomes `bad` (first occurrence), and --fix must give
 * back the plan with `fixed` in its place (the good text, or the same with its quoting kept).
 */
const kinds: { name: string; good: string; bad: string; fixed?: string; messageId: string }[] = [
  { name: 'full-width colon', good: 'title: 杭州市', bad: 'title：杭州市', messageId: 'yaml/fullwidth-colon' },
  { name: 'full-width comma', good: '[hz-sfj-lfc, hz-sfj-xzzfjdc]', bad: '[hz-sfj-lfc，hz-sfj-xzzfjdc]', messageId: 'yaml/fullwidth-comma' },
  { name: 'full-width spaces as indentation', good: '    track: 法治政府建设', bad: '　　track: 法治政府建设', messageId: 'yaml/fullwidth-indent' },
  { name: 'full-width space after a colon', good: 'owner: hz-sfj\n', bad: 'owner:　hz-sfj\n', messageId: 'yaml/fullwidth-space' },
  { name: 'full-width brackets', good: 'tasks: [T01]', bad: 'tasks: ［T01］', messageId: 'yaml/fullwidth-bracket' },
  { name: 'a tab as indentation', good: '        unit: 个', bad: '\tunit: 个', messageId: 'yaml/TAB_AS_INDENT' },
  { name: 'a date written 2022/12/31 (single quotes kept)', good: '    due: 2022-12-31', bad: "    due: '2022/12/31'", fixed: "    due: '2022-12-31'", messageId: 'schema/date-form' },
  { name: 'a date written 2022年12月31日', good: '    due: 2022-12-31', bad: '    due: 2022年12月31日', messageId: 'schema/date-form' },
  { name: 'a date written 2022.12.31', good: '    due: 2022-12-31', bad: '    due: 2022.12.31', messageId: 'schema/date-form' },
  { name: 'a misspelt key', good: '    track: 法治政府建设', bad: '    trak: 法治政府建设', messageId: 'schema/unknown-key-suggest' },
  { name: 'an owner by its name (double quotes kept)', good: 'owner: hz-sfj\n', bad: 'owner: "杭州市司法局"\n', fixed: 'owner: "hz-sfj"\n', messageId: 'unknown-reference/by-name' },
  { name: 'an owner by its alias', good: 'owner: hz-sfj\n', bad: 'owner: 杭州司法局\n', messageId: 'unknown-reference/by-name' },
];

describe('plans lint --fix, one case per fix kind', () => {
  for (const kind of kinds) {
    for (const [formName, form] of Object.entries(forms)) {
      it(`${kind.name} (${formName}): only the range of the mistake changes`, async () => {
        expect(original.includes(kind.good)).toBe(true);
        const dir = copy();
        const file = path.join(dir, PLAN);
        const broken = original.replace(kind.good, kind.bad);
        fs.writeFileSync(file, form(broken));
        // the mistake is found, with a fix, by the id expected
        const before = await runCli(['lint', PLAN, '--format', 'json'], { cwd: dir });
        const diagnostics = JSON.parse(before.stdout).diagnostics as { messageId: string; fix?: unknown }[];
        if (kind.messageId !== 'schema/unknown-key-suggest' && kind.messageId !== 'unknown-reference/by-name' && kind.messageId !== 'schema/date-form') {
          expect(diagnostics.filter((d) => d.messageId === kind.messageId && d.fix).length).toBeGreaterThan(0);
        }
        const run = await runCli(['lint', PLAN, '--fix'], { cwd: dir });
        expect(run.stderr).toMatch(/fix(es)? applied in 1 file/);
        // every byte but the mistake's: the comments, the quoting, the BOM and the CRLF line ends
        const at = broken.indexOf(kind.bad);
        const expected = broken.slice(0, at) + (kind.fixed ?? kind.good) + broken.slice(at + kind.bad.length);
        expect(fs.readFileSync(file).equals(form(expected))).toBe(true);
        expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
        // what is left is the example's own findings: the same exit status as the untouched example
        const clean = await runCli(['lint', PLAN], { cwd: example });
        expect(run.code).toBe(clean.code);
      });
    }
  }

  it('the mistake kinds are found before --fix (by message id, with a fix)', async () => {
    for (const kind of kinds.filter((k) => ['schema/unknown-key-suggest', 'unknown-reference/by-name', 'schema/date-form'].includes(k.messageId))) {
      const dir = copy();
      fs.writeFileSync(path.join(dir, PLAN), original.replace(kind.good, kind.bad));
      const run = await runCli(['lint', PLAN, '--format', 'json'], { cwd: dir });
      const hits = (JSON.parse(run.stdout).diagnostics as { messageId: string; fix?: unknown }[]).filter((d) => d.messageId === kind.messageId && d.fix);
      expect(hits.length, kind.name).toBe(1);
    }
  });

  it('a GB18030 file: only the bytes of the full-width colon change', async () => {
    const dir = copy();
    const gb = path.join(__dirname, 'fixtures', 'load', 'gb18030.yaml');
    const bytes = fs.readFileSync(gb);
    // `name: 杭州市司法局` with a full-width colon (A3 BA in GB18030)
    const at = bytes.indexOf(Buffer.from('name:', 'latin1'));
    const broken = Buffer.concat([bytes.subarray(0, at + 4), Buffer.from([0xa3, 0xba]), bytes.subarray(at + 5)]);
    fs.writeFileSync(path.join(dir, 'gb.yaml'), broken);
    const run = await runCli(['lint', 'gb.yaml', '--fix'], { cwd: dir });
    expect(run.stderr).toMatch(/applied in 1 file/);
    const after = fs.readFileSync(path.join(dir, 'gb.yaml'));
    // the colon, and the space the fix adds before the value
    expect(after.equals(Buffer.concat([bytes.subarray(0, at + 4), Buffer.from(': ', 'latin1'), bytes.subarray(at + 5)])) || after.equals(Buffer.concat([bytes.subarray(0, at + 4), Buffer.from(':', 'latin1'), bytes.subarray(at + 5)]))).toBe(true);
    expect(decode(after).ok && (decode(after) as { encoding: string }).encoding).toBe('gb18030');
  });
});

describe('passes, what is left, the dry run', () => {
  it('overlapping and dependent fixes in one file are applied in later passes', async () => {
    const dir = copy();
    const file = path.join(dir, PLAN);
    // a full-width comma in a list of owners written by name: the comma first, then each name
    const broken = original.replace('[hz-sfj-lfc, hz-sfj-xzzfjdc]', '[杭州市司法局，杭州司法局]').replace('title: 杭州市', 'title：杭州市');
    fs.writeFileSync(file, broken);
    const run = await runCli(['lint', PLAN, '--fix', '--format', 'json'], { cwd: dir });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe(original.replace('[hz-sfj-lfc, hz-sfj-xzzfjdc]', '[hz-sfj, hz-sfj]'));
    // hz-sfj twice in the list: the one finding left is not fixable by --fix
    const left = JSON.parse(run.stdout).diagnostics as { rule: string; messageId: string }[];
    expect(left.map((d) => d.messageId)).toContain('schema/unique-items');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/4 fixes applied in 1 file/);
  });

  it('ESLint’s choice in one pass: sorted, an overlapping or touching fix waits', () => {
    const text = 'abcdef';
    const edits = passEdits(
      [
        { range: [2, 4], text: 'X' },
        { range: [0, 1], text: 'A' },
        { range: [3, 5], text: 'Y' }, // overlaps [2, 4]
        { range: [4, 4], text: 'Z' }, // touches [2, 4]
        { range: [5, 6], text: 'F' },
        { range: [5, 6], text: 'F' }, // the same edit twice
      ],
      text,
    );
    expect(edits.map((e) => e.range)).toEqual([[0, 1], [2, 4], [5, 6]]);
    expect(applyEdits(text, edits)).toBe('AbXeF');
  });

  it('a file that cannot be fully fixed: the rest is reported, and only safe fixes are applied', async () => {
    const dir = copy();
    const file = path.join(dir, PLAN);
    // 15万 and Chinese quotes stay suggestions (cli.md does not list them); the colon is fixed
    const broken = original.replace('title: 杭州市', 'title：杭州市').replace('target: {op: ">=", value: 15}', 'target: {op: ">=", value: 15万}').replace('name: 法治政府示范创建量', 'name: “法治政府示范创建量”');
    fs.writeFileSync(file, broken);
    const run = await runCli(['lint', PLAN, '--fix', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const left = JSON.parse(run.stdout).diagnostics as { messageId: string; fix?: { range: [number, number]; text: string } }[];
    expect(left.map((d) => d.messageId).sort()).toEqual(['schema/wan-number', 'yaml/chinese-quotes']);
    // they still carry their fix, as a suggestion
    expect(left.every((d) => d.fix)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken.replace('title：杭州市', 'title: 杭州市'));
  });

  it('idempotent: a second --fix changes nothing', async () => {
    const dir = copy();
    const file = path.join(dir, PLAN);
    fs.writeFileSync(file, original.replace('title: 杭州市', 'title：杭州市').replace('    track: 法治政府建设', '    trak: 法治政府建设'));
    await runCli(['lint', PLAN, '--fix'], { cwd: dir });
    const once = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    const again = await runCli(['lint', PLAN, '--fix'], { cwd: dir });
    expect(again.stderr).toMatch(/nothing to fix/);
    expect(fs.readFileSync(file).equals(once)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('--fix-dry-run writes nothing, and its diff applied by git gives the --fix result', async () => {
    const dry = copy();
    const wet = copy();
    const broken = forms['BOM and CRLF'](original.replace('title: 杭州市', 'title：杭州市').replace('    due: 2022-12-31', '    due: 2022/12/31').replace('        unit: 个', '\tunit: 个'));
    const ningbo = fs.readFileSync(path.join(example, 'ningbo/plan.yaml'), 'utf8').replace('title: ', 'title：');
    for (const dir of [dry, wet]) {
      fs.writeFileSync(path.join(dir, PLAN), broken);
      fs.writeFileSync(path.join(dir, 'ningbo/plan.yaml'), ningbo);
    }
    const stamp = fs.statSync(path.join(dry, PLAN)).mtimeMs;
    const run = await runCli(['lint', '.', '--fix-dry-run'], { cwd: dry });
    expect(fs.readFileSync(path.join(dry, PLAN)).equals(broken)).toBe(true);
    expect(fs.statSync(path.join(dry, PLAN)).mtimeMs).toBe(stamp);
    expect(fs.readFileSync(path.join(dry, 'ningbo/plan.yaml'), 'utf8')).toBe(ningbo);
    expect(run.stdout).toMatch(/^--- a\/hangzhou\/plan\.yaml\n\+\+\+ b\/hangzhou\/plan\.yaml\n@@ /m);
    expect(run.stdout).toMatch(/^--- a\/ningbo\/plan\.yaml$/m);
    expect(run.stderr).toMatch(/would apply 4 fixes in 2 files/);
    const wetRun = await runCli(['lint', '.', '--fix'], { cwd: wet });
    // the exit status is that of what is left, as after --fix
    expect(run.code).toBe(wetRun.code);
    const patch = path.join(dry, '..', `${path.basename(dry)}.patch`);
    fs.writeFileSync(patch, run.stdout);
    try {
      const check = spawnSync('git', ['apply', '--check', patch], { cwd: dry, encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      expect(spawnSync('git', ['apply', patch], { cwd: dry }).status).toBe(0);
    } finally {
      fs.rmSync(patch, { force: true });
    }
    for (const rel of [PLAN, 'ningbo/plan.yaml']) expect(fs.readFileSync(path.join(dry, rel)).equals(fs.readFileSync(path.join(wet, rel))), rel).toBe(true);
  });

  it('--fix-dry-run --format json: the findings left, placed in each fixed output, with `fix` in UTF-16 offsets', async () => {
    const dir = copy();
    const file = path.join(dir, PLAN);
    // before the owner written by name: Chinese and an astral character (two UTF-16 units) on the same line
    const broken = original.replace('[hz-sfj-lfc, hz-sfj-xzzfjdc]', '[𠀋杭州, 杭州市司法局]');
    fs.writeFileSync(file, broken);
    const plain = await runCli(['lint', PLAN, '--format', 'json'], { cwd: dir });
    const byName = (JSON.parse(plain.stdout).diagnostics as { messageId: string; fix?: { range: [number, number]; text: string } }[]).find((d) => d.messageId === 'unknown-reference/by-name')!;
    const at = broken.indexOf('[𠀋杭州, 杭州市司法局]') + '[𠀋杭州, '.length;
    expect(byName.fix).toEqual({ range: [at, at + '杭州市司法局'.length], text: 'hz-sfj' });
    const dry = await runCli(['lint', PLAN, '--fix-dry-run', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(dry.stdout) as { diagnostics: { messageId: string; line: number; column: number }[]; fixes: { file: string; fixCount: number; output: string }[] };
    expect(report.fixes).toEqual([{ file: PLAN, fixCount: 1, output: broken.replace('杭州市司法局]', 'hz-sfj]') }]);
    // the unknown owner 𠀋杭州 is left, placed in the fixed text
    const left = report.diagnostics.find((d) => d.messageId === 'unknown-reference/unknown')!;
    const lines = report.fixes[0].output.split('\n');
    expect(lines[left.line - 1].slice(left.column - 1)).toMatch(/^𠀋杭州/);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });

  it('a write that fails: exit 2 with one line, the file as it was, no temporary file left', async () => {
    const dir = copy();
    const file = path.join(dir, PLAN);
    const broken = original.replace('title: 杭州市', 'title：杭州市');
    fs.writeFileSync(file, broken);
    // root ignores a read-only folder, so the rename is refused as it would be there
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    const run = await runCli(['lint', PLAN, '--fix'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^plans: cannot write hangzhou\/plan\.yaml \(EACCES\)$/)]);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  /**
   * A copy whose plan has a full-width colon to fix, and a drafter's editor that saves the file
   * (with another edit) the moment plans reads it from a place `when` picks by the call stack.
   */
  function savedByOthers(when: (stack: string) => boolean): { dir: string; file: string; theirs: string } {
    const dir = copy();
    const file = path.join(dir, PLAN);
    fs.writeFileSync(file, original.replace('title: 杭州市', 'title：杭州市'));
    const theirs = original.replace('title: 杭州市', 'title：杭州市').replace('# 杭州市', '# 编辑中 杭州市');
    const read = fs.readFileSync;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: unknown) => {
      if (p === file && when(new Error().stack ?? '')) fs.writeFileSync(file, theirs);
      return (read as (p: fs.PathOrFileDescriptor, o?: unknown) => Buffer | string)(p, o);
    }) as typeof fs.readFileSync);
    return { dir, file, theirs };
  }

  it('a file saved by someone else during the run is not written over', async () => {
    // the check just before the write (not the engine's reads while fixing)
    const { dir, file, theirs } = savedByOthers((stack) => /cli[\\/]fix\.ts/.test(stack) && !/engine[\\/]fix\.ts/.test(stack));
    const run = await runCli(['lint', PLAN, '--fix'], { cwd: dir });
    expect(run.stderr).toMatch(/hangzhou\/plan\.yaml not written: it changed on disk/);
    expect(run.stderr).toMatch(/nothing to fix/);
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('a file that changes between its lint and its fix is left alone', async () => {
    // the bytes the fixes are carried into are read after the lint that found them
    const { dir, file, theirs } = savedByOthers((stack) => /engine[\\/]fix\.ts/.test(stack));
    const run = await runCli(['lint', PLAN, '--fix'], { cwd: dir });
    expect(run.stderr).toMatch(/hangzhou\/plan\.yaml not fixed: it changed on disk during the run/);
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('--fix keeps the mode of the file, and a link to it stays a link', async () => {
    const dir = copy();
    const real = path.join(dir, 'hangzhou', 'real-plan.yaml');
    fs.renameSync(path.join(dir, PLAN), real);
    fs.writeFileSync(real, original.replace('title: 杭州市', 'title：杭州市'));
    fs.chmodSync(real, 0o640);
    fs.symlinkSync('real-plan.yaml', path.join(dir, PLAN));
    const run = await runCli(['lint', PLAN, '--fix'], { cwd: dir });
    expect(run.stderr).toMatch(/1 fix applied in 1 file/);
    expect(fs.lstatSync(path.join(dir, PLAN)).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe(original);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
  });

  it('--fix with --watch or --fix-dry-run is one line and exit 2', async () => {
    const dir = copy();
    for (const args of [['--fix', '--watch'], ['--fix', '--fix-dry-run']]) {
      const run = await runCli(['lint', '.', ...args], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('Chinese summary under --lang zh', async () => {
    const dir = copy();
    fs.writeFileSync(path.join(dir, PLAN), original.replace('title: 杭州市', 'title：杭州市'));
    const run = await runCli(['lint', PLAN, '--fix', '--lang', 'zh'], { cwd: dir });
    expect(run.stderr).toContain('已修复 1 处，涉及 1 个文件');
  });
});

describe('what --fix leaves alone', () => {
  it('tabs: fixed when every tab width that parses means the same; left when the width decides', () => {
    // b and c are siblings at any width: the narrowest is written
    const same = 'a:\n\tb: 1\n\tc: 2\n';
    const fixes = tabIndentFixes(same, [3, 9]);
    expect([...fixes.values()]).toEqual([
      { range: [3, 4], text: '  ' },
      { range: [9, 10], text: '  ' },
    ]);
    // at 2 columns c is b's sibling, at 4 or 8 its child: only the drafter knows
    expect(tabIndentFixes('a:\n  b:\n\tc: 1\n', [8]).size).toBe(0);
    // no width gives YAML: no fix
    expect(tabIndentFixes('a:\n\tb: [1\n', [3]).size).toBe(0);
  });

  it('、 in a list of ids (cli.md names ，): a suggestion, not applied', async () => {
    const dir = copy();
    const file = path.join(dir, PLAN);
    const broken = original.replace('[hz-sfj-lfc, hz-sfj-xzzfjdc]', '[hz-sfj-lfc、hz-sfj-xzzfjdc]').replace('tasks: [T01]', 'tasks: ［T01、T02］');
    fs.writeFileSync(file, broken);
    const run = await runCli(['lint', PLAN, '--fix', '--format', 'json'], { cwd: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
    const left = JSON.parse(run.stdout).diagnostics as { messageId: string; fix?: unknown }[];
    expect(left.filter((d) => d.fix).map((d) => d.messageId).sort()).toEqual(['yaml/fullwidth-bracket', 'yaml/fullwidth-comma']);
  });

  it('an unknown key with two close known keys, and a city by name: suggestions, not applied', async () => {
    const dir = copy();
    const file = path.join(dir, PLAN);
    // `tracks` is as close to `tasks` as to `track`
    const broken = original.replace('    track: 法治政府建设', '    tracks: 法治政府建设').replace('city: hangzhou', 'city: 杭州市');
    fs.writeFileSync(file, broken);
    const run = await runCli(['lint', PLAN, '--fix', '--format', 'json'], { cwd: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
    expect(run.stderr).toMatch(/nothing to fix/);
    const left = JSON.parse(run.stdout).diagnostics as { messageId: string; fix?: unknown; data?: unknown }[];
    const key = left.find((d) => d.messageId === 'schema/unknown-key-suggest');
    expect(key).toBeDefined();
    expect(key!.fix).toBeUndefined();
    const city = left.find((d) => d.messageId === 'unknown-reference/by-name');
    expect(city?.fix).toEqual({ range: [broken.indexOf('杭州市\n'), broken.indexOf('杭州市\n') + 3], text: 'hangzhou' });
  });
});

describe('bytes outside the fixes never change (property)', () => {
  const piece = fc.constantFrom('a', ' ', '\n', '\r\n', '：', '杭', '𠀋', '#', '"');
  const textArb = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(''));
  it('UTF-8 (with or without BOM), UTF-16 and GB18030: the bytes between edits are copied', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', ':', ', ', '  ')), { maxLength: 5 }), fc.constantFrom('utf8', 'utf8-bom', 'utf16le'), (text, raw, enc) => {
        // edits at character boundaries, sorted and apart
        const cuts = [...text].reduce<number[]>((a, ch) => [...a, a[a.length - 1] + ch.length], [0]);
        const edits = passEdits(
          raw.map(([s, len, t]) => {
            const i = s % cuts.length;
            return { range: [cuts[i], cuts[Math.min(cuts.length - 1, i + len)]] as [number, number], text: t };
          }),
          text,
        );
        const encode = (s: string) => (enc === 'utf16le' ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'utf8'));
        const bom = enc === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : enc === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0);
        const bytes = Buffer.concat([bom, encode(text)]);
        const got = spliceEdits(bytes, edits);
        const expectedText = applyEdits(text, edits);
        if (!got.ok) return false;
        // independently: each untouched stretch's own bytes, each replacement's
        const parts: Buffer[] = [bom];
        let at = 0;
        for (const e of edits) {
          parts.push(encode(text.slice(at, e.range[0])), encode(e.text));
          at = e.range[1];
        }
        parts.push(encode(text.slice(at)));
        return got.text === expectedText && Buffer.from(got.bytes).equals(Buffer.concat(parts));
      }),
      { numRuns: 300 },
    );
  });

  it('GB18030: the bytes before, between and after the edits are the original bytes', () => {
    const gb = fs.readFileSync(path.join(__dirname, 'fixtures', 'load', 'gb18030.yaml'));
    const text = (decode(gb) as { text: string }).text;
    fc.assert(
      fc.property(fc.nat(text.length), fc.constantFrom(':', ' ', 'x'), (i, t) => {
        if (/[\udc00-\udfff]/.test(text[i] ?? '')) return true;
        const got = spliceEdits(gb, [{ range: [i, i], text: t }]);
        if (!got.ok) return false;
        // an insertion: the original bytes, split in one place, around the ASCII byte
        const out = Buffer.from(got.bytes);
        const k = out.length - gb.length;
        for (let cut = 0; cut <= gb.length; cut++) {
          if (gb.subarray(0, cut).equals(out.subarray(0, cut)) && gb.subarray(cut).equals(out.subarray(cut + k)) && out.subarray(cut, cut + k).toString('latin1') === t) return got.text === text.slice(0, i) + t + text.slice(i);
        }
        return false;
      }),
      { numRuns: 100 },
    );
  });
});
