/** Throw-away copies of the reference repository, with a mistake or two, for the CI-area tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.join(__dirname, '..', '..');
export const example = path.join(root, 'examples/zhejiang-2022');

/** A copy of examples/zhejiang-2022 in a fresh temporary folder (with a .git folder, so the search for a campaign stops there). */
export function copyExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-ci-'));
  fs.cpSync(example, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

/** Replaces the first occurrence of `from` in a file of the copy; fails loudly when it is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const abs = path.join(dir, file);
  const text = fs.readFileSync(abs, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  fs.writeFileSync(abs, next);
}

/** The 1-based line of the first line containing `needle`. */
export function lineOf(dir: string, file: string, needle: string): number {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file}: ${needle} not found`);
  return i + 1;
}

export function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}
