// Capaciteit: own officers per day over several weeks as a heat map (available / committed / absent, and
// partners' officers on our events); a day shows who, and the week below it shows each officer's days.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Identity } from '../../../shared/api/contract';
import type { CapacityView } from '../../../shared/api/coordination';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { addDaysTo, formatDay, todayLocal } from '../../components/coord-format';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { heatLevel, isoWeekNumber, mondayOf, summarise, weeksOf } from './capacity-model';
import { DayDetails } from './day-details';
import { OfficerWeek } from './officer-week';
import '../../styles/coordination.css';

const WEEK_CHOICES = [2, 4, 6, 8] as const;

export function CapacityView({ identity }: { identity: Identity }) {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState(() => mondayOf(todayLocal()));
  const [weeks, setWeeks] = useState<number>(6);
  const [selected, setSelected] = useState(0);
  const gridRef = useRef<HTMLTableElement>(null);

  // A late answer for weeks the user already left is dropped (useApiQuery keeps only the newest).
  const { data: view, error, refresh } = useApiQuery<CapacityView>(() => api().call('capacity.get', { from, to: addDaysTo(from, weeks * 7 - 1) }), [from, weeks]);

  function moveFocus(index: number) {
    if (!view) return;
    const target = Math.max(0, Math.min(view.days.length - 1, index));
    setSelected(target);
    gridRef.current?.querySelector<HTMLElement>(`[data-day="${target}"]`)?.focus();
  }

  function onGridKey(e: KeyboardEvent<HTMLTableElement>) {
    const delta: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (e.key in delta) {
      e.preventDefault();
      moveFocus(selected + delta[e.key]!);
    } else if (e.key === 'Home') {
      e.preventDefault();
      moveFocus(selected - (selected % 7));
    } else if (e.key === 'End') {
      e.preventDefault();
      moveFocus(selected - (selected % 7) + 6);
    }
  }

  const weekList = view ? weeksOf(view.days) : [];
  const day = view ? summarise(view, Math.min(selected, view.days.length - 1)) : undefined;
  const weekStart = selected - (selected % 7);

  return (
    <>
      <PageHeading>{t('screen.capaciteit')}</PageHeading>
      <p className="lead">{t('capacity.intro', { gemeente: identity.gemeenteName })}</p>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('capacity.period')}>
        <div className="toolbar__field">
          <label htmlFor="capacity-from" className="field__label">
            {t('capacity.from')}
          </label>
          <input
            id="capacity-from"
            type="date"
            className="input input--short"
            value={from}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) {
                setFrom(mondayOf(e.target.value));
                setSelected(0);
              }
            }}
          />
        </div>
        <div className="toolbar__field">
          <label htmlFor="capacity-weeks" className="field__label">
            {t('capacity.weeks')}
          </label>
          <select id="capacity-weeks" className="input input--short" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEK_CHOICES.map((w) => (
              <option key={w} value={w}>
                {t('capacity.weekCount', { count: w })}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--secondary" onClick={() => setFrom(addDaysTo(from, -7 * weeks))}>
          {t('capacity.earlier')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setFrom(addDaysTo(from, 7 * weeks))}>
          {t('capacity.later')}
        </button>
      </form>
      <ul className="legend" aria-label={t('capacity.legend')}>
        {[0, 1, 2, 3, 4].map((level) => (
          <li key={level}>
            <span className={`legend__swatch heat-${level}`} aria-hidden="true" /> {t(`capacity.heat.${level as 0 | 1 | 2 | 3 | 4}`)}
          </li>
        ))}
      </ul>
      {error && <ErrorPanel error={error} onRetry={() => void refresh()} />}
      {!view && !error && <p role="status">{t('capacity.loading')}</p>}
      {view && view.officers.length === 0 && <p className="panel panel--info">{t('capacity.noOfficers')}</p>}
      {view && day && (
        <div className="capacity">
          <div className="capacity__map">
            <table ref={gridRef} className="heatmap" role="grid" aria-label={t('capacity.gridLabel')} onKeyDown={onGridKey}>
              <thead>
                <tr>
                  <th scope="col">{t('capacity.week')}</th>
                  {weekList[0]?.map((d) => (
                    <th key={d} scope="col">
                      {formatDay(d, locale, { year: false }).split(' ')[0]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weekList.map((week, w) => (
                  <tr key={week[0]}>
                    <th scope="row">{t('capacity.weekNumber', { week: isoWeekNumber(week[0]!) })}</th>
                    {week.map((date, i) => {
                      const index = w * 7 + i;
                      const s = summarise(view, index);
                      const level = heatLevel(s);
                      const label = t('capacity.cellLabel', {
                        date: formatDay(date, locale),
                        available: s.available.length,
                        committed: s.committed.length,
                        absent: s.absent.length,
                        partners: s.partners.length,
                      });
                      return (
                        <td
                          key={date}
                          role="gridcell"
                          data-day={index}
                          tabIndex={index === selected ? 0 : -1}
                          aria-selected={index === selected}
                          aria-label={label}
                          className={`heat heat-${level}${index === selected ? ' heat--selected' : ''}`}
                          onClick={() => moveFocus(index)}
                          onFocus={() => setSelected(index)}
                        >
                          <span className="heat__date" aria-hidden="true">
                            {formatDay(date, locale, { weekday: false, year: false })}
                          </span>
                          <span className="heat__counts" aria-hidden="true">
                            <span>{t('capacity.short.available', { count: s.available.length })}</span>
                            {s.committed.length > 0 && <span>{t('capacity.short.committed', { count: s.committed.length })}</span>}
                            {s.absent.length > 0 && <span>{t('capacity.short.absent', { count: s.absent.length })}</span>}
                            {s.noAkte.length > 0 && <span>{t('capacity.short.noAkte', { count: s.noAkte.length })}</span>}
                            {s.partners.length > 0 && <span>{t('capacity.short.partners', { count: s.partners.length })}</span>}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint">{t('capacity.keys')}</p>
          </div>
          <DayDetails day={day} />
        </div>
      )}
      {view && view.officers.length > 0 && <OfficerWeek view={view} start={weekStart} />}
    </>
  );
}
