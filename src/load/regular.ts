/**
 * Reading a file named on the command line (`--baseline`, `--config`) or read again later: only a
 * regular file, and only up to a size. A FIFO would wait forever for a writer and /dev/zero never
 * ends; both are opened without blocking and refused after one fstat.
 */
import fs from 'node:fs';
import { t, type Localized, type MessageId } from '../i18n/index.js';
import { fsPath } from './rawpath.js';

const OPEN_NONBLOCK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why a file was not read: an errno code (ENOENT…), or not a regular file, or too large. */
export class NotReadable extends Error {
  constructor(
    readonly code: string,
    readonly reason: Localized,
  ) {
    super(reason.en);
  }
}

/** What a non-regular file is, in words (`a named pipe (FIFO)`). */
export function whatIs(st: fs.Stats): Localized {
  return t(st.isDirectory() ? 'load/what-folder' : st.isFIFO() ? 'load/what-fifo' : 'load/what-special');
}

/** The one line of a usage error for a named file that was not read (`baseline/missing`, `config/missing`). */
export function refusal(id: MessageId, option: string, err: unknown): Localized {
  if (err instanceof NotReadable && (err.code === 'ENOTREG' || err.code === 'EFBIG')) return t('cli/file-refused', { path: option, reason: err.reason });
  const code = err instanceof NotReadable ? err.code : ((err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO');
  return t(id, { path: option, code });
}

/** The bytes of the regular file `abs`, at most `max` of them; throws NotReadable otherwise. */
export function readRegularFile(abs: string, max: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(fsPath(abs), OPEN_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new NotReadable(code, { zh: code, en: code });
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new NotReadable('ENOTREG', t('load/not-a-file', { what: whatIs(st) }));
    if (st.size > max) throw new NotReadable('EFBIG', t('load/too-large', { size: st.size, max }));
    // the size as of now; a file that grows meanwhile is read up to `max` and no further
    const buf = Buffer.allocUnsafe(Math.min(max, st.size) + 1);
    let n = 0;
    for (;;) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) {
        if (n > max) throw new NotReadable('EFBIG', t('load/too-large', { size: n, max }));
        break;
      }
    }
    return buf.subarray(0, n);
  } catch (err) {
    if (err instanceof NotReadable) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new NotReadable(code, { zh: code, en: code });
  } finally {
    fs.closeSync(fd);
  }
}
