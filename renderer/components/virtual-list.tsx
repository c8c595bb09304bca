// A long list that renders only the rows in view (@tanstack/react-virtual), so thousands of requests or
// problems scroll smoothly. Screen readers still hear the position ("3 of 1200"), and ArrowUp/ArrowDown,
// Home and End move between rows even when the next row is not rendered yet.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props<T> {
  items: readonly T[];
  label: string;
  getKey(item: T): string;
  estimateSize: number;
  renderItem(item: T, index: number): ReactNode;
  /** Height of the scrolling area, e.g. '60vh'. */
  height?: string;
  className?: string;
}

/** The element in a row that arrow keys move focus to: mark it with this attribute. */
export const ROW_FOCUS = 'data-row-focus';

export function VirtualList<T>({ items, label, getKey, estimateSize, renderItem, height = '60vh', className }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
    getItemKey: (i) => getKey(items[i]!),
  });

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(items.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only exist after the scroll has rendered it.
    const tryFocus = (attempt: number) => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] [${ROW_FOCUS}]`);
      if (el) el.focus();
      else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    tryFocus(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!from || !(e.target as HTMLElement).hasAttribute(ROW_FOCUS)) return;
    const index = Number(from.dataset.index);
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    focusRow(next);
  }

  return (
    <div ref={scrollRef} className={`vlist ${className ?? ''}`} style={{ maxHeight: height }} onKeyDown={onKeyDown}>
      <ul role="list" aria-label={label} className="vlist__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => (
          <li
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            aria-setsize={items.length}
            aria-posinset={v.index + 1}
            className="vlist__row"
            style={{ transform: `translateY(${v.start}px)` }}
          >
            {renderItem(items[v.index]!, v.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
