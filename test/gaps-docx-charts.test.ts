/**
 * The gap report's charts in Word: every quantified target of the example has its chart, with its id
 * as the table's caption and its figures in the description (the text alternative); the legend,
 * the coverage map and each city's status summary are there; and LibreOffice prints them on A4
 * landscape with the figures on the page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { runIt, tempFolders, toPdf } from './helpers/office.js';
import { barGrid, statusShade } from '../src/render/gaps/docx-charts.js';
import { TOP } from '../src/render/gaps/charts.js';

const example = path.join(__dirname, '..', 'examples/zhejiang-2022');
const tmp = tempFolders('docxchart');

const unxml = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Target {
  id: string;
  status: string;
  progress: number | null;
}

async function report(lang: 'zh' | 'en') {
  const dir = tmp();
  const file = path.join(dir, `gaps-${lang}.docx`);
  const run = await runCli(['gaps', example, '--format', 'docx', '--lang', lang, '--out', file]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  // the text alternative of each table that has one: caption and description, in document order
  const alts = [...xml.matchAll(/<w:tblCaption w:val="([^"]*)"\/>(?:<w:tblDescription w:val="([^"]*)"\/>)?/g)].map((m) => ({ caption: unxml(m[1]), description: unxml(m[2] ?? '') }));
  const json = JSON.parse((await runCli(['gaps', example, '--format', 'json', '--lang', lang])).stdout);
  return { file, xml, alts, cities: json.cities as { city: string; targets: Target[] }[] };
}

describe('a bar as table cells', () => {
  // the cells' widths are the shares of the scale: the filled ones add up to p, the band to 10%, the marker's cell starts at e
  const cases: [number | undefined, number | undefined][] = [[0.436, 0.496], [0.05, 0.5], [1.4, 0.9], [-0.2, 0.3], [0.8, undefined], [undefined, 0.124], [0.5, 0.05]];
  for (const [p, e] of cases) {
    it(`p ${p}, e ${e}`, () => {
      const g = barGrid('at-risk', p, e, { strip: 50, bar: 190 });
      const [, ...segments] = g.columns.slice(0, -1);
      expect(segments.reduce((a, b) => a + b, 0)).toBeCloseTo(TOP, 9);
      const bar = g.rows[1].cells.slice(1, -1);
      const fill = statusShade('at-risk').fill;
      const filled = segments.reduce((a, w, i) => a + (bar[i].shade?.fill === fill ? w : 0), 0);
      expect(filled).toBeCloseTo(Math.min(Math.max(p ?? 0, 0), TOP), 2);
      const band = segments.reduce((a, w, i) => a + (g.rows[0].cells[i + 1].shade?.pattern === 'thinReverseDiagStripe' ? w : 0), 0);
      expect(band).toBeCloseTo(e === undefined ? 0 : Math.min(0.1, e), 2);
      const marker = bar.findIndex((c) => c.borders?.left?.size === 12);
      if (e === undefined) expect(marker).toBe(-1);
      else expect(segments.slice(0, marker).reduce((a, b) => a + b, 0)).toBeCloseTo(e, 2);
      // beyond the scale, an arrow in the cell before or after
      expect(g.rows[1].cells[0].paragraphs?.[0]?.runs[0]?.text).toBe(p !== undefined && p < 0 ? '←' : undefined);
      expect(g.rows[1].cells.at(-1)!.paragraphs?.[0]?.runs[0]?.text).toBe(p !== undefined && p > TOP ? '→' : undefined);
    });
  }
});

describe('gap report charts in docx', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: every quantified target has one chart whose text alternative names it and its figures`, async () => {
      const { alts, cities } = await report(lang);
      const targets = cities.flatMap((c) => c.targets);
      const quantified = targets.filter((t) => t.status !== 'not-quantified');
      expect(quantified.length).toBeGreaterThan(10);
      for (const t of quantified) {
        const charts = alts.filter((a) => a.caption === t.id);
        expect(charts, t.id).toHaveLength(1);
        expect(charts[0].description.startsWith(`${t.id} `), t.id).toBe(true);
        // p as the report prints it, when there is one
        if (t.progress !== null) expect(charts[0].description, t.id).toMatch(/p -?\d+\.\d%/);
      }
      // a target with nothing to draw has no chart
      for (const t of targets.filter((x) => x.status === 'not-quantified')) expect(alts.some((a) => a.caption === t.id), t.id).toBe(false);
      // one table of the legend, one of the coverage map, one status summary per city: 3 + cities + targets in all
      expect(alts).toHaveLength(2 + cities.length + quantified.length);
    });
  }

  it('the per-unit target names the units that fall short, and each bar is drawn with the status shading and the time marker', async () => {
    const { xml, alts, cities } = await report('zh');
    const perUnit = alts.find((a) => a.caption === 'WZ-01-K1')!;
    expect(perUnit.description).toContain('12 个县（市、区）');
    expect(xml).toContain('未达进度：龙湾区、洞头区、文成县、泰顺县');
    // the off-track fill (#e53935 with cross-hatching) and the heavy edge of the time marker
    expect(xml).toMatch(/<w:shd w:fill="E53935" w:color="5F0000" w:val="diagCross"\/>/);
    expect(xml).toMatch(/<w:left w:val="single" w:color="000000" w:sz="12"\/>/);
    expect(cities.map((c) => c.city)).toEqual(['hangzhou', 'ningbo', 'wenzhou']);
  });

  runIt('LibreOffice prints the charts: A4 landscape, every chart with its id and figures on the page', async () => {
    const { file, cities } = await report('zh');
    const pdf = toPdf(file, tmp);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const t of cities.flatMap((c) => c.targets).filter((x) => x.status !== 'not-quantified')) expect(text, t.id).toContain(t.id);
    for (const figure of ['p14.3%·e12.4%', 'p31.3%·e49.6%', 'p120.0%', '未达进度：龙湾区、洞头区、文成县、泰顺县', '省级任务覆盖图', '总览']) expect(text).toContain(figure);
  }, 240_000);
});
