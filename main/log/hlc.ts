// Hybrid logical clock stamps: wall-clock milliseconds plus a counter, as a fixed-width sortable string
// "0001795660527123:0000", so string order is causal order and LWW ties break on the author id.

const HLC = /^(\d{16}):(\d{4})$/;
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export interface HlcParts {
  wall: number;
  counter: number;
}

export function formatHlc({ wall, counter }: HlcParts): string {
  return `${String(wall).padStart(16, '0')}:${String(counter).padStart(4, '0')}`;
}

export function parseHlc(value: string): HlcParts | undefined {
  const m = HLC.exec(value);
  if (!m) return undefined;
  return { wall: Number(m[1]), counter: Number(m[2]) };
}

export function isHlc(value: string): boolean {
  return parseHlc(value) !== undefined;
}

/** The next stamp for a local event, after `last` (the highest stamp issued or seen). */
export function tick(last: string | undefined, now: number): string {
  const prev = last ? parseHlc(last) : undefined;
  if (!prev || now > prev.wall) return formatHlc({ wall: now, counter: 0 });
  if (prev.counter >= 9999) return formatHlc({ wall: prev.wall + 1, counter: 0 });
  return formatHlc({ wall: prev.wall, counter: prev.counter + 1 });
}

export function hlcWallIso(value: string): string {
  const p = parseHlc(value);
  return p ? new Date(p.wall).toISOString() : '';
}

/** A stamp orders field writes: the HLC first, then the author id to break ties deterministically. */
export function stamp(hlc: string, author: string): string {
  return `${hlc} ${author}`;
}
