// The month view: a table of weeks (Monday first) with each day's events as links; a busy day shows the
// first few and a button that opens its week with all of them.
import type { CalendarEvent } from '../../../shared/api/planning';
import { useI18n } from '../../i18n/t';
import { eventsByDay, monthGrid, monthOf } from './calendar-model';
import { dayLabel, weekdayNames } from './calendar-format';
import { EventChip } from './event-chip';

const SHOWN_PER_DAY = 4;

interface Props {
  anchor: string;
  events: readonly CalendarEvent[];
  today: string;
  caption: string;
  openWeek(day: string): void;
}

export function MonthGrid({ anchor, events, today, caption, openWeek }: Props) {
  const { t, locale } = useI18n();
  const weeks = monthGrid(anchor);
  const byDay = eventsByDay(events, weeks.flat());
  const month = monthOf(anchor);
  const names = weekdayNames(locale);
  return (
    <div className="table-wrap">
      <table className="cal-month">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {names.map(([short, long]) => (
              <th scope="col" key={long}>
                <abbr title={long}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const list = byDay.get(day) ?? [];
                const more = list.length - SHOWN_PER_DAY;
                const classes = ['cal-day', monthOf(day) !== month && 'cal-day--outside', day === today && 'cal-day--today'].filter(Boolean).join(' ');
                return (
                  <td key={day} className={classes}>
                    <div className="cal-day__head">
                      <span className="cal-day__num" aria-hidden="true">
                        {Number(day.slice(8, 10))}
                      </span>
                      <span className="visually-hidden">{dayLabel(day, locale)}</span>
                      {day === today && <span className="cal-day__today">{t('cal.today')}</span>}
                    </div>
                    {list.length > 0 && (
                      <ul className="cal-day__events">
                        {list.slice(0, SHOWN_PER_DAY).map((e) => (
                          <li key={e.id}>
                            <EventChip event={e} day={day} />
                          </li>
                        ))}
                      </ul>
                    )}
                    {more > 0 && (
                      <button type="button" className="cal-more" onClick={() => openWeek(day)}>
                        {t('cal.more', { count: more })}
                        <span className="visually-hidden"> {t('cal.moreLong', { day: dayLabel(day, locale) })}</span>
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
