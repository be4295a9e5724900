import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples/zhejiang-2022');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'plans-print-'));

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || record.length) throw new Error('last record without CRLF');
  return records;
}

describe('csv', () => {
  it('parser: quotes, doubled quotes, commas and line breaks inside fields', () => {
    expect(parseCsv('a,"b,c","d""e","f\ng"\r\n,x\r\n')).toEqual([['a', 'b,c', 'd"e', 'f\ng'], ['', 'x']]);
  });

  for (const table of ['responsibilities', 'targets', 'coverage', 'owners']) {
    it(`${table}: a file written by the tool reads back to the same cells as the json rows`, async () => {
      const out = path.join(tmp(), `${table}.csv`);
      const run = await runCli(['table', table, example, '--format', 'csv', '--lang', 'zh', '--out', out]);
      expect(run.code).toBe(0);
      const bytes = fs.readFileSync(out);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
      const records = parseCsv(bytes.toString('utf8').slice(1));
      const doc = JSON.parse((await runCli(['table', table, example, '--format', 'json', '--lang', 'zh'])).stdout);
      const keys: string[] = doc.columns.map((c: { key: string }) => c.key);
      expect(records[0]).toEqual(doc.columns.map((c: { heading: string }) => c.heading));
      expect(records.slice(1)).toEqual(doc.rows.map((r: Record<string, string>) => keys.map((k) => r[k])));
    });
  }

  it('quotes a cell with a comma, a quote or a line break', async () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, 'p.yaml'),
      'kind: Plan\ncampaign: c\ncity: a\nactions:\n  - id: A-1\n    title: "一, 二"\n    tasks: [T1]\n    lead: x\n    measures: ["说“好”，做\\"好\\"", "第一行\\n第二行"]\n',
    );
    const out = path.join(dir, 'r.csv');
    expect((await runCli(['table', 'responsibilities', dir, '--format', 'csv', '--out', out])).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('"A-1 一, 二"');
    expect(text).toContain('"说“好”，做""好"""');
    expect(parseCsv(text.slice(1)).map((r) => r[3])).toEqual(['Measure', '说“好”，做"好"', '第一行\n第二行']);
  });
});

describe('xlsx', () => {
  it('one sheet per table; title above a bold frozen header with an autofilter; numbers and dates typed; A4 landscape with the header repeated', async () => {
    const out = path.join(tmp(), 'all.xlsx');
    const run = await runCli(['table', 'all', example, '--format', 'xlsx', '--lang', 'zh', '--out', out]);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['分工责任清单', '指标表', '省级任务覆盖表', '责任单位任务表']);

    const sheet = book.getWorksheet('分工责任清单')!;
    // the title on the sheet, merged across the table, then the date line, then the header row
    expect(sheet.getCell('A1').value).toBe('“法助共富、法护平安”专项行动 · 分工责任清单');
    expect(sheet.getCell('G1').master.address).toBe('A1');
    expect(String(sheet.getCell('A2').value)).toMatch(/^制表日期：\d{4}-\d{2}-\d{2}/);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '城市', '行动', '具体举措', '牵头单位', '配合单位', '完成时限']);
    for (let c = 1; c <= 7; c++) expect(sheet.getRow(3).getCell(c).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe(`A3:G${sheet.rowCount}`);
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    expect(sheet.pageSetup.fitToPage).toBe(true);
    // the first measure of Hangzhou's first action, with its duty: 序号 a number, the due date a date
    expect(sheet.getCell('A4').value).toBe(1);
    expect(sheet.getCell('B4').value).toBe('杭州市');
    expect(sheet.getCell('C4').value).toBe('HZ-01 共同富裕法治同行行动');
    expect(sheet.getCell('E4').value).toBe('杭州市司法局法治督察处');
    expect(sheet.getCell('G4').value).toEqual(new Date(Date.UTC(2022, 11, 31)));
    expect(sheet.getCell('G4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('D4').alignment?.wrapText).toBe(true);
    // the action's cells are merged over its three measures; the measures are not
    expect(sheet.getCell('C5').isMerged).toBe(true);
    expect(sheet.getCell('C5').master.address).toBe('C4');
    expect(sheet.getCell('C7').master.address).toBe('C7');
    expect(sheet.getCell('D5').isMerged).toBe(false);
    // a Chinese column is wide enough for its heading and at least a dozen characters
    expect(sheet.getColumn(5).width!).toBeGreaterThanOrEqual(2 * 12);
    expect(sheet.getColumn(7).width!).toBeGreaterThanOrEqual('2022-12-31'.length);
    // a row of three-line cells is taller than a row of one-line cells
    expect(sheet.getRow(4).height).toBeGreaterThan(sheet.getRow(6).height);

    const targets = book.getWorksheet('指标表')!;
    const rows = targets.getSheetValues().slice(4) as unknown[][];
    const nb06 = rows.find((r) => r && r[4] === '法治体检企业数' && r[9] === '约束性');
    expect(nb06?.slice(5, 12)).toEqual(['家', 21000, '法治体检企业3万家以上', new Date(Date.UTC(2022, 11, 31)), '约束性', 24800, '有风险']);
    // a baseline written as text stays text
    expect(rows.some((r) => r && r[6] === '按2022年新培育数计')).toBe(true);
  });
});

/** Prints an HTML file to PDF with headless Chromium, as a clerk's browser would. */
function printToPdf(chromium: string, html: string, pdf: string, dir: string) {
  return spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { timeout: 120_000, encoding: 'utf8' },
  );
}

/** Page width and height in points, smaller first. */
function pageSize(pdf: string): number[] {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  expect(size).not.toBeNull();
  return [Number(size![1]), Number(size![2])].sort((a, b) => a - b).map(Math.round);
}

describe('html printed to PDF by headless Chromium', () => {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  const poppler = fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/pdfinfo');
  const missing = !chromium || !poppler;
  // In CI a missing browser is a failure, not a skip: the print test must run there.
  const runIt = missing && !process.env.CI ? it.skip : it;

  runIt('is A4 and holds the Chinese city names', async () => {
    expect(chromium, 'chromium is not installed').toBeDefined();
    expect(poppler, 'poppler-utils (pdfinfo, pdftotext) are not installed').toBe(true);
    const dir = tmp();
    const html = path.join(dir, 'targets.html');
    const pdf = path.join(dir, 'targets.pdf');
    const run = await runCli(['table', 'targets', example, '--format', 'html', '--lang', 'zh', '--as-of', '2022-06-30', '--out', html]);
    expect(run.code).toBe(0);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).not.toMatch(/(src|href)=|@import|url\(/); // self-contained
    expect(page).toContain('<title>“法助共富、法护平安”专项行动 · 指标表 2022-06-30</title>');
    const result = printToPdf(chromium!, html, pdf, dir);
    expect(fs.existsSync(pdf), `chromium printed nothing: ${result.stderr}`).toBe(true);
    expect(pageSize(pdf)).toEqual([595, 842]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const city of ['杭州市', '宁波市', '温州市']) expect(text).toContain(city);
    // the header row is printed on every page
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toMatch(/序号\s+城市\s+行动\s+指标/);
  }, 150_000);

  /** The text of each page of a PDF, by pdftotext. */
  const pagesOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

  runIt('the gap report is A4, numbered 第 N 页 / 共 M 页, each city and the method on pages of their own', async () => {
    const dir = tmp();
    const html = path.join(dir, 'gaps.html');
    const pdf = path.join(dir, 'gaps.pdf');
    const run = await runCli(['gaps', example, '--format', 'html', '--lang', 'zh', '--due-within', '100', '--out', html]);
    expect(run.code).toBe(0);
    // self-contained: the only url() is a chart's own pattern
    expect(fs.readFileSync(html, 'utf8')).not.toMatch(/(src|href)=|@import|url\((?!#)|https?:/);
    const result = printToPdf(chromium!, html, pdf, dir);
    expect(fs.existsSync(pdf), `chromium printed nothing: ${result.stderr}`).toBe(true);
    expect(pageSize(pdf)).toEqual([595, 842]);
    const pages = pagesOf(pdf);
    const total = pageCount(pdf);
    expect(pages).toHaveLength(total);
    expect(total).toBeGreaterThanOrEqual(5);
    // every page carries its number and the count, at its foot
    pages.forEach((text, i) => {
      const lines = text.split('\n').filter((l) => l.trim());
      expect(lines[lines.length - 1].replace(/\s+/g, ''), `page ${i + 1}`).toBe(`第${i + 1}页/共${total}页`);
    });
    const text = pages.join('\n');
    for (const city of ['杭州市', '宁波市', '温州市']) expect(text).toContain(city);
    expect(text).toContain('2025-12-31'); // dates are not broken across lines
    // a city's heading opens a page (never left at the foot of the one before)
    for (const heading of ['杭州市', '宁波市', '温州市']) {
      const page = pages.find((p) => p.trim().split('\n')[0].trim() === heading);
      expect(page, `${heading} opens a page of its own`).toBeDefined();
    }
    // the method is the last page, alone
    expect(pages[total - 1].trim().startsWith('计算方法')).toBe(true);
    expect(pages.slice(0, -1).some((p) => p.includes('计算方法'))).toBe(false);
    // the front page: the coverage map and what falls due next
    expect(pages[0]).toContain('省级任务覆盖图');
    expect(pages[0]).toContain('近期到期事项');
    // a target's chart and its table row are on the page of their city
    const ningbo = pages.filter((p) => p.includes('宁波市（ningbo）') || (p.includes('NB-') && !p.includes('近期到期事项')));
    expect(ningbo.some((p) => /NB-07-K1[\s\S]*滞后/.test(p))).toBe(true);
  }, 150_000);

  runIt('in English: Page N of M, and table words whole ("Nature", not "Natur/e")', async () => {
    const dir = tmp();
    const html = path.join(dir, 'gaps.html');
    const pdf = path.join(dir, 'gaps.pdf');
    expect((await runCli(['gaps', example, '--format', 'html', '--lang', 'en', '--out', html])).code).toBe(0);
    printToPdf(chromium!, html, pdf, dir);
    const pages = pagesOf(pdf);
    expect(pages.length).toBe(pageCount(pdf));
    pages.forEach((text, i) => expect(text.trim().split('\n').pop()!.trim()).toBe(`Page ${i + 1} of ${pages.length}`));

    const thtml = path.join(dir, 'targets.html');
    const tpdf = path.join(dir, 'targets.pdf');
    expect((await runCli(['table', 'targets', example, '--format', 'html', '--lang', 'en', '--out', thtml])).code).toBe(0);
    printToPdf(chromium!, thtml, tpdf, dir);
    const tpages = pagesOf(tpdf);
    const ttext = tpages.join('\n');
    for (const word of ['Nature', 'Baseline', 'expected', 'binding', 'achieved']) expect(ttext, word).toMatch(new RegExp(`\\b${word}\\b`));
    // no heading word is cut: each line of the header row holds whole words only
    expect(ttext).not.toMatch(/\bNatur\b|\bBaselin\b|\bexpecte\b|\bbindin\b/);
    tpages.forEach((text, i) => expect(text.trim().split('\n').pop()!.trim()).toBe(`Page ${i + 1} of ${tpages.length}`));
    // 序号 (No.) on one line: the first heading row starts with it whole
    expect(ttext).toMatch(/No\.\s+City\s+Action/);
  }, 150_000);
});
