/**
 * One vocabulary: a status reads the same in the gap report, the tables and lint, in each
 * language; printed reports name cities and units by name, never by id, with full-width
 * brackets in Chinese.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tr, type MessageId } from '../src/i18n/index.js';
import { runCli } from './helpers/cli.js';

const example = path.join(__dirname, '..', 'examples/zhejiang-2022');
const STATUSES = ['achieved', 'on-track', 'at-risk', 'off-track', 'not-achieved', 'no-data', 'not-quantified'];

describe('statuses', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`read the same in gaps and tables (${lang})`, () => {
      for (const s of STATUSES) expect(tr(lang, `gaps/status/${s}` as MessageId), s).toBe(tr(lang, `tables/status/${s}` as MessageId));
      // and no two statuses share a word
      expect(new Set(STATUSES.map((s) => tr(lang, `gaps/status/${s}` as MessageId))).size).toBe(STATUSES.length);
    });
  }

  it('the gap report and the targets table print the same word for the same target', async () => {
    for (const lang of ['zh', 'en']) {
      const gaps = JSON.parse((await runCli(['gaps', example, '--format', 'json', '--as-of', '2022-09-30'])).stdout);
      const table = JSON.parse((await runCli(['table', 'targets', example, '--format', 'json', '--as-of', '2022-09-30', '--lang', lang])).stdout);
      const status = new Map<string, string>();
      for (const c of gaps.cities) for (const x of c.targets) status.set(x.id, x.status);
      const rows = table.rows as { status: string; ids: { target: string } }[];
      let seen = 0;
      for (const row of rows) {
        const s = status.get(row.ids.target);
        if (!s) continue;
        expect(row.status, row.ids.target).toBe(tr(lang as 'zh' | 'en', `gaps/status/${s}` as MessageId));
        seen++;
      }
      expect(seen).toBeGreaterThan(10);
    }
  });
});

describe('printed reports name things by name', () => {
  const ids = /[（(](hangzhou|ningbo|wenzhou)[)）]|\b(dongtou|taishun|longwan|wencheng)\b/;
  for (const format of ['text', 'markdown', 'html']) {
    for (const lang of ['zh', 'en']) {
      it(`gaps --format ${format} --lang ${lang}`, async () => {
        const run = await runCli(['gaps', example, '--format', format, '--lang', lang, '--no-color']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('温州市');
        expect(run.stdout).not.toMatch(ids);
        if (lang === 'zh') expect(run.stdout).not.toMatch(/[\u4e00-\u9fff] ?\([^)]*\)/);
      });
    }
  }
  for (const name of ['responsibilities', 'targets', 'coverage', 'owners']) {
    it(`table ${name} (text, markdown, html), zh`, async () => {
      for (const format of ['text', 'markdown', 'html']) {
        const run = await runCli(['table', name, example, '--format', format, '--lang', 'zh', '--as-of', '2022-09-30']);
        expect(run.code).toBe(0);
        expect(run.stdout, format).not.toMatch(ids);
      }
    });
  }
});
