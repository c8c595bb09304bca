// Another gemeente's event, read-only: its host alone may change it (DESIGN.md, "Authority").
import type { ReactNode } from 'react';
import type { EventRecord } from '../../../shared/domain/event';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { RiskBadge } from '../../components/risk-badge';
import { formatLocal, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/t';

export function EventDetails({ event }: { event: EventRecord }) {
  const { t, locale } = useI18n();
  const host = gemeenteName(event.host);
  const rows: Array<[string, ReactNode]> = [
    [t('form.name'), event.name],
    [t('form.place'), event.place],
    [t('form.start'), formatLocal(event.start, locale)],
    [t('form.end'), formatLocal(event.end, locale)],
    [t('form.risk'), <RiskBadge risk={event.risk} key="risk" />],
    [t('form.visitors'), event.visitors === null ? '—' : formatNumber(event.visitors, locale)],
    [t('form.status'), t(`status.${event.status}`)],
    [t('events.col.host'), host],
  ];
  return (
    <>
      <div className="panel panel--info">
        <p>{t('form.readOnly', { host })}</p>
      </div>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
