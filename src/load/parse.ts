/** Text to documents with positions; every YAML problem becomes a `yaml-syntax` finding. */
import { parseAllDocuments, visit, isAlias, type Document, type YAMLError } from 'yaml';
import type { Finding } from '../types.js';
import { t } from '../i18n/index.js';
import { findingAt, KINDS, YAML_OPTIONS, yamlText, type Kind, type SourceDoc, type SourceFile } from './source.js';

export interface ParseLimits {
  /** Aliases a document may expand (billion-laughs guard). */
  maxAliasCount: number;
  /** How deep collections may nest. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasCount: 100, maxDepth: 64 };

/** Parses all documents of a file in place (`file.docs`) and returns the findings. */
export function parseFile(file: SourceFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Finding[] {
  const findings: Finding[] = [];
  // The yaml package knows `\n` and `\r\n`; a lone `\r` (old Mac, some Word exports) becomes `\n`.
  const text = yamlText(file.text);
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, YAML_OPTIONS);
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (err) {
    // The parser recurses on nesting; a stack overflow is a file nested too deep.
    findings.push(findingAt(file, [0, 0], 'yaml-syntax', 'error', t('yaml/too-deep', { max: limits.maxDepth })));
    file.docs = [];
    void err;
    return findings;
  }
  file.docs = docs.map((yamlDoc, index) => {
    const doc: SourceDoc = { file, index, yaml: yamlDoc, value: undefined, parsed: false };
    const errors = yamlDoc.errors;
    for (const e of reportable(errors)) findings.push(yamlFinding(file, e, 'error'));
    for (const w of yamlDoc.warnings) findings.push(yamlFinding(file, w, 'warning'));
    if (errors.length > 0) return doc;
    const depth = depthProblem(yamlDoc, limits.maxDepth);
    if (depth) {
      findings.push(findingAt(file, depth, 'yaml-syntax', 'error', t('yaml/too-deep', { max: limits.maxDepth })));
      return doc;
    }
    try {
      doc.value = yamlDoc.toJS({ maxAliasCount: limits.maxAliasCount });
      doc.parsed = true;
    } catch {
      findings.push(findingAt(file, firstAlias(yamlDoc), 'yaml-syntax', 'error', t('yaml/alias-count', { max: limits.maxAliasCount })));
      return doc;
    }
    const kind = isRecord(doc.value) ? doc.value.kind : undefined;
    if (typeof kind === 'string' && (KINDS as readonly string[]).includes(kind)) doc.kind = kind as Kind;
    return doc;
  });
  return findings;
}

/** Errors that follow from an earlier one (the parser losing its place after a bad line). */
const CASCADING = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN', 'IMPOSSIBLE', 'BLOCK_IN_FLOW', 'BAD_SCALAR_START']);

/** The first error of a document, and after it only the errors that stand on their own (duplicate keys, tabs…). */
export function reportable(errors: readonly YAMLError[]): YAMLError[] {
  return errors.filter((e, i) => i === 0 || !CASCADING.has(e.code));
}

function yamlFinding(file: SourceFile, e: YAMLError, severity: 'error' | 'warning'): Finding {
  const [start, end] = e.pos;
  const code = e.code;
  const message = t(`yaml/${code}`, { detail: firstLine(e.message) });
  const known = message.en !== `yaml/${code}`;
  return findingAt(file, [start, Math.max(start, end)], 'yaml-syntax', severity, known ? message : t('yaml/other', { detail: firstLine(e.message), code }));
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function firstAlias(doc: Document.Parsed): [number, number] {
  let range: [number, number] = [0, 0];
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        range = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
    },
  });
  return range;
}

/** The range of the first collection nested deeper than `max`, if any. */
function depthProblem(doc: Document.Parsed, max: number): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Collection(_key, node, path) {
      // path holds the document, then each enclosing collection and pair
      const depth = path.filter((p) => 'items' in (p as object)).length + 1;
      if (depth > max) {
        found = node.range ? [node.range[0], node.range[0] + 1] : [0, 0];
        return visit.BREAK;
      }
    },
  });
  return found;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
