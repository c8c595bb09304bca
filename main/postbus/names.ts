// Names of files in the postbus: what this device calls its own files (readable by a person browsing the
// folder), and what the names of other files say: a sync engine's temporary file or conflict copy, or a plan
// file addressed to other gemeenten.
import { gemeenteName } from '../../shared/domain/gemeenten';
import { epochToLocal } from '../../shared/time/local';

export const EXTENSION = '.regie';
/** This device's files while they are being written; renamed to their final name when complete. */
export const TEMP_PREFIX = '.regie-bezig-';

/** A name part that is safe on every file system: "Zandvoort", "Haarlemmermeer", "s-Hertogenbosch". */
export function namePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The local time in the Netherlands as 2027-07-03T1412. */
export function stamp(now: Date): string {
  return epochToLocal(now.getTime()).replace(':', '');
}

export const ALL_PARTNERS = 'alle-partners';

/** van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie; "aan-alle-partners" for one file for everyone. */
export function outgoingName(from: string, to: string[] | 'all', now: Date, taken: (name: string) => boolean = () => false): string {
  const recipients = to === 'all' ? ALL_PARTNERS : to.map((g) => namePart(gemeenteName(g))).join('-');
  const base = `van-${namePart(gemeenteName(from))}-aan-${recipients}-${stamp(now)}`;
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${EXTENSION}`;
    if (!taken(name)) return name;
  }
}

const STAMP = /\d{4}-\d{2}-\d{2}T\d{4}(?:-\d{1,3})?/;
const OUR_NAME = new RegExp(`^(van-[A-Za-z0-9-]+-aan-[A-Za-z0-9-]+-${STAMP.source})(.*)\\.regie$`, 'i');

/** Whether a name is a plan file at all (other files in the folder are none of Regie's business). */
export function isPlanFileName(name: string): boolean {
  return name.toLowerCase().endsWith(EXTENSION) && !isTempName(name);
}

/** A file still being written: ours, or one of the usual sync engines' and editors' temporary names. */
export function isTempName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith(TEMP_PREFIX) || name.startsWith('~$') || lower.startsWith('.syncthing.') || lower.startsWith('.~') || /\.(tmp|part|partial|crdownload|download|!sync|sb-[0-9a-f]+)$/.test(lower)
  );
}

/**
 * The original name behind a sync engine's conflict copy, or undefined when the name is no copy:
 * "x (1).regie", "x (Conflicted copy 2027-07-03).regie", "x-LAPTOP-7.regie" (OneDrive adds the computer's
 * name), "x.sync-conflict-20270703-141200-ABCDEFG.regie" (Syncthing).
 */
export function conflictOriginal(name: string): string | undefined {
  const ours = OUR_NAME.exec(name);
  if (ours) return ours[2] ? `${ours[1]}${EXTENSION}` : undefined;
  const syncthing = /^(.*)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]+)?\.regie$/i.exec(name);
  if (syncthing) return `${syncthing[1]}${EXTENSION}`;
  const numbered = /^(.*?) \((?:\d+|[^)]*conflict[^)]*|[^)]*conflicterende[^)]*)\)\.regie$/i.exec(name);
  if (numbered) return `${numbered[1]}${EXTENSION}`;
  return undefined;
}

/**
 * What a name in our form says about its recipients, for this gemeente: 'me' (addressed to it or to all
 * partners), 'others', or 'unknown' (a name in another form: only its content can tell).
 */
export function addressedBy(name: string, gemeente: string): 'me' | 'others' | 'unknown' {
  const ours = OUR_NAME.exec(conflictOriginal(name) ?? name);
  if (!ours) return 'unknown';
  const m = /^van-.+?-aan-(.+)-\d{4}-\d{2}-\d{2}T\d{4}(?:-\d{1,3})?$/i.exec(ours[1]!);
  if (!m) return 'unknown';
  const recipients = `-${m[1]!.toLowerCase()}-`;
  if (recipients === `-${ALL_PARTNERS}-`) return 'me';
  return recipients.includes(`-${namePart(gemeenteName(gemeente)).toLowerCase()}-`) ? 'me' : 'others';
}
