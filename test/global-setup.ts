/**
 * One temporary folder for the whole test run: every test's temporary files (copies of the example,
 * outputs, browser and office profiles) go under it through TMPDIR, and it is removed at the end,
 * so a run leaves nothing in the shared /tmp even when a test does not clean up after itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-test-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
