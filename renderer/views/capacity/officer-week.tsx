// The week of the selected day per own officer: each day in words (vrij, ingezet bij ..., afwezig) and colour.
import type { CapacityView } from '../../../shared/api/coordination';
import { formatDay } from '../../components/coord-format';
import { useI18n } from '../../i18n/t';

export function OfficerWeek({ view, start }: { view: CapacityView; start: number }) {
  const { t, locale } = useI18n();
  const days = view.days.slice(start, start + 7);
  return (
    <section aria-labelledby="officer-week-title" className="officer-week">
      <h2 id="officer-week-title">{t('capacity.weekTitle', { from: formatDay(days[0] ?? '', locale), to: formatDay(days.at(-1) ?? '', locale) })}</h2>
      <div className="table-wrap">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('capacity.weekCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('capacity.officer')}</th>
              {days.map((d) => (
                <th key={d} scope="col">
                  {formatDay(d, locale, { year: false })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.officers.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                {days.map((d, i) => {
                  const cell = o.cells[start + i];
                  if (!cell) return <td key={d} />;
                  return (
                    <td key={d} className={`state state--${cell.state}`}>
                      {t(`capacity.state.${cell.state}`)}
                      {cell.work.map((w) => (
                        <span key={w.eventId + w.start} className="state__work">
                          {w.eventName} {w.start.slice(11)}–{w.end.slice(11)}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
