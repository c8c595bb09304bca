// Opening a path the user named as a plan file or a card: only a regular file is read. A FIFO would block
// the open (and so Regie) until something writes to it, a directory fails with a system error; both get a
// one-line refusal instead. Opened without blocking and checked on the open handle, so nothing swapped in
// between the check and the read is read.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { shown } from '../../shared/text/shown';
import { PlanFileError } from './format';

const NONBLOCK = constants.O_NONBLOCK ?? 0;

function kind(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isDirectory()) return 'een map';
  if (info.isFIFO()) return 'een pijp (FIFO)';
  if (info.isSocket()) return 'een socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'een apparaat';
  return 'geen gewoon bestand';
}

/** Opens a regular file for reading, or refuses in one line; the caller closes the handle. */
export async function openRegularFile(path: string, what = 'Het bestand'): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | NONBLOCK);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'het bestaat niet' : code === 'EACCES' || code === 'EPERM' ? 'geen toestemming om het te lezen' : shown((err as Error).message);
    throw new PlanFileError(`${what} ${shown(path)} kan niet worden gelezen (${why}).`);
  }
  try {
    const info = await fh.stat();
    if (!info.isFile()) throw new PlanFileError(`${what} ${shown(path)} kan niet worden gelezen: het is ${kind(info)}, geen bestand.`);
    return { fh, size: info.size };
  } catch (err) {
    await fh.close();
    throw err;
  }
}

/** The whole content of a small regular file, refused when larger than `maxBytes`. */
export async function readRegularFile(path: string, maxBytes: number, what = 'Het bestand'): Promise<Buffer> {
  const { fh, size } = await openRegularFile(path, what);
  try {
    if (size > maxBytes) throw new PlanFileError(`${what} ${shown(path)} is te groot (${size} bytes; hooguit ${maxBytes}).`);
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
