// The shifts of an event per day, as a virtualised list: with hundreds of shifts only those in view are in
// the DOM. Rows have different heights (names, requests, warnings), so each is measured once rendered.
import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ShiftPlan } from '../../../shared/api/planning';
import type { Violation } from '../../../shared/rules/types';
import { useI18n } from '../../i18n/t';
import { dayLabel } from '../calendar/calendar-format';
import { hourLabel, timelineRows, timelineScale } from './shift-model';
import { ShiftRow, type ShiftAction } from './shift-row';

interface Props {
  shifts: readonly ShiftPlan[];
  own: boolean;
  label: string;
  violations: Map<string, Violation[]>;
  onAction(action: ShiftAction, shift: ShiftPlan): void;
}

export function ShiftTimeline({ shifts, own, label, violations, onAction }: Props) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => timelineRows(shifts), [shifts]);
  const scale = useMemo(() => timelineScale(shifts), [shifts]);
  const scroller = useRef<HTMLDivElement>(null);
  const list = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'day' ? 64 : 190),
    overscan: 6,
    initialRect: { width: 1100, height: 700 },
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.kind === 'day' ? `day-${r.date}` : r.shift.id;
    },
  });
  const ticks: number[] = [];
  for (let m = scale.from; m <= scale.to; m += scale.to - scale.from > 16 * 60 ? 240 : 120) ticks.push(m);
  return (
    <div ref={scroller} className="vlist timeline" tabIndex={0} role="region" aria-label={label}>
      <ul className="timeline__list" style={{ height: list.getTotalSize() }}>
        {list.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <li key={item.key} data-index={item.index} ref={list.measureElement} className="timeline__item" style={{ transform: `translateY(${item.start}px)` }}>
              {row.kind === 'day' ? (
                <div className="timeline__day">
                  <h3 className="timeline__date">
                    {dayLabel(row.date, locale)} <span className="timeline__daycount">({t('ev.shiftsCount', { count: row.count })})</span>
                  </h3>
                  <div className="timeline__scale" aria-hidden="true">
                    {ticks.map((m) => (
                      <span key={m} style={{ left: `${((m - scale.from) / (scale.to - scale.from)) * 100}%` }}>
                        {hourLabel(m)}
                      </span>
                    ))}
                  </div>
                </div>
              ) : (
                <ShiftRow shift={row.shift} scale={scale} own={own} violations={violations.get(row.shift.id) ?? []} onAction={onAction} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
