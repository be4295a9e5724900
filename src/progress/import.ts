/**
 * A filled-in progress sheet back into the values of a `kind: Progress` document: headers found in
 * either language and any order, every cell judged, and every problem a finding at its sheet and
 * cell (the finding's line and column are the cell's row and column).
 */
import { stringify } from 'yaml';
import { LANGS, t, type MessageData, type MessageId } from '../i18n/index.js';
import type { Model, Target, Unit } from '../model/types.js';
import { placeOf } from '../rules/shared.js';
import { cityName } from '../tables/common.js';
import type { Diagnostic as Finding, Severity } from '../types.js';
import { placedAt } from '../findings/index.js';
import type { RuleId } from '../rules/index.js';
import { closest } from '../util/closest.js';
import { formatNumber } from '../util/number.js';
import { sheetCell, type Sheet, type SheetCell } from './sheet.js';
import { progressHeading, READ_COLUMNS } from './template.js';

type ReadColumn = (typeof READ_COLUMNS)[number];

export interface ImportedValue {
  target: string;
  value?: number;
  units?: Record<string, number>;
  note?: string;
}

export interface ImportResult {
  values: ImportedValue[];
  findings: Finding[];
}

export interface ImportOptions {
  model: Model;
  city: string;
  /** The workbook as findings name it (relative to the current directory, `/` separators). */
  file: string;
  /** The date the values are as of: a value the repository already has for that date must not be contradicted. */
  asOf?: string;
}

/** How a heading compares: width variants folded (（ → (), spaces and case ignored. */
function headingKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Each read column by the key of its heading in either language. */
const HEADINGS = new Map<string, ReadColumn>(READ_COLUMNS.flatMap((col) => LANGS.map((lang) => [headingKey(progressHeading(lang, col)), col] as [string, ReadColumn])));
/** How far down a header row is looked for (a title, a note or two above it). */
const HEADER_SEARCH = 20;

interface Header {
  row: number;
  columns: Partial<Record<ReadColumn, number>>;
}

/** The header row of a sheet: the first with a target column and a value column. */
function findHeader(sheet: Sheet): Header | undefined {
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b).filter((r) => r <= HEADER_SEARCH);
  for (const r of rows) {
    const columns: Partial<Record<ReadColumn, number>> = {};
    for (const [c, cell] of [...sheet.rows.get(r)!].sort((a, b) => a[0] - b[0])) {
      const col = HEADINGS.get(headingKey(cell.text));
      if (col && columns[col] === undefined) columns[col] = c;
    }
    if (columns.target !== undefined && columns.value !== undefined) return { row: r, columns };
  }
  return undefined;
}

/** A number as a clerk writes it: full-width digits, thousands separators, a minus sign, `%` (returned apart). */
export function readNumber(text: string): { value: number; percent: boolean } | undefined {
  let s = text.normalize('NFKC').replace(/[\s\u00a0]+/g, '').replace(/[−–]/g, '-').replace(/[，]/g, ',').replace(/[。]/g, '.');
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? { value, percent } : undefined;
}

/** Reads the sheets of `--city`'s report; findings for every cell that cannot be taken as it is. */
export function importProgress(sheets: Sheet[], opts: ImportOptions): ImportResult {
  const { model, city, file } = opts;
  const findings: Finding[] = [];
  const cityLabel = cityName(model, city);
  const report = (sheet: string, row: number, column: number, rule: RuleId, severity: Severity, id: MessageId, data: MessageData = {}) => {
    findings.push(placedAt(file, row, column, rule, severity, t(id, { cell: sheetCell(sheet, row, column), ...data })));
  };
  let data = sheets.map((sheet) => ({ sheet, header: findHeader(sheet) })).filter((x): x is { sheet: Sheet; header: Header } => x.header !== undefined);
  if (data.length === 0) {
    const first = sheets[0]?.name ?? 'Sheet1';
    findings.push(placedAt(file, 1, 1, 'schema', 'error', t('progress/no-header', { sheet: first })));
    return { values: [], findings };
  }
  // a workbook of several cities: the sheet named after the city, when there is one
  const mine = data.filter((x) => x.sheet.name === cityLabel || x.sheet.name === city);
  if (data.length > 1 && mine.length) data = mine;

  const plan = model.plans.get(city);
  const cityTargets = plan ? plan.actions.flatMap((a) => a.targets) : [];
  const values = new Map<string, ImportedValue>();
  const notes = new Map<string, string[]>();
  /** Where each target (or target and unit) was first given, and with what. */
  const seen = new Map<string, { at: string; value: number }>();
  /** What the repository already reports for the date, by the same keys. */
  const reported = new Map<string, { at: string; value: number }>();
  for (const r of model.progress) {
    if (r.city !== city || r.asOf !== opts.asOf) continue;
    for (const v of r.values) {
      if (v.value !== undefined) reported.set(v.target, { at: String(placeOf(v.origin, ['value'])), value: v.value });
      for (const [u, n] of Object.entries(v.units ?? {})) reported.set(`${v.target}\u0000${u}`, { at: String(placeOf(v.origin, ['units', u])), value: n });
    }
  }

  for (const { sheet, header } of data) {
    const rows = [...sheet.rows.keys()].filter((r) => r > header.row).sort((a, b) => a - b);
    for (const r of rows) {
      const cells = sheet.rows.get(r)!;
      const at = (col: ReadColumn): [number, SheetCell | undefined] => {
        const c = header.columns[col];
        return [c ?? 0, c === undefined ? undefined : cells.get(c)];
      };
      const [targetCol, targetCell] = at('target');
      const [unitCol, unitCell] = at('unit');
      const [valueCol, valueCell] = at('value');
      const [noteCol, noteCell] = at('note');
      const targetText = (targetCell?.text ?? '').normalize('NFKC').trim();
      const unitText = (unitCell?.text ?? '').normalize('NFKC').trim();
      const note = (noteCell?.text ?? '').trim();
      const filled = valueCell !== undefined && (valueCell.number !== undefined || valueCell.text.trim() !== '');
      if (!filled) {
        if (note && targetText) report(sheet.name, r, noteCol, 'schema', 'warning', 'progress/note-without-value');
        continue;
      }
      if (!targetText) {
        report(sheet.name, r, targetCol, 'schema', 'error', 'progress/missing-target');
        continue;
      }
      const target = model.targetsById.get(targetText);
      if (!target) {
        report(sheet.name, r, targetCol, 'unknown-reference', 'error', 'progress/unknown-target', {
          id: targetText,
          suggestion: closest(targetText, cityTargets.map((x) => x.id)) ?? '',
        });
        continue;
      }
      if (target.city !== city) {
        report(sheet.name, r, targetCol, 'unknown-reference', 'error', 'progress/other-city', { id: target.id, other: cityName(model, target.city), city: cityLabel });
        continue;
      }
      let unit: Unit | undefined;
      if (target.per === 'unit') {
        if (!unitText) {
          report(sheet.name, r, unitCol || targetCol, 'unit-mismatch', 'error', 'progress/unit-missing', { target: target.id });
          continue;
        }
        const units = target.action.plan.units;
        unit = units.find((u) => u.id === unitText) ?? units.find((u) => u.name.normalize('NFKC').trim() === unitText);
        if (!unit) {
          const names = units.map((u) => u.name);
          report(sheet.name, r, unitCol, 'unknown-reference', 'error', 'progress/unknown-unit', {
            unit: unitText,
            city: cityLabel,
            suggestion: closest(unitText, names) ?? closest(unitText, units.map((u) => u.id)) ?? '',
          });
          continue;
        }
      } else if (unitText) {
        report(sheet.name, r, unitCol, 'unit-mismatch', 'error', 'progress/unit-for-plain', { target: target.id, unit: unitText });
        continue;
      }
      const value = cellNumber(valueCell!, target);
      if (value === 'not-a-number') {
        report(sheet.name, r, valueCol, 'schema', 'error', 'progress/not-a-number', { value: valueCell!.text });
        continue;
      }
      if (value === 'percent') {
        report(sheet.name, r, valueCol, 'unit-mismatch', 'error', 'progress/percent-not-percent', { value: valueCell!.text, target: target.id, unit: target.unit ?? '' });
        continue;
      }
      const key = unit ? `${target.id}\u0000${unit.id}` : target.id;
      const here = sheetCell(sheet.name, r, valueCol);
      const before = seen.get(key) ?? reported.get(key);
      if (before && before.value !== value) {
        report(sheet.name, r, valueCol, 'progress-conflict', 'error', 'progress/conflict', {
          what: unit ? `${target.id} ${unit.name}` : target.id,
          other: before.at,
          first: formatNumber(before.value),
          second: formatNumber(value),
        });
        continue;
      }
      // the same value twice in the workbook is one value (a value the repository has already is written again)
      if (seen.has(key)) continue;
      seen.set(key, { at: here, value });
      const entry = values.get(target.id) ?? { target: target.id };
      values.set(target.id, entry);
      if (unit) (entry.units ??= {})[unit.id] = value;
      else entry.value = value;
      if (note) {
        const list = notes.get(target.id) ?? [];
        list.push(unit ? `${unit.name}：${note}` : note);
        notes.set(target.id, list);
      }
    }
  }
  for (const [id, list] of notes) values.get(id)!.note = list.join('；');
  if (values.size === 0 && findings.every((f) => f.severity !== 'error')) {
    const { sheet, header } = data[0];
    report(sheet.name, header.row, header.columns.value!, 'schema', 'error', 'progress/no-values');
  }
  return { values: [...values.values()], findings };
}

/** The number of a value cell for a target; `%` and percent-formatted cells only for a target in `%`. */
function cellNumber(cell: SheetCell, target: Target): number | 'not-a-number' | 'percent' {
  const percentTarget = (target.unit ?? '').trim() === '%';
  if (cell.date) return 'not-a-number';
  if (cell.number !== undefined) {
    if (!cell.percent) return cell.number;
    // 95% typed into a spreadsheet is stored as 0.95
    return percentTarget ? Number((cell.number * 100).toPrecision(12)) : 'percent';
  }
  const read = readNumber(cell.text);
  if (!read) return 'not-a-number';
  if (read.percent && !percentTarget) return 'percent';
  return read.value;
}

export interface ProgressDocument {
  campaign: string;
  city: string;
  asOf: string;
  values: ImportedValue[];
  /** The comment lines at the top (without `# `). */
  comment: string[];
}

/** A YAML scalar as the yaml package writes it (quoted where it must be). */
function scalar(value: string): string {
  // a line break would make a block scalar: a double-quoted one (JSON's escapes are YAML's) stays on its line
  if (/[\r\n]/.test(value)) return JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The text of the `kind: Progress` document: a comment naming the workbook and the date, then the values. */
export function progressYaml(doc: ProgressDocument): string {
  const out = doc.comment.map((line) => `# ${line.replace(/[\u0000-\u001f\u007f]+/g, ' ')}`.trimEnd());
  out.push('version: 1', 'kind: Progress', `campaign: ${scalar(doc.campaign)}`, `city: ${scalar(doc.city)}`, `as_of: ${doc.asOf}`, 'values:');
  for (const v of doc.values) {
    out.push(`  - target: ${scalar(v.target)}`);
    if (v.value !== undefined) out.push(`    value: ${formatNumber(v.value)}`);
    if (v.units) {
      out.push('    units:');
      for (const [unit, n] of Object.entries(v.units)) out.push(`      ${scalar(unit)}: ${formatNumber(n)}`);
    }
    if (v.note !== undefined) out.push(`    note: ${scalar(v.note)}`);
  }
  return out.join('\n') + '\n';
}
