/**
 * The English gap table's headings break only between words (`Basel/ine b` was printed at 100
 * columns): read back from the terminal output, each heading's lines joined by spaces give the
 * heading whole, as a table (its header cells, column by column) or as records (each record's
 * heading lines); and no line is wider than the terminal.
 */
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { tr } from '../src/i18n/index.js';
import { COLUMNS } from '../src/render/gaps/common.js';
import { runCli } from './helpers/cli.js';

const example = path.join(__dirname, '..', 'examples/zhejiang-2022');
const headings = COLUMNS.map((c) => tr('en', `gaps/col/${c}`));

/** The headings as the output shows them: per table its header cells joined column by column, per record its heading lines joined. */
function shownHeadings(text: string): { tables: string[][]; records: string[] } {
  const lines = text.split('\n');
  const tables: string[][] = [];
  const records: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('┌')) {
      // header lines: up to the first line whose first cell holds a target id
      const cells: string[][] = [];
      for (let k = i + 1; k < lines.length && !/^│ [A-Z]{2}-\d/.test(lines[k]); k++) cells.push(lines[k].split('│').slice(1, -1).map((c) => c.trim()));
      tables.push(cells[0].map((_, c) => cells.map((row) => row[c]).filter(Boolean).join(' ')));
    }
    if (lines[i].startsWith('────')) {
      // a record: `heading  value` lines; a heading wrapped goes on in the heading column of the next lines
      let k = i + 1;
      // (a value's own lines start with spaces; the record ends at a line that is neither)
      for (; k < lines.length && lines[k] && !lines[k].startsWith('────'); k++) {
        if (lines[k].startsWith(' ')) continue;
        const m = /^(\S(?:\S| (?! ))*) {2}/.exec(lines[k]);
        if (!m) break;
        records.push(m[1]);
      }
    }
  }
  return { tables, records };
}

describe('English gap table headings at the terminal width', () => {
  for (const width of [80, 100, 120, 140]) {
    it(`${width} columns: no heading word broken, no line wider than ${width}`, async () => {
      const run = await runCli(['gaps', example, '--lang', 'en', '--no-color'], { env: { COLUMNS: String(width) } });
      expect(run.code).toBe(0);
      const widest = Math.max(...run.stdout.split('\n').map((l) => stringWidth(l)));
      expect(widest).toBeLessThanOrEqual(width);
      const { tables, records } = shownHeadings(run.stdout);
      // the targets of the three cities, as tables or records
      expect(tables.length * headings.length + records.length).toBeGreaterThanOrEqual(3 * headings.length);
      for (const t of tables) expect(t).toEqual(headings);
      // every record line starts with a whole heading (values follow after two spaces)
      const words = new Set(headings.flatMap((h) => h.split(' ')));
      for (const r of records) {
        expect(headings, r).toContain(r);
        for (const w of r.split(' ')) expect(words.has(w), r).toBe(true);
      }
      if (width >= 120) expect(tables.length).toBe(3);
    });
  }
});
