/**
 * Inline markers of expected findings in fixture files, like markdownlint's `{MD025}`:
 *   `# expect: RULE[:COL][=MESSAGE][, …]`  findings of these rules on this line (at that column, with that message id)
 *   `# expect-at: LINE:COL RULE[=MESSAGE]`  a finding at an explicit place (for lines that cannot hold a comment)
 * A fixture without markers must lint clean.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Expected {
  file: string;
  line: number;
  column?: number;
  rule: string;
  /** The message id the finding must carry (`yaml/fullwidth-colon`), when the marker names one. */
  messageId?: string;
}

/** Reads the markers of one file; `rel` is the path findings will show. */
export function readMarkers(abs: string, rel: string): Expected[] {
  const bytes = fs.readFileSync(abs);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  const out: Expected[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, i) => {
    const on = /#\s*expect:\s*([^#]+)$/.exec(lineText);
    if (on) {
      for (const item of on[1].split(',').map((s) => s.trim()).filter(Boolean)) {
        const [place, messageId] = item.split('=').map((s) => s.trim());
        const [rule, col] = place.split(':');
        out.push({ file: rel, line: i + 1, column: col ? Number(col) : undefined, rule, ...(messageId ? { messageId } : {}) });
      }
    }
    for (const m of lineText.matchAll(/#\s*expect-at:\s*(\d+):(\d+)\s+([\w-]+)(?:=([\w/-]+))?/g)) {
      out.push({ file: rel, line: Number(m[1]), column: Number(m[2]), rule: m[3], ...(m[4] ? { messageId: m[4] } : {}) });
    }
  });
  return out;
}

/** All YAML files below a folder (or the file itself). */
export function yamlFilesUnder(p: string): string[] {
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFilesUnder(path.join(p, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(p, e.name)] : []))
    .sort();
}

/** The fixture cases of a group: each YAML file or folder directly inside it. */
export function fixtureCases(group: string): string[] {
  if (!fs.existsSync(group)) return [];
  return fs
    .readdirSync(group)
    .filter((n) => !n.startsWith('.') && !n.endsWith('.md'))
    .map((n) => path.join(group, n))
    .sort();
}
