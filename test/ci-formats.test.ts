/** The CI formats on a repository with findings: each agrees with the JSON report in number and place. */
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { escapeData, escapeProperty } from '../src/render/lint/github.js';
import { escapeXml } from '../src/render/lint/junit.js';
import { copyExample, edit, lineOf, write } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
}

let repo: string;
let json: { diagnostics: Diagnostic[]; errorCount: number; warningCount: number; fileCount: number };
const ODD = 'drafts/草稿,1:a.yaml';
// A parent id with XML's special characters, so that messages carry them; `100%` for the workflow-command escape.
const ODD_TEXT = 'kind: Owners\nowners:\n  - {id: x1, name: n, parent: "<b>&c\'d\\"", cty: 100%}\n';

beforeAll(async () => {
  repo = copyExample();
  edit(repo, 'hangzhou/plan.yaml', 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
  // A file name with `,` and `:` (workflow-command separators) and a message with XML's special characters.
  write(repo, ODD, ODD_TEXT);
  const run = await runCli(['lint', '--format', 'json'], { cwd: repo });
  json = JSON.parse(run.stdout);
});

/** The JSON diagnostics without the fields the other formats have no place for (each JSON diagnostic has its message id; a fixable one its fix). */
function withoutMessageIds(diagnostics: (Diagnostic & { messageId?: string; fix?: unknown })[]): Diagnostic[] {
  return diagnostics.map(({ messageId, fix: _fix, ...d }) => {
    expect(messageId).toMatch(/^[a-z-]+\/[A-Za-z_-]+$/);
    return d;
  });
}

/** Checks a text as XML: throws on the first well-formedness error. */
function parseXml(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const parser = new SaxesParser();
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' }));
  parser.on('text', (text) => {
    if (elements.length) elements[elements.length - 1].text += text;
  });
  parser.write(xml).close();
  return elements;
}

describe('the repository used here', () => {
  it('has errors and warnings in several files', () => {
    expect(json.errorCount).toBeGreaterThanOrEqual(2);
    expect(json.warningCount).toBeGreaterThan(5);
    expect(json.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'hangzhou/plan.yaml', line: lineOf(repo, 'hangzhou/plan.yaml', 'hz-sfj-fzc'), column: 11, rule: 'unknown-reference' }),
    );
    expect(json.diagnostics.some((d) => d.file === ODD && d.rule === 'schema')).toBe(true);
  });
});

describe('--format sarif', () => {
  it('has one result per JSON finding, at the same place, and the whole catalogue', async () => {
    const run = await runCli(['lint', '--format', 'sarif'], { cwd: repo });
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('plans');
    // no links to a site that does not exist; the version is the package's
    expect(driver.informationUri).toBeUndefined();
    expect(driver.version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version);
    expect(driver.semanticVersion).toBe(driver.version);
    const ids = driver.rules.map((r: { id: string }) => r.id);
    for (const rule of allRules) expect(ids).toContain(rule.id);
    expect(ids).toContain('config');
    expect(ids).toContain('unused-disable');
    for (const r of driver.rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(5);
      expect(r.help.text.length).toBeGreaterThan(5);
      expect(r.helpUri).toBeUndefined();
      // a readable name (SARIF: “NoUnusedVariables”), not the id again
      expect(r.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(r.name.toLowerCase()).toBe(r.id.replace(/-/g, ''));
    }
    const results = log.runs[0].results;
    expect(results).toHaveLength(json.diagnostics.length);
    const fromSarif = results.map((r: any) => {
      const loc = r.locations[0].physicalLocation;
      expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      return {
        file: decodeURIComponent(loc.artifactLocation.uri),
        line: loc.region.startLine,
        column: loc.region.startColumn,
        endLine: loc.region.endLine,
        endColumn: loc.region.endColumn,
        rule: r.ruleId,
        severity: r.level,
        message: r.message.text,
      };
    });
    expect(fromSarif).toEqual(withoutMessageIds(json.diagnostics));
    // A Chinese file name is percent-encoded, so the URI stays valid.
    expect(results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toContain('drafts/%E8%8D%89%E7%A8%BF%2C1%3Aa.yaml');
  });

  it('carries the rule pages as help markdown where they exist', async () => {
    const run = await runCli(['lint', '--format', 'sarif'], { cwd: repo });
    const rules = JSON.parse(run.stdout).runs[0].tool.driver.rules as { id: string; help: { markdown?: string } }[];
    for (const r of rules) {
      const page = path.join(__dirname, '..', 'docs/rules', `${r.id}.md`);
      if (fs.existsSync(page)) expect(r.help.markdown).toBe(fs.readFileSync(page, 'utf8'));
      else expect(r.help.markdown).toBeUndefined();
    }
  });
});

describe('--format github', () => {
  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  it('writes one workflow command per finding that parses back to the JSON finding', async () => {
    const run = await runCli(['lint', '--format', 'github'], { cwd: repo });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.diagnostics.length);
    const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const parsed = lines.map((line) => {
      const m = /^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]*)::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, severity, file, l, c, el, ec, title, message] = m!;
      return { file: unescape(file), line: +l, column: +c, endLine: +el, endColumn: +ec, rule: unescape(title), severity, message: unescape(message) };
    });
    expect(parsed).toEqual(withoutMessageIds(json.diagnostics));
    expect(lines.some((l) => l.includes('file=drafts/草稿%2C1%3Aa.yaml,'))).toBe(true);
  });
});

describe('--format gitlab', () => {
  it('is a Code Quality array that matches the JSON findings', async () => {
    const run = await runCli(['lint', '--format', 'gitlab'], { cwd: repo });
    const issues = JSON.parse(run.stdout) as any[];
    expect(issues).toHaveLength(json.diagnostics.length);
    issues.forEach((issue, i) => {
      const d = json.diagnostics[i];
      expect(issue).toMatchObject({ description: d.message, check_name: d.rule, severity: d.severity === 'error' ? 'major' : 'minor', location: { path: d.file, lines: { begin: d.line } } });
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('keeps its fingerprints when lines are inserted above the findings', async () => {
    const before = JSON.parse((await runCli(['lint', '--format', 'gitlab'], { cwd: repo })).stdout) as any[];
    const moved = copyExample();
    edit(moved, 'hangzhou/plan.yaml', 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
    write(moved, ODD, ODD_TEXT);
    for (const file of ['hangzhou/plan.yaml', 'ningbo/plan.yaml', 'wenzhou/plan.yaml']) edit(moved, file, 'kind: Plan', '# a note\n# another note\n\nkind: Plan');
    const after = JSON.parse((await runCli(['lint', '--format', 'gitlab'], { cwd: moved })).stdout) as any[];
    expect(after.map((i) => i.fingerprint).sort()).toEqual(before.map((i) => i.fingerprint).sort());
    const shifted = after.find((i) => i.location.path === 'hangzhou/plan.yaml' && i.check_name === 'unknown-reference');
    const original = before.find((i) => i.location.path === 'hangzhou/plan.yaml' && i.check_name === 'unknown-reference');
    expect(shifted.location.lines.begin).toBe(original.location.lines.begin + 3);
  });
});

describe('--format junit', () => {
  it('escapes the five special characters and drops control characters', () => {
    expect(escapeXml(`<a href="x">&'\u0001</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\uFFFD&lt;/a&gt;');
    expect(() => parseXml(`<t a="${escapeXml('"\u0000<&>')}">${escapeXml("'\u001f\ud800")}</t>`)).not.toThrow();
  });

  it('is well-formed XML with one test case per file and failures for the files with errors', async () => {
    const run = await runCli(['lint', '--format', 'junit'], { cwd: repo });
    const elements = parseXml(run.stdout);
    const cases = elements.filter((e) => e.name === 'testcase');
    expect(cases).toHaveLength(json.fileCount);
    const withErrors = new Set(json.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    const failed = cases.filter((c, i) => elements[elements.indexOf(c) + 1]?.name === 'failure' && i >= 0).map((c) => c.attributes.name);
    expect(new Set(failed)).toEqual(withErrors);
    const suite = elements.find((e) => e.name === 'testsuite')!;
    expect(Number(suite.attributes.failures)).toBe(withErrors.size);
    expect(run.stdout).toContain('&lt;b&gt;&amp;c&apos;d&quot;'); // the odd parent id appears, escaped, in a message
  });
});

describe('several formats in one run', () => {
  it('pairs --format with --out in order, the last one without --out going to stdout', async () => {
    fs.mkdirSync(path.join(repo, 'out'), { recursive: true });
    const run = await runCli(['lint', '--format', 'sarif', '--out', 'out/a.sarif', '--format', 'gitlab', '--out', 'out/gl.json', '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(json);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'out/a.sarif'), 'utf8')).runs[0].results).toHaveLength(json.diagnostics.length);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'out/gl.json'), 'utf8'))).toHaveLength(json.diagnostics.length);
  });

  it('pairs each --out with the --format before it, wherever the stdout format stands', async () => {
    fs.mkdirSync(path.join(repo, 'out'), { recursive: true });
    const run = await runCli(['lint', '--format', 'json', '--format', 'github', '--out', 'out/gh.txt'], { cwd: repo });
    expect(JSON.parse(run.stdout)).toEqual(json);
    expect(fs.readFileSync(path.join(repo, 'out/gh.txt'), 'utf8').trimEnd().split('\n')).toHaveLength(json.diagnostics.length);
    // One pair may come in either order, as ESLint's `-o FILE -f FORMAT`.
    const single = await runCli(['lint', '--out', 'out/one.json', '--format', 'json'], { cwd: repo });
    expect(single.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'out/one.json'), 'utf8'))).toEqual(json);
  });

  it('refuses two formats for stdout, more --out than --format, and an unknown format', async () => {
    for (const args of [
      ['--out', 'a.json', '--format', 'json', '--format', 'sarif'],
      ['--format', 'json', '--format', 'sarif'],
      ['--format', 'json', '--out', 'a.json', '--out', 'b.json'],
      ['--format', 'sarif', '--out', 'a.sarif', '--format', 'xml'],
    ]) {
      const run = await runCli(['lint', ...args], { cwd: repo });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });
});

describe('--max-warnings', () => {
  it('exits 1 only when the warnings exceed it', async () => {
    const clean = copyExample();
    const base = JSON.parse((await runCli(['lint', '--format', 'json'], { cwd: clean })).stdout);
    expect(base.errorCount).toBe(0);
    const n = base.warningCount;
    expect(n).toBeGreaterThan(0);
    const at = await runCli(['lint', '--max-warnings', String(n)], { cwd: clean });
    expect(at.code).toBe(0);
    const over = await runCli(['lint', '--max-warnings', String(n - 1)], { cwd: clean });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`${n} warnings exceed --max-warnings ${n - 1}\n`);
    const bad = await runCli(['lint', '--max-warnings', 'many'], { cwd: clean });
    expect(bad.code).toBe(2);
  });
});
