// The week view: seven days, each with its events as cards (times, place, gemeente, risk, staffing).
import type { CSSProperties } from 'react';
import type { CalendarEvent } from '../../../shared/api/planning';
import { gemeenteStyle } from '../../components/gemeente-palette';
import { GemeenteTag } from '../../components/gemeente-tag';
import { RiskBadge } from '../../components/risk-badge';
import { StaffingBadge } from '../../components/staffing-badge';
import { useI18n } from '../../i18n/t';
import { eventPath } from '../../routing/routes';
import { eventsByDay, weekDays } from './calendar-model';
import { dayLabel, shortDayLabel } from './calendar-format';

export function WeekView({ anchor, events, today }: { anchor: string; events: readonly CalendarEvent[]; today: string }) {
  const { t, locale } = useI18n();
  const days = weekDays(anchor);
  const byDay = eventsByDay(events, days);
  return (
    <div className="cal-week">
      {days.map((day) => {
        const list = byDay.get(day) ?? [];
        return (
          <section key={day} className={day === today ? 'cal-week__day cal-week__day--today' : 'cal-week__day'} aria-labelledby={`day-${day}`}>
            <h3 id={`day-${day}`} className="cal-week__title">
              <span aria-hidden="true">{shortDayLabel(day, locale)}</span>
              <span className="visually-hidden">{dayLabel(day, locale)}</span>
              {day === today && <span className="cal-day__today">{t('cal.today')}</span>}
            </h3>
            {list.length === 0 ? (
              <p className="cal-week__empty">{t('cal.noEvents')}</p>
            ) : (
              <ul className="cal-week__events">
                {list.map((e) => (
                  <li key={e.id}>
                    <a className={e.status === 'afgelast' ? 'cal-card cal-card--cancelled' : 'cal-card'} href={`#${eventPath(e.id)}`} style={{ '--gm': gemeenteStyle(e.host).colour } as CSSProperties}>
                      <span className="cal-card__time">{e.start.slice(0, 10) < day ? t('cal.continues') : `${e.start.slice(11, 16)}–${e.end.slice(11, 16)}`}</span>
                      <span className="cal-card__name">{e.name}</span>
                      <span className="cal-card__place">{e.place}</span>
                      <span className="cal-card__tags">
                        <GemeenteTag code={e.host} withName />
                        <RiskBadge risk={e.risk} />
                      </span>
                      {e.status === 'afgelast' ? <span>{t('status.afgelast')}</span> : <StaffingBadge staffing={e.staffing} />}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
