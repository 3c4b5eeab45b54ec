/**
 * Reading untrusted input files with a bound on the bytes actually read, not on what `stat`
 * says: a link to /dev/zero, a FIFO or a file that grows while we read fails fast with a
 * Chinese message instead of hanging or filling memory.
 */
import { constants, promises as fs } from 'node:fs';

/** Thrown (as `code`) when the input is not a regular file or is larger than allowed. */
export type BoundedReadFailure = 'ENOTREG' | 'ETOOBIG';

/** An fs-style error with one of the codes above and, for ETOOBIG, the bytes seen. */
export class BoundedReadError extends Error {
  constructor(readonly code: BoundedReadFailure, readonly bytesSeen: number) {
    super(code);
    this.name = 'BoundedReadError';
  }
}

const CHUNK = 1024 * 1024;

/**
 * Reads at most `maxBytes` from `filePath`. Only regular files are read (devices, FIFOs,
 * sockets and folders are refused before any read); the open does not block on a FIFO.
 * @throws BoundedReadError ENOTREG / ETOOBIG, or the fs error (ENOENT, EACCES, EISDIR …).
 */
export async function readFileBounded(filePath: string, maxBytes: number): Promise<Buffer> {
  const nonBlock = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;
  const handle = await fs.open(filePath, constants.O_RDONLY | nonBlock);
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!st.isFile()) throw new BoundedReadError('ENOTREG', 0);
    if (st.size > maxBytes) throw new BoundedReadError('ETOOBIG', st.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new BoundedReadError('ETOOBIG', total);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** True for the errors of readFileBounded's own checks. */
export function isBoundedReadError(e: unknown): e is BoundedReadError {
  return e instanceof BoundedReadError;
}
