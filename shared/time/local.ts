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

export function parseLocal(value: string): LocalParts | undefined {
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

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

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
