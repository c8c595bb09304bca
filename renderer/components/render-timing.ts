// Performance marks for `npm run bench:ui`: when a screen's data arrived and when React committed it.
// The measure "regie:<name>" spans the two; it costs two marks per load and nothing else.
import { useLayoutEffect } from 'react';

export function markDataArrived(name: string): void {
  performance.mark(`regie:${name}:data`);
}

/** Marks the commit of a render that shows `data` (once per new value), and measures from its arrival. */
export function useRenderedMark(name: string, data: unknown): void {
  useLayoutEffect(() => {
    if (data === undefined) return;
    if (performance.getEntriesByName(`regie:${name}:data`, 'mark').length === 0) return;
    performance.mark(`regie:${name}:rendered`);
    performance.measure(`regie:${name}`, `regie:${name}:data`, `regie:${name}:rendered`);
    performance.clearMarks(`regie:${name}:data`);
  }, [name, data]);
}
