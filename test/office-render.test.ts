/**
 * The workbooks and Word documents as their real consumer shows them: opened by LibreOffice
 * headless, printed to PDF, and the PDF's pages, geometry and text checked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { runCli } from './helpers/cli.js';
import { runIt, tempFolders, toPdf } from './helpers/office.js';

const example = path.join(__dirname, '..', 'examples/zhejiang-2022');
const tmp = tempFolders('office');

function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), width: Math.round(Number(size[1])), height: Math.round(Number(size[2])) };
}

/** The text of each page, in drawing order, without white space (a wrapped cell's lines join up). */
function pagesText(pdf: string): string[] {
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((p) => p.replace(/\s+/g, ''));
}

/**
 * Pairs of words whose boxes overlap: a row too low for its text lets the lines that do not fit
 * run into the row below (LibreOffice draws them there), so its words overlap that row's.
 */
function overlaps(pdf: string): string[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const found: string[] = [];
  for (const page of html.split('<page').slice(1)) {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: m[5],
    }));
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i];
        const b = words[j];
        if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1) found.push(`${a.text} | ${b.text}`);
      }
    }
  }
  return found;
}

/** Every cell's text of a workbook (a date as YYYY-MM-DD), without white space. */
async function cellTexts(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out: string[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.value ?? '');
        if (v.trim()) out.push(v.replace(/\s+/g, ''));
      }),
    );
  }
  return out;
}

describe('xlsx tables in LibreOffice', () => {
  runIt('print on A4 landscape with every row tall enough: all text there, no line run into the next row', async () => {
    const dir = tmp();
    for (const table of ['responsibilities', 'targets']) {
      const file = path.join(dir, `${table}.xlsx`);
      expect((await runCli(['table', table, example, '--format', 'xlsx', '--lang', 'zh', '--out', file])).code).toBe(0);
      const pdf = toPdf(file, tmp);
      const info = pdfInfo(pdf);
      expect([info.width, info.height]).toEqual([842, 595]);
      const text = pagesText(pdf).join('');
      const cells = await cellTexts(file);
      expect(cells.length).toBeGreaterThan(100);
      expect(cells.filter((c) => !text.includes(c))).toEqual([]);
      expect(overlaps(pdf)).toEqual([]);
    }
  }, 240_000);

  runIt('the overlap check does find rows that are too low (rows squashed to one line)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'squashed.xlsx');
    expect((await runCli(['table', 'responsibilities', example, '--format', 'xlsx', '--lang', 'zh', '--out', file])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.worksheets[0].eachRow((row, r) => {
      if (r > 3) row.height = 17;
    });
    await book.xlsx.writeFile(file);
    expect(overlaps(toPdf(file, tmp)).length).toBeGreaterThan(5);
  }, 240_000);

  runIt('a progress template prints too, its header and rows whole', async () => {
    const dir = tmp();
    const file = path.join(dir, 'template.xlsx');
    expect((await runCli(['template', 'progress', example, '--city', 'wenzhou', '--as-of', '2022-12-31', '--lang', 'zh', '--out', file])).code).toBe(0);
    const pdf = toPdf(file, tmp);
    const text = pagesText(pdf).join('');
    for (const heading of ['指标编号', '县（市、区）', '本期数值', '备注', '鹿城区', '填报说明']) expect(text).toContain(heading);
    expect(overlaps(pdf)).toEqual([]);
  }, 240_000);
});

describe('docx in LibreOffice', () => {
  runIt('a table: A4 landscape, 附件N above the title, the header row on every page, no row split, page numbers — N —', async () => {
    const dir = tmp();
    const file = path.join(dir, 'responsibilities.docx');
    const run = await runCli(['table', 'responsibilities', example, '--format', 'docx', '--lang', 'zh', '--attachment', '2', '--out', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = toPdf(file, tmp);
    const info = pdfInfo(pdf);
    expect([info.width, info.height]).toEqual([842, 595]);
    expect(info.pages).toBeGreaterThan(2);
    const pages = pagesText(pdf).slice(0, info.pages);
    expect(pages[0].indexOf('附件2')).toBe(0);
    expect(pages[0]).toContain('“法助共富、法护平安”专项行动·分工责任清单');
    pages.forEach((page, i) => {
      expect(page).toContain('序号城市行动具体举措牵头单位配合单位完成时限');
      expect(page).toContain(`—${i + 1}—`);
    });
    // every measure is whole on one page: no row is split across pages
    const doc = JSON.parse((await runCli(['table', 'responsibilities', example, '--format', 'json', '--lang', 'zh'])).stdout);
    const measures: string[] = doc.rows.map((r: { measure: string }) => r.measure.replace(/\s+/g, '')).filter(Boolean);
    expect(measures.length).toBeGreaterThan(50);
    expect(measures.filter((m) => !pages.some((p) => p.includes(m)))).toEqual([]);
    for (const city of ['杭州市', '宁波市', '温州市']) expect(pages.join('')).toContain(city);
  }, 240_000);

  runIt('the gap report: A4, every city, the targets table and the method', async () => {
    const dir = tmp();
    const file = path.join(dir, 'gaps.docx');
    expect((await runCli(['gaps', example, '--format', 'docx', '--lang', 'zh', '--out', file])).code).toBe(0);
    const pdf = toPdf(file, tmp);
    const info = pdfInfo(pdf);
    expect([info.width, info.height]).toEqual([842, 595]);
    const text = pagesText(pdf).join('');
    for (const city of ['杭州市', '宁波市', '温州市']) expect(text).toContain(city);
    expect(text).toContain('计算方法');
    expect(text).toContain('2025-12-31');
    expect(text).toContain('—1—');
  }, 240_000);
});

describe('text that XML forbids', () => {
  runIt('is dropped from what xlsx and docx hold, so exceljs and LibreOffice read the files back', async () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, 'p.yaml'),
      'kind: Plan\ncampaign: c\ncity: a\nactions:\n  - id: A-1\n    title: "控制\\x01字符\\uFFFE"\n    tasks: [T1]\n    lead: x\n    measures: ["孤立\\uD800代理\\x1F项", "第一行\\n第二行\\t制表"]\n',
    );
    const xlsx = path.join(dir, 'r.xlsx');
    const docx = path.join(dir, 'r.docx');
    expect((await runCli(['table', 'responsibilities', dir, '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    expect((await runCli(['table', 'responsibilities', dir, '--format', 'docx', '--out', docx])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('C4').value).toBe('A-1 控制字符');
    expect(sheet.getCell('D4').value).toBe('孤立代理项');
    expect(sheet.getCell('D5').value).toBe('第一行\n第二行\t制表');
    const text = pagesText(toPdf(docx, tmp)).join('');
    expect(text).toContain('A-1控制字符');
    expect(text).toContain('孤立代理项');
  }, 240_000);
});
