/** What the office-format tests share: throw-away folders, and LibreOffice with poppler to print through. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

/** A maker of fresh temporary folders named `plans-PREFIX-…`, all removed after the file's tests. */
export function tempFolders(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `plans-${prefix}-`));
    made.push(dir);
    return dir;
  };
}

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const poppler = fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/pdfinfo');
/** `it` for tests that print through LibreOffice: in CI a missing LibreOffice is a failure, not a skip. */
export const runIt = (!soffice || !poppler) && !process.env.CI ? it.skip : it;

/** Converts a file to PDF with LibreOffice headless, in a profile of its own (parallel runs do not collide); the profile goes with `tmp`'s folders. */
export function toPdf(file: string, tmp: () => string): string {
  expect(soffice, 'LibreOffice (soffice) is not installed').toBeDefined();
  const result = spawnSync(soffice!, [`-env:UserInstallation=file://${tmp()}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(file), file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const pdf = file.replace(/\.[^.]+$/, '.pdf');
  expect(fs.existsSync(pdf), `LibreOffice made no PDF: ${result.stderr}`).toBe(true);
  return pdf;
}
