/** The progress workbook out and back: template → filled in with exceljs → import → lint clean → gaps shows every value. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readNumber } from '../src/progress/import.js';
import { runCli } from './helpers/cli.js';
import { copyExample } from './helpers/ci-repo.js';

const made: string[] = [];
function repo(): string {
  const dir = copyExample();
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const ZH_HEAD = ['指标编号', '指标名称', '县（市、区）', '计量单位', '基数', '目标值', '最新值', '最新值日期', '本期数值', '备注'];

/** The column (1-based) of each heading of the header row (row 2). */
function columnsOf(sheet: ExcelJS.Worksheet): Record<string, number> {
  const out: Record<string, number> = {};
  sheet.getRow(2).eachCell((cell, c) => (out[String(cell.value)] = c));
  return out;
}

async function template(dir: string, args: string[]): Promise<ExcelJS.Workbook> {
  const out = path.join(dir, 'sheet.xlsx');
  const run = await runCli(['template', 'progress', '--out', out, ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  fs.rmSync(out);
  return book;
}

describe('plans template progress', () => {
  it('writes an instructions sheet, then one sheet per city: header cells, a row per target and per unit, fill cells unlocked and validated', async () => {
    const dir = repo();
    const book = await template(dir, ['--city', 'wenzhou', '--city', 'hangzhou', '--as-of', '2022-12-31', '--lang', 'zh']);
    expect(book.worksheets.map((s) => s.name)).toEqual(['填报说明', '杭州市', '温州市']);
    expect(String(book.worksheets[0].getCell('A3').value)).toMatch(/^1\. /);
    const wz = book.getWorksheet('温州市')!;
    expect(String(wz.getCell('A1').value)).toContain('2022-12-31');
    expect((wz.getRow(2).values as unknown[]).slice(1)).toEqual(ZH_HEAD);
    const cols = columnsOf(wz);
    const rows: { target: string; unit: string; row: number }[] = [];
    wz.eachRow((row, r) => {
      if (r > 2) rows.push({ target: String(row.getCell(cols['指标编号']).value), unit: String(row.getCell(cols['县（市、区）']).value ?? ''), row: r });
    });
    // WZ-01-K1 is per unit: one row for each of Wenzhou's 12 units, with the unit's name; WZ-02-K1 is qualitative: no row
    const perUnit = rows.filter((r) => r.target === 'WZ-01-K1');
    expect(perUnit).toHaveLength(12);
    expect(perUnit[0].unit).toBe('鹿城区');
    expect(rows.some((r) => r.target === 'WZ-02-K1')).toBe(false);
    expect(rows.map((r) => r.target)).toContain('WZ-03-K2');
    // the latest value reported, as a number, beside the cells to fill
    const k2 = rows.find((r) => r.target === 'WZ-01-K2')!;
    expect(wz.getRow(k2.row).getCell(cols['最新值']).value).toBe(90);
    const value = wz.getRow(k2.row).getCell(cols['本期数值']);
    const note = wz.getRow(k2.row).getCell(cols['备注']);
    const name = wz.getRow(k2.row).getCell(cols['指标名称']);
    expect(value.protection?.locked).toBe(false);
    expect(note.protection?.locked).toBe(false);
    expect(name.protection?.locked).not.toBe(false);
    expect((wz as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(value.dataValidation).toMatchObject({ type: 'decimal', allowBlank: true });
  });

  it('speaks English with --lang en, and writes CSV with a BOM and CRLF', async () => {
    const dir = repo();
    const en = await template(dir, ['--city', 'ningbo', '--lang', 'en']);
    expect(en.worksheets[0].name).toBe('Instructions');
    const head = (en.worksheets[1].getRow(2).values as unknown[]).slice(1);
    expect(head[0]).toBe('Target');
    expect(head).toEqual(expect.arrayContaining(['Unit', 'Value', 'Note']));
    const out = path.join(dir, 'nb.csv');
    expect((await runCli(['template', 'progress', '--city', 'ningbo', '--out', out, '--lang', 'zh'], { cwd: dir })).code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0].split(',')).toEqual(ZH_HEAD);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses what it cannot do with one line and exit 2, and never overwrites a file', async () => {
    const dir = repo();
    const out = path.join(dir, 'x.xlsx');
    for (const args of [
      ['--city', 'wenzhou'],
      ['--city', 'wenzhou', '--out', path.join(dir, 'x.txt')],
      ['--city', 'wenzou', '--out', out],
      ['--out', path.join(dir, 'all.csv')],
    ]) {
      const run = await runCli(['template', 'progress', ...args], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    fs.writeFileSync(out, 'mine');
    const again = await runCli(['template', 'progress', '--city', 'wenzhou', '--out', out], { cwd: dir });
    expect(again.code).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
  });
});

interface Filled {
  target: string;
  unit?: string;
  value: number;
}

describe('plans import progress', () => {
  it('round trip: every filled value reaches the Progress file, which lints clean, and the gap report', async () => {
    const dir = repo();
    const book = await template(dir, ['--city', 'wenzhou', '--as-of', '2022-12-31', '--lang', 'zh']);
    const sheet = book.getWorksheet('温州市')!;
    const cols = columnsOf(sheet);
    const units = new Map([['鹿城区', 'lucheng'], ['龙湾区', 'longwan'], ['瓯海区', 'ouhai'], ['洞头区', 'dongtou'], ['乐清市', 'yueqing'], ['瑞安市', 'ruian'], ['永嘉县', 'yongjia'], ['文成县', 'wencheng'], ['平阳县', 'pingyang'], ['泰顺县', 'taishun'], ['苍南县', 'cangnan'], ['龙港市', 'longgang']]);
    const filled: Filled[] = [];
    let n = 0;
    sheet.eachRow((row, r) => {
      if (r <= 2) return;
      const target = String(row.getCell(cols['指标编号']).value);
      const unitName = String(row.getCell(cols['县（市、区）']).value ?? '');
      const value = 4 + (n++ % 5) + 0.5;
      const cell = row.getCell(cols['本期数值']);
      // a clerk's ways of writing a number: a number cell, full-width digits, a thousands separator
      if (n % 3 === 0) cell.value = String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      else if (n % 3 === 1) cell.value = value;
      else cell.value = `${value}`;
      if (n === 1) row.getCell(cols['备注']).value = '全年数';
      filled.push({ target, unit: unitName ? (units.get(unitName) ?? unitName) : undefined, value });
    });
    expect(filled.length).toBeGreaterThan(12);
    const file = path.join(dir, '温州进度.xlsx');
    await book.xlsx.writeFile(file);

    const run = await runCli(['import', 'progress', file, '--city', 'wenzhou', '--as-of', '2022-12-31'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
    const written = path.join(dir, 'wenzhou/progress/2022-12-31.yaml');
    const text = fs.readFileSync(written, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# .*温州进度\.xlsx.*2022-12-31.*2023-11-14/);

    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(lint.stdout);
    expect(report.errorCount).toBe(0);
    // the new file's only findings judge the values (made up here), never its form
    const mine = report.diagnostics.filter((d: { file: string }) => d.file === 'wenzhou/progress/2022-12-31.yaml');
    expect(mine.filter((d: { rule: string }) => d.rule !== 'target-off-track')).toEqual([]);

    const gaps = JSON.parse((await runCli(['gaps', '--format', 'json', '--city', 'wenzhou', '--as-of', '2022-12-31'], { cwd: dir })).stdout);
    const targets: { id: string; latest: number | null; latestDate: string | null; units?: { unit: string; latest: number | null }[] }[] = gaps.cities[0].targets;
    for (const f of filled) {
      const t = targets.find((x) => x.id === f.target)!;
      if (f.unit) expect(t.units!.find((u) => u.unit === f.unit)!.latest).toBe(f.value);
      else {
        expect(t.latest).toBe(f.value);
        expect(t.latestDate).toBe('2022-12-31');
      }
    }
  });

  it('names every bad cell by sheet and address, writes nothing and exits 1', async () => {
    const dir = repo();
    const book = await template(dir, ['--city', 'wenzhou', '--as-of', '2022-12-31', '--lang', 'zh']);
    const sheet = book.getWorksheet('温州市')!;
    const cols = columnsOf(sheet);
    const rowOf = (target: string) => {
      let found = 0;
      sheet.eachRow((row, r) => {
        if (!found && row.getCell(cols['指标编号']).value === target) found = r;
      });
      return found;
    };
    const v = cols['本期数值'];
    const letter = (c: number) => String.fromCharCode(64 + c);
    const k2 = rowOf('WZ-01-K2'); // unit %
    const k3 = rowOf('WZ-03-K1'); // unit not %
    const perUnit = rowOf('WZ-01-K1');
    sheet.getCell(k2, v).value = '三万';
    sheet.getCell(k3, v).value = '95%';
    sheet.getCell(perUnit, cols['县（市、区）']).value = null;
    sheet.getCell(perUnit, v).value = 3;
    // a row added at the end: a mistyped id
    const extra = sheet.rowCount + 1;
    sheet.getCell(extra, cols['指标编号']).value = 'WZ-03-K9';
    sheet.getCell(extra, v).value = 1;
    const file = path.join(dir, 'bad.xlsx');
    await book.xlsx.writeFile(file);
    const run = await runCli(['import', 'progress', file, '--city', 'wenzhou', '--as-of', '2022-12-31', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const diagnostics: { file: string; line: number; column: number; rule: string; message: string }[] = JSON.parse(run.stdout).diagnostics;
    const at = (row: number, col: number) => diagnostics.find((d) => d.line === row && d.column === col);
    expect(at(k2, v)).toMatchObject({ file: 'bad.xlsx', rule: 'schema' });
    expect(at(k2, v)!.message).toContain(`温州市!${letter(v)}${k2}`);
    expect(at(k2, v)!.message).toContain('三万');
    expect(at(k3, v)).toMatchObject({ rule: 'unit-mismatch' });
    expect(at(k3, v)!.message).toContain(`温州市!${letter(v)}${k3}`);
    expect(at(perUnit, cols['县（市、区）'])).toMatchObject({ rule: 'unit-mismatch' });
    expect(at(extra, cols['指标编号'])).toMatchObject({ rule: 'unknown-reference' });
    expect(at(extra, cols['指标编号'])!.message).toContain('WZ-03-K');
    expect(diagnostics).toHaveLength(4);
    expect(fs.existsSync(path.join(dir, 'wenzhou/progress/2022-12-31.yaml'))).toBe(false);
  });

  it('reads CSV with English headers in another order and extra columns; % where the unit is %, thousands separators; never overwrites', async () => {
    const dir = repo();
    const csv = [
      'Note,Value,Comment,Unit,Target',
      '半年数,"31,500",ignored,,NB-06-K1',
      ',96.5%,,,WZ-01-K2',
      ',"2,5",,,WZ-03-K1',
    ].join('\r\n');
    fs.writeFileSync(path.join(dir, 'nb.csv'), '\uFEFF' + csv + '\r\n');
    const wrongCity = await runCli(['import', 'progress', 'nb.csv', '--city', 'ningbo', '--as-of', '2022-09-30', '--format', 'json'], { cwd: dir });
    expect(wrongCity.code).toBe(1);
    const d = JSON.parse(wrongCity.stdout).diagnostics as { line: number; column: number; rule: string; message: string }[];
    // WZ targets belong to another city; "2,5" is no number; the sheet is named after the file
    expect(d.map((x) => [x.line, x.column, x.rule])).toEqual([
      [3, 5, 'unknown-reference'],
      [4, 5, 'unknown-reference'],
    ]);
    expect(d[0].message).toContain('nb!E3');

    const ok = ['Target,Value,Note', 'NB-06-K1,"31,500",半年数', 'NB-06-K1,"31,500",'].join('\r\n');
    fs.writeFileSync(path.join(dir, 'ok.csv'), ok + '\r\n');
    const out = path.join(dir, 'ningbo/progress/q3.yaml');
    const run = await runCli(['import', 'progress', 'ok.csv', '--city', 'ningbo', '--as-of', '2022-09-30', '--out', out], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/target: NB-06-K1\n {4}value: 31500\n {4}note: 半年数\n/);
    const again = await runCli(['import', 'progress', 'ok.csv', '--city', 'ningbo', '--as-of', '2022-09-30', '--out', out], { cwd: dir });
    expect(again.code).toBe(2);
    const piped = await runCli(['import', 'progress', 'ok.csv', '--city', 'ningbo', '--as-of', '2022-09-30', '--out', '-'], { cwd: dir });
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^# .*ok\.csv.*\nversion: 1\nkind: Progress\n/);

    const bad = ['Target,Value', 'NB-06-K1,"2,5"', 'NB-06-K1,1e5'].join('\r\n');
    fs.writeFileSync(path.join(dir, 'bad.csv'), bad + '\r\n');
    const refused = await runCli(['import', 'progress', 'bad.csv', '--city', 'ningbo', '--as-of', '2022-10-31', '--format', 'json'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).diagnostics.map((x: { message: string }) => x.message.slice(0, 8))).toEqual(['bad!B2: ', 'bad!B3: ']);
  });

  it('refuses a value that contradicts one already reported for the date (the file would not lint clean)', async () => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, 'c.csv'), 'Target,Value\r\nWZ-01-K2,91\r\n');
    const run = await runCli(['import', 'progress', 'c.csv', '--city', 'wenzhou', '--as-of', '2022-06-30', '--out', 'wenzhou/progress/again.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics[0]).toMatchObject({ file: 'c.csv', rule: 'progress-conflict' });
    expect(fs.existsSync(path.join(dir, 'wenzhou/progress/again.yaml'))).toBe(false);
  });

  it('reads numbers as clerks write them, and only those', () => {
    expect(readNumber('31,500')).toEqual({ value: 31500, percent: false });
    expect(readNumber('３１，５００．５')).toEqual({ value: 31500.5, percent: false });
    expect(readNumber(' 96.5% ')).toEqual({ value: 96.5, percent: true });
    expect(readNumber('９６．５％')).toEqual({ value: 96.5, percent: true });
    expect(readNumber('−3')).toEqual({ value: -3, percent: false });
    for (const bad of ['三万', '2,5', '1e5', '3万', '12.3.4', '', '-', '1,2345', 'NaN', 'Infinity']) expect(readNumber(bad)).toBeUndefined();
  });

  it('takes 95% (typed or a percent-formatted cell) as 95 for a target in %, and reads a GB18030 CSV', async () => {
    const dir = repo();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('进度');
    sheet.addRow(['说明：上半年数据']);
    sheet.addRow(['本期数值', '指标编号', '其他']);
    sheet.addRow(['96.5%', 'WZ-01-K2', 'x']);
    const cell = sheet.getCell('A4');
    cell.value = 0.965;
    cell.numFmt = '0.0%';
    sheet.getCell('B4').value = 'WZ-03-K2';
    const file = path.join(dir, 'pct.xlsx');
    await book.xlsx.writeFile(file);
    const out = path.join(dir, 'wz.yaml');
    const run = await runCli(['import', 'progress', file, '--city', 'wenzhou', '--as-of', '2022-09-30', '--out', out], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('  - target: WZ-01-K2\n    value: 96.5\n');
    expect(text).toContain('  - target: WZ-03-K2\n    value: 96.5\n');

    // "指标编号,本期数值\r\nWZ-03-K1,450\r\n" in GB18030, as Excel in Chinese saves a CSV
    const bytes = Buffer.from('d6b8b1eab1e0bac52cb1bec6dacafdd6b50d0a575a2d30332d4b312c3435300d0a', 'hex');
    fs.writeFileSync(path.join(dir, 'gb.csv'), bytes);
    const gbRun = await runCli(['import', 'progress', 'gb.csv', '--city', 'wenzhou', '--as-of', '2022-10-31', '--out', 'gb.yaml'], { cwd: dir });
    expect(gbRun.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'gb.yaml'), 'utf8')).toContain('  - target: WZ-03-K1\n    value: 450\n');
  });

  it('refuses a file that is no workbook, a missing --city or --as-of, and --attachment outside docx, with one line and exit 2', async () => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), 'not a zip');
    fs.writeFileSync(path.join(dir, 'ok.csv'), 'Target,Value\r\nWZ-03-K1,1\r\n');
    for (const args of [
      ['import', 'progress', 'fake.xlsx', '--city', 'wenzhou', '--as-of', '2022-10-31'],
      ['import', 'progress', 'ok.csv', '--as-of', '2022-10-31'],
      ['import', 'progress', 'ok.csv', '--city', 'wenzhou'],
      ['import', 'progress', 'ok.csv', '--city', 'wenzhou', '--as-of', '2022-02-30'],
      ['import', 'progress', 'missing.csv', '--city', 'wenzhou', '--as-of', '2022-10-31'],
      ['import', 'progress', 'ok.txt', '--city', 'wenzhou', '--as-of', '2022-10-31'],
      ['table', 'targets', '--format', 'xlsx', '--out', 't.xlsx', '--attachment', '1'],
      ['gaps', '--format', 'docx', '--out', 'g.docx', '--attachment', 'one'],
      ['gaps', '--format', 'docx'],
    ]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(fs.readdirSync(path.join(dir, 'wenzhou/progress'))).toEqual(['2022-06.yaml']);
  });
});

