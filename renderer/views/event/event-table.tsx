// All known events as a table: what, where, when, how risky, whose, and in which state.
import type { EventRecord } from '../../../shared/domain/event';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { RiskBadge } from '../../components/risk-badge';
import { periodParts } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { eventPath } from '../../routing/routes';

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

export function EventTable({ events, ownGemeente }: { events: EventRecord[]; ownGemeente: string }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('events.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.col.name')}</th>
            <th scope="col">{t('events.col.place')}</th>
            <th scope="col">{t('events.col.period')}</th>
            <th scope="col">{t('events.col.risk')}</th>
            <th scope="col">{t('events.col.host')}</th>
            <th scope="col">{t('events.col.status')}</th>
            <th scope="col">{t('events.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const own = e.host === ownGemeente;
            return (
              <tr key={e.id} className={e.status === 'afgelast' ? 'table__row--cancelled' : undefined}>
                <th scope="row">{e.name}</th>
                <td>{e.place}</td>
                <td>
                  <Period start={e.start} end={e.end} />
                </td>
                <td>
                  <RiskBadge risk={e.risk} />
                </td>
                <td>
                  {gemeenteName(e.host)}
                  {own && <span className="table__own"> ({t('events.own')})</span>}
                </td>
                <td>{t(`status.${e.status}`)}</td>
                <td>
                  <a href={`#${eventPath(e.id)}`}>
                    {own ? t('events.edit') : t('events.view')}
                    <span className="visually-hidden"> {e.name}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
