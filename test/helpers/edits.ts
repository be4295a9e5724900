/** Random drafter edits of a repository held as `{path: text}`, as data for fast-check (context and cache property tests). */
import fc from 'fast-check';

export const ID_TOKEN = /(?<=[\s[{,:]|^)([A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+|T\d\d(?:\.\d)?|hangzhou|ningbo|wenzhou|c\d{4})(?=[\s\]},]|$)/gm;

/** The edits a drafter makes by mistake, as data for fast-check. */
export const drafterEdit = fc.oneof(
  // an id renamed where it is defined (an owner, a target, an action, a unit, a city of the campaign)
  fc.record({ kind: fc.constant('rename-definition' as const), file: fc.nat(), which: fc.nat(), to: fc.nat() }),
  // a reference changed to another id of the repository (a lead, a task, a `than`, a progress target, a city)
  fc.record({ kind: fc.constant('swap-reference' as const), file: fc.nat(), which: fc.nat(), to: fc.nat() }),
  // a line deleted, or a broken line inserted
  fc.record({ kind: fc.constant('drop-line' as const), file: fc.nat(), line: fc.nat() }),
  fc.record({ kind: fc.constant('break' as const), file: fc.nat(), line: fc.nat() }),
  // a file copied (duplicates everywhere) or removed
  fc.record({ kind: fc.constant('copy' as const), file: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), file: fc.nat() }),
);
export type Edit = typeof drafterEdit extends fc.Arbitrary<infer E> ? E : never;

/** Applies one edit to `files` (paths edited are pushed to `edited`); `tokens` are the ids of the repository. */
/** `text` with the first occurrence of the id `from`, standing as a whole value or list item, replaced by `to`. */
export function replaceFirstToken(text: string, from: string, to: string): string {
  let n = 0;
  return text.replace(new RegExp(`(?<=[\\s[{,:]|^)${from.replace(/[.]/g, '\\.')}(?=[\\s\\]},]|$)`, 'gm'), (m) => (n++ === 0 ? to : m));
}

export function applyEdit(files: Record<string, string>, e: Edit, tokens: string[], edited: string[]): void {
  const keys = Object.keys(files);
  const name = keys[e.file % keys.length];
  const text = files[name];
  edited.push(name);
  const lines = text.split('\n');
  switch (e.kind) {
    case 'rename-definition': {
      const defined = [...text.matchAll(/^\s*-?\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*$/gm)].map((m) => m[1]);
      if (!defined.length) return;
      const id = defined[e.which % defined.length];
      const to = e.to % 3 === 0 ? tokens[e.to % tokens.length] : `${id}x`;
      files[name] = text.replace(new RegExp(`(id:\\s*)${id.replace(/[.]/g, '\\.')}(?=\\s*$)`, 'm'), `$1${to}`);
      return;
    }
    case 'swap-reference': {
      const present = tokens.filter((t) => text.includes(t));
      if (!present.length) return;
      const from = present[e.which % present.length];
      files[name] = replaceFirstToken(text, from, tokens[e.to % tokens.length]);
      return;
    }
    case 'drop-line':
      lines.splice(e.line % lines.length, 1);
      files[name] = lines.join('\n');
      return;
    case 'break':
      lines.splice(e.line % lines.length, 0, '  - : [unclosed');
      files[name] = lines.join('\n');
      return;
    case 'copy':
      files[name.replace(/\.yaml$/, '-copy.yaml')] = text;
      edited.push(name.replace(/\.yaml$/, '-copy.yaml'));
      return;
    case 'remove':
      if (keys.length > 3 && name !== 'campaign.yaml') delete files[name];
      return;
  }
}

