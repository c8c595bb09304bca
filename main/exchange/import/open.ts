// Stage "open": the path the user named, as a plan file that can be read twice. A regular file of a size a
// plan file can have, with Regie's gzip header; an encrypted file (age) is first opened with this device's
// key into a private temporary file, which lives until the import is done (close()).
import { open } from 'node:fs/promises';
import type { LocalIdentity } from '../../log/log';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { LIMITS, PlanFileError, SEALED_FEATURE, type PlanHeader } from '../format';
import { openRegularFile } from '../regular-file';
import { GZIP_HEADER, mb } from '../read';
import { isSealed, unsealToTemp } from '../sealed';

export interface PlanSource {
  /** The gzip plan file to read (for an encrypted file: its clear text in a private temporary folder). */
  path: string;
  size: number;
  /** Whether the file arrived encrypted. */
  sealed: boolean;
  /** Removes what opening made (the clear text of an encrypted file). */
  close(): Promise<void>;
}

async function checkGzipHeader(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(GZIP_HEADER.length);
    await fh.read(head, 0, head.length, 0);
    if (!head.equals(GZIP_HEADER)) {
      throw new PlanFileError(head[0] === 0x1f && head[1] === 0x8b ? 'Het begin van het bestand is gewijzigd of beschadigd.' : 'Dit is geen Regie-planbestand (geen gzip-bestand).');
    }
  } finally {
    await fh.close();
  }
}

/** A plan file in the clear: a regular file, not too large or small, with the exact gzip header Regie writes. */
export async function openPlainSource(path: string, close: () => Promise<void> = async () => undefined, sealed = false): Promise<PlanSource> {
  const opened = await openRegularFile(path);
  const size = opened.size;
  await opened.fh.close();
  if (size > LIMITS.maxFileBytes) {
    throw new PlanFileError(`Het bestand is ${mb(size)} groot; een planbestand mag hooguit ${mb(LIMITS.maxFileBytes)} zijn.`);
  }
  if (size < 20) throw new PlanFileError('Het bestand is te klein om een planbestand te zijn.');
  await checkGzipHeader(path);
  return { path, size, sealed, close };
}

/** Any plan file, encrypted or not. The caller closes the source when done with it. */
export async function openPlanSource(path: string, me: LocalIdentity): Promise<PlanSource> {
  if (!(await isSealed(path))) return openPlainSource(path);
  const clear = await unsealToTemp(path, me);
  try {
    return await openPlainSource(clear.path, clear.remove, true);
  } catch (err) {
    await clear.remove();
    throw err;
  }
}

/**
 * A file that says it travelled encrypted but arrives in the clear is refused: someone removed the
 * encryption on the way.
 */
export function refuseStrippedSeal(source: PlanSource, header: PlanHeader): void {
  if (!source.sealed && header.requires.includes(SEALED_FEATURE)) {
    throw new PlanFileError(
      `Dit bestand van ${gemeenteName(header.from.gemeente)} is versleuteld verstuurd, maar komt onversleuteld binnen: de versleuteling is onderweg verwijderd. Vraag de afzender om een nieuw bestand.`,
    );
  }
}
