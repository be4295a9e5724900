/** CSV formula injection: a text cell that a spreadsheet would run as a formula starts with `'`; numbers stay numbers; xlsx keeps strings. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, defuseFormula } from '../src/render/tables/csv.js';
import { runCli } from './helpers/cli.js';
import { cleanTemp, MINI, tempDir } from './robustness/helpers.js';

afterAll(cleanTemp);

/** RFC 4180 rows of a CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

const HOSTILE = ['=HYPERLINK("http://evil.example","点击")', '+1+cmd|', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];

describe('CSV formula injection', () => {
  it('each dangerous first character gets a leading quote; numbers and ordinary text are left alone', () => {
    for (const s of HOSTILE) expect(defuseFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    for (const s of ['-13.5', '+20%', '5.1', '-1', '1e3', '律师万人比', 'a=b', '']) expect(defuseFormula(s)).toBe(s);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('plans table … --format csv: measures and names beginning with = + - @ are text, a negative baseline a number', async () => {
    const dir = tempDir('plans-csv-');
    const plan = MINI['hz/plan.yaml']
      .replace('      - 研究制定行政执法裁量办法', HOSTILE.slice(0, 4).map((m) => `      - ${JSON.stringify(m)}`).join('\n'))
      .replace('name: 律师万人比', 'name: "=1+1"')
      .replace('baseline: {value: 5.1, date: 2021-12-31}', 'baseline: {value: -5, date: 2021-12-31}');
    for (const [rel, content] of Object.entries({ ...MINI, 'hz/plan.yaml': plan })) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
    const resp = await runCli(['table', 'responsibilities', '.', '--format', 'csv'], { cwd: dir });
    expect(resp.code).toBe(0);
    const cells = parseCsv(resp.stdout.replace(/^\uFEFF/, '')).flat();
    for (const m of HOSTILE.slice(0, 4)) expect(cells).toContain(`'${m}`);
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);

    const targets = await runCli(['table', 'targets', '.', '--format', 'csv', '--lang', 'en'], { cwd: dir });
    const rows = parseCsv(targets.stdout.replace(/^\uFEFF/, ''));
    const baselineColumn = rows[0].findIndex((h) => /baseline/i.test(h));
    expect(rows[1][baselineColumn]).toBe('-5');
    expect(rows[1]).toContain("'=1+1");

    // xlsx writes the same texts as strings, never as formulas
    const xlsx = await runCli(['table', 'responsibilities', '.', '--format', 'xlsx', '--out', 'r.xlsx'], { cwd: dir });
    expect(xlsx.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'r.xlsx'));
    const values: unknown[] = [];
    book.worksheets[0].eachRow((r) => r.eachCell((c) => values.push(c.value)));
    expect(values).toContain(HOSTILE[0]);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });
});
