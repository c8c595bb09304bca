// Events as a table that stays fluid with thousands of rows: only the rows in view (and a few around them)
// are in the DOM; spacer rows keep the scroll height, and aria-rowcount/-rowindex tell assistive technology
// where a row sits. Used by the Kalender's list view and the Evenementen screen.
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CalendarEvent } from '../../../shared/api/planning';
import { GemeenteTag } from '../../components/gemeente-tag';
import { RiskBadge } from '../../components/risk-badge';
import { StaffingBadge } from '../../components/staffing-badge';
import { periodParts } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { eventPath } from '../../routing/routes';

const COLUMNS = 8;

function Period({ start, end }: { start: string; end: string }) {
  const { locale } = useI18n();
  const [from, dash, to] = periodParts(start, end, locale);
  return (
    <>
      <span className="nowrap">{from}</span>
      {dash}
      <span className="nowrap">{to}</span>
    </>
  );
}

export function EventList({ events, ownGemeente, caption }: { events: readonly CalendarEvent[]; ownGemeente: string; caption: string }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({ count: events.length, getScrollElement: () => scroller.current, estimateSize: () => 74, overscan: 8, initialRect: { width: 1200, height: 600 } });
  const items = rows.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = rows.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="table-wrap vlist" tabIndex={0} role="region" aria-label={caption}>
      <table className="table" aria-rowcount={events.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('events.col.name')}</th>
            <th scope="col">{t('events.col.place')}</th>
            <th scope="col">{t('events.col.period')}</th>
            <th scope="col">{t('events.col.risk')}</th>
            <th scope="col">{t('events.col.host')}</th>
            <th scope="col">{t('events.col.status')}</th>
            <th scope="col">{t('cal.col.staffing')}</th>
            <th scope="col">{t('events.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr className="vlist__spacer" aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => {
            const e = events[item.index]!;
            const own = e.host === ownGemeente;
            return (
              <tr key={e.id} data-index={item.index} ref={rows.measureElement} aria-rowindex={item.index + 2} className={e.status === 'afgelast' ? 'table__row--cancelled' : undefined}>
                <th scope="row">{e.name}</th>
                <td>{e.place}</td>
                <td>
                  <Period start={e.start} end={e.end} />
                </td>
                <td>
                  <RiskBadge risk={e.risk} />
                </td>
                <td>
                  <GemeenteTag code={e.host} withName />
                  {own && <span className="table__own"> ({t('events.own')})</span>}
                </td>
                <td>{t(`status.${e.status}`)}</td>
                <td>
                  <StaffingBadge staffing={e.staffing} />
                </td>
                <td>
                  <a href={`#${eventPath(e.id)}`}>
                    {t('cal.open')}
                    <span className="visually-hidden"> {e.name}</span>
                  </a>
                </td>
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr className="vlist__spacer" aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
