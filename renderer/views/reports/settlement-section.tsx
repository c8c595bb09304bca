// The settlement statement on screen: the plan's check number, totals per provider and host, gesloten-beurs
// balances and every lent shift, with CSV and PDF downloads of the same statement.
import type { SettlementStatement } from '../../../shared/reports/types';
import type { SettlementLine } from '../../../shared/settlement/types';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { periodParts } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { DownloadButton, type DownloadOutcome } from './download-button';
import { groupedHash, hoursText, moneyText } from './format';
import { TableHead } from '../../components/table-head';

const CATEGORIES = ['evening', 'night', 'weekend', 'holiday'] as const;

function Surcharges({ line }: { line: SettlementLine }) {
  const { t, locale } = useI18n();
  const parts = CATEGORIES.filter((c) => line.categoryMinutes[c] > 0).map(
    (c) => `${t(`reports.surcharge.${c}`)} ${hoursText(line.categoryMinutes[c], locale)}${line.surcharges ? ` (+${line.surcharges[c]}%)` : ''}`,
  );
  return <>{parts.length ? parts.join(', ') : t('reports.surcharge.none')}</>;
}

export function SettlementSection({ statement, onOutcome }: { statement: SettlementStatement; onOutcome: (o: DownloadOutcome) => void }) {
  const { t, locale } = useI18n();
  const st = statement.settlement;
  const pair = statement.pair ? ([statement.pair.a, statement.pair.b] as [string, string]) : undefined;
  const request = (format: 'csv' | 'pdf') => () => ({ kind: 'settlement' as const, format, from: st.period.from, to: st.period.to, ...(pair ? { pair } : {}) });

  return (
    <section className="report-section" aria-labelledby="report-settlement">
      <h2 id="report-settlement">{t('reports.settlement')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('reports.pair')}</dt>
          <dd>{statement.pair ? `${statement.pair.aName} – ${statement.pair.bName}` : t('reports.pairAll')}</dd>
        </div>
        <div>
          <dt>{t('reports.madeBy')}</dt>
          <dd>{statement.ownName}</dd>
        </div>
        <div>
          <dt>{t('reports.stateHash')}</dt>
          <dd>
            <code className="report-hash">
              {groupedHash(statement.stateHash).map((g, i) => (
                <span key={i}>
                  {i > 0 ? ' ' : ''}
                  <span className="report-hash__group">{g}</span>
                </span>
              ))}
            </code>
            <p className="field__hint">{t('reports.stateHashHint')}</p>
          </dd>
        </div>
      </dl>
      <div className="report-actions">
        <DownloadButton label={t('reports.download.settlementCsv')} request={request('csv')} onOutcome={onOutcome} />
        <DownloadButton label={t('reports.download.settlementPdf')} request={request('pdf')} onOutcome={onOutcome} secondary />
        <p className="field__hint">{t('reports.download.hint')}</p>
      </div>

      <div className="table-wrap">
        <table className="table report-table">
          <caption>{t('reports.pairs')}</caption>
          <TableHead
            columns={[
              t('reports.col.provider'),
              t('reports.col.host'),
              t('reports.col.model'),
              { label: t('reports.col.shifts'), num: true },
              { label: t('reports.col.hours'), num: true },
              { label: t('reports.col.amount'), num: true },
            ]}
          />
          <tbody>
            {st.pairs.map((p) => (
              <tr key={`${p.provider}|${p.host}|${p.model}`}>
                <th scope="row">{p.providerName}</th>
                <td>{p.hostName}</td>
                <td>{t(`reports.model.${p.model}`)}</td>
                <td className="num">{p.lines}</td>
                <td className="num">{hoursText(p.minutes, locale)}</td>
                <td className="num">{p.model === 'tariff' ? moneyText(p.amountCents, locale) : '–'}</td>
              </tr>
            ))}
            {st.pairs.length === 0 && (
              <tr>
                <td colSpan={6}>{t('reports.noLines')}</td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr className="report-table__total">
              <th scope="row" colSpan={3}>
                {t('reports.total')}
              </th>
              <td className="num">{st.totals.lines}</td>
              <td className="num">{hoursText(st.totals.minutes, locale)}</td>
              <td className="num">{moneyText(st.totals.amountCents, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      {st.netting.length > 0 && (
        <div className="table-wrap">
          <table className="table report-table">
            <caption>{t('reports.netting')}</caption>
            <TableHead
              columns={[
                t('reports.col.pair'),
                { label: t('reports.col.aToB'), num: true },
                { label: t('reports.col.bToA'), num: true },
                { label: t('reports.col.balance'), num: true },
                t('reports.col.outcome'),
              ]}
            />
            <tbody>
              {st.netting.map((n) => (
                <tr key={`${n.a}|${n.b}`}>
                  <th scope="row">
                    A {n.aName} – B {n.bName}
                  </th>
                  <td className="num">{hoursText(n.aToBHours * 60, locale)}</td>
                  <td className="num">{hoursText(n.bToAHours * 60, locale)}</td>
                  <td className="num">{hoursText(n.netMinutes, locale)}</td>
                  <td>{n.owedBy && n.owedTo ? t('reports.owes', { debtor: gemeenteName(n.owedBy), creditor: gemeenteName(n.owedTo), hours: hoursText(n.netMinutes, locale) }) : t('reports.even')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {st.lines.length > 0 && (
        <details className="report-details">
          <summary>{t('reports.lines', { count: st.lines.length })}</summary>
          <p className="field__hint">{t('reports.linesNote')}</p>
          <div className="table-wrap">
            <table className="table report-table">
              <caption className="visually-hidden">{t('reports.lines', { count: st.lines.length })}</caption>
              <TableHead
                columns={[
                  t('reports.col.shift'),
                  t('reports.col.event'),
                  t('reports.col.officer'),
                  t('reports.col.lent'),
                  { label: t('reports.col.hours'), num: true },
                  t('reports.col.surcharges'),
                  { label: t('reports.col.tariff'), num: true },
                  { label: t('reports.col.amount'), num: true },
                ]}
              />
              <tbody>
                {st.lines.map((l) => (
                  <tr key={l.commitmentId}>
                    <td className="nowrap">{periodParts(l.start, l.end, locale).join('')}</td>
                    <td>{l.eventName}</td>
                    <th scope="row">
                      {l.officerName}
                      {l.blocking && l.blocking.length > 0 && (
                        <span className="badge badge--blocking report-blocked">{t('reports.lineBlocked', { rules: l.blocking.map((c) => t(`rule.${c}`)).join(', ') })}</span>
                      )}
                    </th>
                    <td>
                      {l.providerName} → {l.hostName}
                    </td>
                    <td className="num">{hoursText(l.minutes, locale)}</td>
                    <td>{l.model === 'tariff' ? <Surcharges line={l} /> : t(`reports.model.${l.model}`)}</td>
                    <td className="num">{l.model === 'tariff' ? moneyText(l.hourlyCents, locale) : '–'}</td>
                    <td className="num">{l.model === 'tariff' ? moneyText(l.amountCents, locale) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
