// Who, on the selected day: available, committed (where and when), absent, and partners on our events.
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { formatDay } from '../../components/coord-format';
import { useI18n } from '../../i18n/t';
import type { DaySummary } from './capacity-model';

export function DayDetails({ day }: { day: DaySummary }) {
  const { t, locale } = useI18n();
  const time = (start: string, end: string) => `${start.slice(11)}–${end.slice(11)}`;
  return (
    <section className="day-details" aria-labelledby="day-title" data-testid="day-details">
      <h2 id="day-title">{formatDay(day.date, locale)}</h2>
      <h3>{t('capacity.available', { count: day.available.length })}</h3>
      {day.available.length === 0 ? <p className="muted">{t('capacity.nobody')}</p> : <p>{day.available.join(', ')}</p>}
      <h3>{t('capacity.committed', { count: day.committed.length })}</h3>
      {day.committed.length === 0 ? (
        <p className="muted">{t('capacity.nobody')}</p>
      ) : (
        <ul>
          {day.committed.map((c) => (
            <li key={c.name}>
              {c.name}: {c.work.map((w) => `${w.eventName} (${gemeenteName(w.host)}), ${time(w.start, w.end)}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('capacity.absent', { count: day.absent.length })}</h3>
      {day.absent.length === 0 ? <p className="muted">{t('capacity.nobody')}</p> : <p>{day.absent.join(', ')}</p>}
      {day.noAkte.length > 0 && (
        <>
          <h3>{t('capacity.noAkte', { count: day.noAkte.length })}</h3>
          <p>{day.noAkte.join(', ')}</p>
        </>
      )}
      <h3>{t('capacity.partners', { count: day.partners.length })}</h3>
      {day.partners.length === 0 ? (
        <p className="muted">{t('capacity.noPartners')}</p>
      ) : (
        <ul>
          {day.partners.map((p, i) => (
            <li key={i}>
              {p.officerName} ({gemeenteName(p.employer)}): {p.eventName}, {time(p.start, p.end)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
