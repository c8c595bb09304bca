// Afspraken: the agreements this copy knows, with parties, period, signatures, status and use against the
// cap; one agreement's full text to sign or terminate; and the form to propose a new one.
import type { Identity } from '../../../shared/api/contract';
import type { AgreementUsage } from '../../../shared/api/coordination';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { formatDay, formatHours, formatMonth, todayLocal } from '../../components/coord-format';
import { ListTop } from '../../components/list-top';
import { LoadStatus } from '../../components/load-status';
import { useI18n } from '../../i18n/t';
import { AgreementDetail } from './agreement-detail';
import { AgreementStatus, Signatures } from './agreement-labels';
import { ProposeForm } from './propose-form';
import '../../styles/coordination.css';
import { TableHead } from '../../components/table-head';

export function AgreementsView({ sub, identity }: { sub: string | undefined; identity: Identity }) {
  if (sub === 'nieuw') return <ProposeForm identity={identity} />;
  if (sub?.startsWith('tegenvoorstel-')) return <ProposeForm key={sub} identity={identity} counterTo={sub.slice('tegenvoorstel-'.length)} />;
  if (sub) return <AgreementDetail key={sub} id={sub} identity={identity} />;
  return <AgreementList />;
}

/** The fullest month of each agreement: the one closest to its cap. */
export function peakUse(usage: AgreementUsage[], agreementId: string): AgreementUsage | undefined {
  return usage.filter((u) => u.agreementId === agreementId).sort((a, b) => b.minutes - a.minutes)[0];
}

const NO_USAGE: AgreementUsage[] = [];

function AgreementList() {
  const { t, locale } = useI18n();
  const { data, error, refresh: load } = useApiQuery(() => Promise.all([api().call('agreements.list', {}), api().call('agreements.usage', {})]), []);
  const agreements = data?.[0];
  const usage = data?.[1] ?? NO_USAGE;
  const today = todayLocal();

  return (
    <>
      <ListTop title={t('screen.afspraken')} newHref="#/afspraken/nieuw" newLabel={t('agreements.new')} lead={t('agreements.intro')} />
      <LoadStatus items={agreements} error={error} onRetry={() => void load()} loading={t('agreements.loading')} empty={t('agreements.empty')} />
      {agreements && agreements.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('agreements.caption')}</caption>
            <TableHead columns={[t('agreements.col.title'), t('agreements.col.period'), t('agreements.col.signatures'), t('agreements.col.status'), t('agreements.col.use')]} />
            <tbody>
              {agreements.map((a) => {
                const peak = peakUse(usage, a.id);
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      <a href={`#/afspraken/${encodeURIComponent(a.id)}`}>{a.title}</a>
                      <div className="muted">{t('agreements.proposedBy', { name: gemeenteName(a.proposer) })}</div>
                    </th>
                    <td>
                      <span className="nowrap">{formatDay(a.start, locale, { weekday: false })}</span> – <span className="nowrap">{formatDay(a.end, locale, { weekday: false })}</span>
                    </td>
                    <td>
                      <Signatures agreement={a} />
                    </td>
                    <td>
                      <AgreementStatus agreement={a} today={today} />
                    </td>
                    <td>
                      {peak
                        ? t('agreements.peak', { hours: formatHours(peak.minutes, locale), cap: peak.capHours, month: formatMonth(peak.month, locale), provider: gemeenteName(peak.provider) })
                        : t('agreements.unused')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
