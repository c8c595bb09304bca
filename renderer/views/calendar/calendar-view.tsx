// Kalender: every event in the region this copy knows, by month, by week or as a list, coloured per host
// gemeente, with risk class and staffing; filters by gemeente and risk class; a click or Enter opens the event.
import { useEffect, useEffectEvent, useMemo } from 'react';
import type { CalendarEvent } from '../../../shared/api/planning';
import { ListTop } from '../../components/list-top';
import { LoadStatus } from '../../components/load-status';
import { useRenderedMark } from '../../components/render-timing';
import { useI18n } from '../../i18n/t';
import { useUiStore } from '../../state/ui-store';
import { applyFilter, step, today as todayOf, visibleRange, type CalendarMode } from './calendar-model';
import { monthLabel, weekLabel } from './calendar-format';
import { eventsOfYears, useCalendarStore } from './calendar-store';
import { CalendarFilters } from './calendar-filters';
import { EventList } from './event-list';
import { FirstSteps } from './first-steps';
import { MonthGrid } from './month-grid';
import { WeekView } from './week-view';
import './calendar.css';

const MODES: CalendarMode[] = ['month', 'week', 'list'];

function yearsBetween(from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(y);
  return out;
}

export function CalendarView({ ownGemeente }: { ownGemeente: string }) {
  const { t, locale } = useI18n();
  const setListPath = useUiStore((s) => s.setListPath);
  const { mode, anchor, years, error, hiddenHosts, hiddenRisks, setMode, setAnchor, ensureYears } = useCalendarStore();
  const range = visibleRange(mode, anchor);
  const wanted = yearsBetween(range.from, range.to);
  const key = wanted.join(',');
  const today = todayOf();

  // Fresh on every visit: the plan may have changed on another screen or through an import. The years are
  // those in view when the screen opens; moving to another period later loads through the effect below.
  const loadFresh = useEffectEvent(() => void ensureYears(wanted, true));
  useEffect(() => {
    setListPath('/kalender');
    loadFresh();
  }, [setListPath]);
  useEffect(() => {
    void ensureYears(key.split(',').map(Number));
  }, [key, ensureYears]);

  const all = eventsOfYears(years, wanted);
  const visible = useMemo(() => (all ? applyFilter(all, { hiddenHosts, hiddenRisks }) : undefined), [all, hiddenHosts, hiddenRisks]);
  useRenderedMark('calendar', visible);
  const hosts = useMemo(() => [...new Set([ownGemeente, ...(all ?? []).map((e) => e.host)])], [all, ownGemeente]);

  const period = mode === 'month' ? monthLabel(anchor, locale) : mode === 'week' ? weekLabel(range.from, range.to, locale, t('cal.week')) : anchor.slice(0, 4);
  const inPeriod = visible?.filter((e) => e.start.slice(0, 10) <= range.to && e.end.slice(0, 10) >= range.from).length ?? 0;

  return (
    <>
      <ListTop title={t('screen.kalender')} newHref="#/evenementen/nieuw" newLabel={t('events.new')} lead={t('cal.intro')} />
      {all && all.length === 0 && <FirstSteps ownGemeente={ownGemeente} />}
      <div className="cal-toolbar">
        <div className="segmented" role="group" aria-label={t('cal.mode')}>
          {MODES.map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {t(`cal.mode.${m}`)}
            </button>
          ))}
        </div>
        <div className="cal-toolbar__nav">
          <button type="button" className="button button--secondary button--small" onClick={() => setAnchor(step(mode, anchor, -1))}>
            <span aria-hidden="true">‹ </span>
            {t(`cal.prev.${mode}`)}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setAnchor(today)}>
            {t('cal.today')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setAnchor(step(mode, anchor, 1))}>
            {t(`cal.next.${mode}`)}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <label className="cal-toolbar__jump">
          <span>{t('cal.goTo')}</span>
          <input type="date" className="input input--date" value={anchor} onChange={(e) => e.target.value && setAnchor(e.target.value)} />
        </label>
      </div>
      <CalendarFilters hosts={hosts} />
      <div className="cal-period" aria-live="polite">
        <h2 className="cal-period__title">{period}</h2>
        {visible && <p className="cal-period__count">{t('cal.count', { count: inPeriod })}</p>}
      </div>
      <LoadStatus items={visible} error={error} onRetry={() => void ensureYears(wanted, true)} loading={t('events.loading')} />
      {visible && <Body mode={mode} anchor={anchor} events={visible} today={today} ownGemeente={ownGemeente} caption={t('cal.caption', { period })} />}
    </>
  );
}

function Body({ mode, anchor, events, today, ownGemeente, caption }: { mode: CalendarMode; anchor: string; events: CalendarEvent[]; today: string; ownGemeente: string; caption: string }) {
  const { setAnchor, setMode } = useCalendarStore();
  const { t } = useI18n();
  switch (mode) {
    case 'month':
      return (
        <MonthGrid
          anchor={anchor}
          events={events}
          today={today}
          caption={caption}
          openWeek={(day) => {
            setAnchor(day);
            setMode('week');
          }}
        />
      );
    case 'week':
      return <WeekView anchor={anchor} events={events} today={today} />;
    case 'list':
      return events.length === 0 ? <p className="panel panel--empty">{t('cal.noEventsYear')}</p> : <EventList events={events} ownGemeente={ownGemeente} caption={caption} />;
  }
}
