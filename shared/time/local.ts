// Wall-clock times in Europe/Amsterdam, as the coordinators think of them ("2027-08-27T16:00"),
// and their conversion to instants. Regie stores local times so a plan reads the same everywhere.

export const TIME_ZONE = 'Europe/Amsterdam';
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The digits at value[from..to) as a number, or -1 if one is not an ASCII digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * 'YYYY-MM-DDTHH:mm' as its parts, or undefined if it is not a real local time. Checked character by
 * character (it runs for every time in every op of a plan file); LOCAL describes the same form.
 */
export function parseLocal(value: string): LocalParts | undefined {
  if (value.length !== 16 || value[4] !== '-' || value[7] !== '-' || value[10] !== 'T' || value[13] !== ':') return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  const hour = digits(value, 11, 13);
  const minute = digits(value, 14, 16);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  // As Date.UTC counts: years 0-99 are read as 1900-1999 (so 0000 is not a leap year).
  const y = year < 100 ? year + 1900 : year;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  return { year, month, day, hour, minute };
}

/** The regular-expression form of parseLocal, kept as its specification (a property test compares them). */
export function parseLocalByPattern(value: string): LocalParts | undefined {
  const m = LOCAL.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return { year, month, day, hour, minute };
}

export function isLocalDateTime(value: string): boolean {
  return parseLocal(value) !== undefined;
}

// Made on first use: the first Intl object of a process or worker costs about 20 ms (ICU loads the time zone
// data), which the start of the app, the host and an import's workers need not pay (issue 22).
let offsetFormat: Intl.DateTimeFormat | undefined;

// The offset only changes on whole UTC hours (01:00 UTC in March and October), so it is cached per UTC hour:
// Intl formatting costs microseconds, and rules and settlements ask for it hundreds of thousands of times.
const offsetCache = new Map<number, number>();

/** Offset of Amsterdam from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / 3_600_000);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    offset = computeOffset(hour * 3_600_000);
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

function computeOffset(epochMs: number): number {
  offsetFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(offsetFormat.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/**
 * The instant of an Amsterdam wall-clock time. A time that does not exist (the skipped hour in March)
 * moves forward by the gap; an ambiguous time (the repeated hour in October) takes the first, summer one.
 */
export function localToEpoch(value: string): number {
  const p = parseLocal(value);
  if (!p) throw new RangeError(`Not a local date-time: ${value}`);
  const naive = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const first = naive - amsterdamOffsetMinutes(naive - 120 * 60000) * 60000;
  if (amsterdamOffsetMinutes(first) * 60000 + first === naive) return first;
  const second = naive - amsterdamOffsetMinutes(naive) * 60000;
  return amsterdamOffsetMinutes(second) * 60000 + second === naive ? second : first;
}

export function epochToLocal(epochMs: number): string {
  const shifted = new Date(epochMs + amsterdamOffsetMinutes(epochMs) * 60000);
  return shifted.toISOString().slice(0, 16);
}

/** Minutes between two local times, counting real elapsed time across DST changes. */
export function minutesBetween(start: string, end: string): number {
  return Math.round((localToEpoch(end) - localToEpoch(start)) / 60000);
}
