/** plans.config.yaml: found upward from the current directory (or named), checked, and turned into settings. */
import path from 'node:path';
import { optionLang, t, type Lang, type Message } from '../i18n/index.js';
import { NodeFileSystem, type FileSystem } from '../load/fs.js';
import { UsageError } from '../types.js';
import { loadFile } from '../load/index.js';
import { isRecord } from '../load/parse.js';
import { findingAt, locate, type SourceDoc, type SourceFile } from '../load/source.js';
import { toPosix } from '../load/discover.js';
import type { Finding, Path, RuleSetting } from '../types.js';
import { closest } from '../util/closest.js';
import { globProblem, matchGlob } from './glob.js';
import { readRegularFile, refusal } from '../load/regular.js';
import { catalogue } from './rules.js';
import { CONFIG_NAMES, findConfigFile } from './find.js';

export { CONFIG_NAMES, findConfigFile };

/** A config is a few lines; this is already absurd. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const KEYS = ['rules', 'ignore', 'lang'] as const;
const SETTINGS: readonly RuleSetting[] = ['off', 'warning', 'error'];

/** The settings a config gives; an empty config when there is none. */
export interface PlansConfig {
  /** The config file (absolute), when there is one. */
  abs?: string;
  /** Folder the `ignore` globs are relative to: the config's folder, else the current directory. */
  dir: string;
  rules: Record<string, RuleSetting>;
  ignore: string[];
  lang?: Lang;
}

export interface LoadedConfig {
  config: PlansConfig;
  /** `config` findings (and YAML problems) in the config file itself. */
  findings: Finding[];
  file?: SourceFile;
}

/** A config that changes nothing. */
export function emptyConfig(cwd: string): PlansConfig {
  return { dir: path.resolve(cwd), rules: {}, ignore: [] };
}

/** Reads and checks a config file; what is valid in it applies even when other parts are wrong. */
export function loadConfig(abs: string, cwd: string, fs: FileSystem = new NodeFileSystem()): LoadedConfig {
  const config: PlansConfig = { abs, dir: path.dirname(abs), rules: {}, ignore: [] };
  const read = loadFile(abs, { cwd, maxFileBytes: MAX_CONFIG_BYTES, fs, keepTexts: true });
  const findings = [...read.findings];
  const file = read.file;
  if (!file) return { config, findings };
  const docs = file.docs.filter((d) => d.parsed && d.value !== null && d.value !== undefined);
  if (file.docs.some((d) => !d.parsed)) return { config, findings, file };
  if (docs.length === 0) return { config, findings, file };
  const doc = docs[0];
  for (const extra of docs.slice(1)) findings.push(at(extra, [], t('config/one-document')));
  const value = doc.value;
  if (!isRecord(value)) {
    findings.push(at(doc, [], t('config/not-mapping')));
    return { config, findings, file };
  }
  for (const key of Object.keys(value)) {
    if ((KEYS as readonly string[]).includes(key)) continue;
    const suggestion = closest(key, KEYS);
    findings.push(at(doc, [key], t(suggestion ? 'config/unknown-key-suggest' : 'config/unknown-key', { key, suggestion, allowed: KEYS.join(', ') }), true));
  }
  readRules(doc, value.rules, config, findings);
  readIgnore(doc, value.ignore, config, findings);
  if (value.lang !== undefined && value.lang !== null) {
    const lang = typeof value.lang === 'string' ? optionLang(value.lang) : undefined;
    if (lang) config.lang = lang;
    else findings.push(at(doc, ['lang'], t('config/bad-lang', { value: String(value.lang) })));
  }
  return { config, findings, file };
}

function readRules(doc: SourceDoc, rules: unknown, config: PlansConfig, findings: Finding[]): void {
  if (rules === undefined || rules === null) return;
  if (!isRecord(rules)) {
    findings.push(at(doc, ['rules'], t('config/rules-not-mapping')));
    return;
  }
  const ids: readonly string[] = catalogue().map((r) => r.id);
  for (const [id, setting] of Object.entries(rules)) {
    if (!ids.includes(id)) {
      const suggestion = closest(id, ids);
      findings.push(at(doc, ['rules', id], t(suggestion ? 'config/unknown-rule-suggest' : 'config/unknown-rule', { rule: id, suggestion }), true));
      continue;
    }
    if (id === 'config') {
      findings.push(at(doc, ['rules', id], t('config/config-rule-fixed'), true));
      continue;
    }
    if (typeof setting === 'string' && (SETTINGS as readonly string[]).includes(setting)) {
      config.rules[id] = setting as RuleSetting;
      continue;
    }
    const shown = typeof setting === 'string' ? setting : JSON.stringify(setting) ?? String(setting);
    // `warn` (ESLint's spelling) is too short for an edit-distance match, but a prefix says what was meant.
    const suggestion = typeof setting === 'string' ? closest(setting, SETTINGS) ?? SETTINGS.find((s) => setting.length >= 2 && s.startsWith(setting.toLowerCase())) : undefined;
    findings.push(at(doc, ['rules', id], t(suggestion ? 'config/bad-setting-suggest' : 'config/bad-setting', { rule: id, value: shown, suggestion })));
  }
}

function readIgnore(doc: SourceDoc, ignore: unknown, config: PlansConfig, findings: Finding[]): void {
  if (ignore === undefined || ignore === null) return;
  const list = typeof ignore === 'string' ? [ignore] : ignore;
  if (!Array.isArray(list)) {
    findings.push(at(doc, ['ignore'], t('config/ignore-not-list')));
    return;
  }
  list.forEach((glob, i) => {
    const where = typeof ignore === 'string' ? ['ignore'] : ['ignore', i];
    const problem = typeof glob === 'string' && glob.trim() !== '' ? globProblem(glob) : undefined;
    if (problem !== undefined) findings.push(at(doc, where, t('config/bad-glob', { glob: String(glob), range: problem })));
    else if (typeof glob === 'string' && glob.trim() !== '') config.ignore.push(glob);
    else findings.push(at(doc, typeof ignore === 'string' ? ['ignore'] : ['ignore', i], t('config/ignore-not-glob')));
  });
}

function at(doc: SourceDoc, where: Path, message: Message, key = false): Finding {
  return findingAt(doc.file, locate(doc, where, { key }), 'config', 'error', message);
}

/** The `ignore` test for discovery (the config file itself included): `relPath` is relative to `cwd`; the globs to the config's folder. */
export function ignoreFilter(config: PlansConfig, cwd: string): ((relPath: string) => boolean) | undefined {
  if (config.ignore.length === 0 && !config.abs) return undefined;
  return (relPath) => {
    const abs = path.resolve(cwd, relPath);
    if (abs === config.abs) return true; // a config named with --config is not a plan file either
    const fromConfig = toPosix(path.relative(config.dir, abs));
    if (fromConfig === '' || fromConfig.startsWith('../')) return false;
    return config.ignore.some((glob) => matchGlob(glob, fromConfig));
  };
}

/** `.git` is a folder, or a file in a worktree or submodule. */
/** The config named by --config, else the nearest one above `cwd`, else an empty config; a named file that is missing is a usage error. */
/** `fs`: what the config file itself is read through (the search for it and the check of a named one use the disk). */
export function readConfig(option: string | undefined, cwd: string, fs: FileSystem = new NodeFileSystem()): LoadedConfig {
  if (option !== undefined) {
    const abs = path.resolve(cwd, option);
    // a regular file of sensible size (a FIFO would hang, /dev/zero never ends); loadConfig reads it again by the loader's own careful path
    try {
      readRegularFile(abs, MAX_CONFIG_BYTES);
    } catch (err) {
      throw new UsageError(refusal('config/missing', option, err));
    }
    return loadConfig(abs, cwd, fs);
  }
  const found = findConfigFile(cwd);
  return found ? loadConfig(found, cwd, fs) : { config: emptyConfig(cwd), findings: [] };
}
