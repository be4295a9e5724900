/** The fixture cases of test/fixtures, for the tests that run every fast path over all of them. */
import fs from 'node:fs';
import path from 'node:path';

export const fixtures = path.join(__dirname, '..', 'fixtures');

/** Every fixture case: each file or folder directly inside a group of test/fixtures. */
export function fixtureCases(): string[] {
  if (!fs.existsSync(fixtures)) return [];
  return fs
    .readdirSync(fixtures, { withFileTypes: true })
    .filter((g) => g.isDirectory())
    .flatMap((g) =>
      fs
        .readdirSync(path.join(fixtures, g.name))
        .filter((n) => !n.startsWith('.') && !n.endsWith('.md'))
        .map((n) => path.join(g.name, n)),
    )
    .sort();
}

/** Every YAML file under `dir`, relative to it with `/` separators, in name order. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.ya?ml$/.test(e.name)) out.push(path.relative(dir, abs).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}
