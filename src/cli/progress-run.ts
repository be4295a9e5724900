/** `plans template progress` and `plans import progress`; loaded only when one of them runs. */
import fs from 'node:fs';
import path from 'node:path';
import { t, tr } from '../i18n/index.js';
import { check } from '../lint.js';
import { decode } from '../load/decode.js';
import { codeOf, toPosix } from '../load/discover.js';
import { parseBytes } from '../load/index.js';
import { importProgress, progressYaml } from '../progress/import.js';
import { readCsv, readXlsx, type Sheet } from '../progress/sheet.js';
import { progressSheet } from '../progress/template.js';
import { isLintFormat, lintFormatters } from '../render/lint/index.js';
import { countFindings } from '../render/lint/types.js';
import { templateCsv, templateXlsx } from '../render/progress/template.js';
import { plansShown, knownCities } from '../tables/common.js';
import { UsageError, type Diagnostic } from '../types.js';
import { makeChalk, parseDate, type CliEnv } from './env.js';
import type { ImportCliOptions, TemplateCliOptions } from './progress.js';
import { checkCities, loadRepository, noteErrors, reportLang } from './repository.js';
import { reportDate } from './table-run.js';

/** Writes a file that must not exist yet (`wx`: fails rather than replace one that appeared meanwhile). */
function writeNew(abs: string, shown: string, content: string | Uint8Array): void {
  if (fs.existsSync(abs)) throw new UsageError(t('progress/exists', { path: shown }));
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content, { flag: 'wx' });
  } catch (err) {
    if (codeOf(err) === 'EEXIST') throw new UsageError(t('progress/exists', { path: shown }));
    throw new UsageError(t('cli/out-failed', { path: shown, code: codeOf(err) }));
  }
}

const extension = (file: string) => path.extname(file).toLowerCase();

/** Writes the fill-in workbook of the cities asked for (all with a plan without --city). */
export async function runTemplate(repoPath: string | undefined, opts: TemplateCliOptions, cli: CliEnv): Promise<number> {
  if (opts.out === undefined) throw new UsageError(t('progress/needs-out'));
  const ext = extension(opts.out);
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(t('progress/bad-out', { path: opts.out }));
  const asOf = parseDate('--as-of', opts.asOf);
  const repo = loadRepository(repoPath === undefined ? [] : [repoPath], cli, opts, 'all');
  const lang = reportLang(opts, repo, cli);
  checkCities(opts.city, knownCities(repo.model));
  for (const city of opts.city ?? []) if (!repo.model.plans.has(city)) throw new UsageError(t('progress/no-plan', { city }));
  const cities = plansShown(repo.model, opts.city).map((p) => p.city);
  if (ext === '.csv' && cities.length !== 1) throw new UsageError(t('progress/csv-one-city'));
  noteErrors(repo, cli, lang);
  const sheets = cities.map((city) => progressSheet(repo.model, city, lang, asOf));
  const content =
    ext === '.csv'
      ? templateCsv(sheets[0], lang)
      : await templateXlsx(sheets, { lang, campaignTitle: repo.model.campaign?.title ?? '', asOf, date: reportDate(cli.env) });
  writeNew(path.resolve(cli.cwd, opts.out), opts.out, content);
  return 0;
}

/** Reads the workbook's sheets; a file that cannot be read as its kind is a usage error (exit 2). */
async function readSheets(abs: string, shown: string): Promise<Sheet[]> {
  const ext = extension(abs);
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(t('progress/bad-file-type', { path: shown }));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (err) {
    throw new UsageError(t('progress/unreadable', { path: shown, reason: codeOf(err) }));
  }
  if (ext === '.csv') {
    // Excel in Chinese saves "CSV" as GB18030 (ANSI); decode reads both, as it reads plan files
    const decoded = decode(bytes);
    if (!decoded.ok) throw new UsageError(t('progress/unreadable', { path: shown, reason: decoded.reason }));
    return [readCsv(decoded.text, abs)];
  }
  try {
    return await readXlsx(bytes);
  } catch (err) {
    const reason = err instanceof Error ? String(err.message).split('\n')[0].slice(0, 200) : 'not a workbook';
    throw new UsageError(t('progress/unreadable', { path: shown, reason }));
  }
}

/** Where the progress file goes by default: CITY/progress/AS_OF.yaml beside the city's plan. */
function defaultOut(planFile: string, city: string, asOf: string): string {
  const dir = path.dirname(planFile);
  const cityDir = path.basename(dir) === city ? dir : path.join(dir, city);
  return path.join(cityDir, 'progress', `${asOf}.yaml`);
}

/** Reads a filled-in sheet and writes the Progress file; 1 with nothing written when any cell is wrong. */
export async function runImport(file: string, repoPath: string | undefined, opts: ImportCliOptions, cli: CliEnv): Promise<number> {
  const format = opts.format ?? 'stylish';
  const formatter = isLintFormat(format) ? lintFormatters[format] : undefined;
  if (!formatter) throw new UsageError(t('cli/bad-format', { format: opts.format, allowed: Object.keys(lintFormatters).join(', ') }));
  const cities = opts.city ?? [];
  if (cities.length === 0) throw new UsageError(t('progress/needs-city'));
  if (cities.length > 1) throw new UsageError(t('progress/one-city'));
  const city = cities[0];
  if (opts.asOf === undefined) throw new UsageError(t('progress/needs-as-of'));
  const asOf = parseDate('--as-of', opts.asOf)!;
  const repo = loadRepository(repoPath === undefined ? [] : [repoPath], cli, opts, 'all');
  const lang = reportLang(opts, repo, cli);
  checkCities([city], knownCities(repo.model));
  const plan = repo.model.plans.get(city);
  if (!plan) throw new UsageError(t('progress/no-plan', { city }));
  // `--out -`: standard output (the file is still checked as if it stood where it would by default)
  const toStdout = opts.out === '-';
  const outAbs = path.resolve(cli.cwd, opts.out === undefined || toStdout ? defaultOut(plan.origin.doc.file.abs, city, asOf) : opts.out);
  const outShown = toPosix(path.relative(cli.cwd, outAbs)) || outAbs;
  if (!toStdout && fs.existsSync(outAbs)) throw new UsageError(t('progress/exists', { path: outShown }));
  const workbookAbs = path.resolve(cli.cwd, file);
  const workbook = toPosix(path.relative(cli.cwd, workbookAbs)) || file;
  const sheets = await readSheets(workbookAbs, file);

  const result = importProgress(sheets, { model: repo.model, city, file: workbook, asOf });
  const findings = [...result.findings];
  let text: string | undefined;
  if (!findings.some((f) => f.severity === 'error')) {
    text = progressYaml({
      campaign: plan.campaign,
      city,
      asOf,
      values: result.values,
      comment: [tr(lang, 'progress/yaml-comment', { workbook: path.basename(workbookAbs), asOf, date: reportDate(cli.env) })],
    });
    findings.push(...lintOfNew(text, outAbs, outShown, repo.files, workbook));
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (findings.length) {
    const output = formatter(countFindings(findings, 1, [workbook]), { lang, chalk: makeChalk(opts.color, cli), cwd: cli.cwd });
    (errors && !toStdout ? cli.stdout : cli.stderr).write(output.endsWith('\n') || output === '' ? output : output + '\n');
  }
  if (errors || text === undefined) return 1;
  if (toStdout) {
    cli.stdout.write(text);
    return 0;
  }
  writeNew(outAbs, outShown, text);
  cli.stderr.write(tr(lang, 'progress/written', { path: outShown, count: result.values.length }) + '\n');
  return 0;
}

/**
 * The findings `plans lint` would have on the new file, read beside the repository (a value that
 * contradicts one already reported for the date, a value of the wrong shape), as findings of the
 * workbook: the file must lint clean, or it is not written.
 */
function lintOfNew(text: string, abs: string, shown: string, files: Parameters<typeof check>[0], workbook: string): Diagnostic[] {
  const parsed = parseBytes(shown, abs, Buffer.from(text, 'utf8'));
  const result = check([...files, parsed.file], parsed.findings);
  return result.findings
    .filter((f) => f.file === shown && f.severity === 'error')
    .map((f) => ({
      ...f,
      file: workbook,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      offset: 0,
      endOffset: 0,
      message: t('progress/would-not-lint', { rule: f.rule, message: f.message }),
    }));
}
