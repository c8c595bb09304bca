// An event's details as a list of facts: what, where, when, risk, visitors, status and host.
import type { ReactNode } from 'react';
import type { EventRecord } from '../../../shared/domain/event';
import { GemeenteTag } from '../../components/gemeente-tag';
import { RiskBadge } from '../../components/risk-badge';
import { formatLocal, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { Facts } from '../../components/facts';

export function EventDetails({ event }: { event: EventRecord }) {
  const { t, locale } = useI18n();
  const rows: Array<[string, ReactNode]> = [
    [t('form.name'), event.name],
    [t('form.place'), event.place],
    [t('form.start'), formatLocal(event.start, locale)],
    [t('form.end'), formatLocal(event.end, locale)],
    [t('form.risk'), <RiskBadge risk={event.risk} key="risk" />],
    [t('form.visitors'), event.visitors === null ? '—' : formatNumber(event.visitors, locale)],
    [t('form.status'), t(`status.${event.status}`)],
    [t('events.col.host'), <GemeenteTag code={event.host} withName key="host" />],
  ];
  return <Facts items={rows} />;
}
