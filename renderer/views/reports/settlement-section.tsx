// The settlement statement on screen: the plan's check number, totals per provider and host, gesloten-beurs
// balances and every lent shift, with CSV and PDF downloads of the same statement.
import type { SettlementStatement } from '../../../shared/reports/types';
import type { SettlementLine } from '../../../shared/settlement/types';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { periodParts } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { DownloadButton, type DownloadOutcome } from './download-button';
import { groupedHash, hoursText, moneyText } from './format';
import { ReportTable } from './report-table';
import { Facts } from '../../components/facts';

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
      <Facts
        items={[
          [t('reports.pair'), statement.pair ? `${statement.pair.aName} – ${statement.pair.bName}` : t('reports.pairAll')],
          [t('reports.madeBy'), statement.ownName],
          [
            t('reports.stateHash'),
            <>
              <code className="report-hash">
                {groupedHash(statement.stateHash).map((g, i) => (
                  <span key={i}>
                    {i > 0 ? ' ' : ''}
                    <span className="report-hash__group">{g}</span>
                  </span>
                ))}
              </code>
              <p className="field__hint">{t('reports.stateHashHint')}</p>
            </>,
          ],
        ]}
      />
      <div className="report-actions">
        <DownloadButton label={t('reports.download.settlementCsv')} request={request('csv')} onOutcome={onOutcome} />
        <DownloadButton label={t('reports.download.settlementPdf')} request={request('pdf')} onOutcome={onOutcome} secondary />
        <p className="field__hint">{t('reports.download.hint')}</p>
      </div>

      <ReportTable
        caption={t('reports.pairs')}
        rows={st.pairs}
        rowKey={(p) => `${p.provider}|${p.host}|${p.model}`}
        columns={[
          { label: t('reports.col.provider'), cell: (p) => p.providerName },
          { label: t('reports.col.host'), cell: (p) => p.hostName },
          { label: t('reports.col.model'), cell: (p) => t(`reports.model.${p.model}`) },
          { label: t('reports.col.shifts'), num: true, cell: (p) => p.lines },
          { label: t('reports.col.hours'), num: true, cell: (p) => hoursText(p.minutes, locale) },
          { label: t('reports.col.amount'), num: true, cell: (p) => (p.model === 'tariff' ? moneyText(p.amountCents, locale) : '–') },
        ]}
        emptyRow={t('reports.noLines')}
        total={{ label: t('reports.total'), values: [st.totals.lines, hoursText(st.totals.minutes, locale), moneyText(st.totals.amountCents, locale)] }}
      />

      {st.netting.length > 0 && (
        <ReportTable
          caption={t('reports.netting')}
          rows={st.netting}
          rowKey={(n) => `${n.a}|${n.b}`}
          columns={[
            { label: t('reports.col.pair'), cell: (n) => `A ${n.aName} – B ${n.bName}` },
            { label: t('reports.col.aToB'), num: true, cell: (n) => hoursText(n.aToBHours * 60, locale) },
            { label: t('reports.col.bToA'), num: true, cell: (n) => hoursText(n.bToAHours * 60, locale) },
            { label: t('reports.col.balance'), num: true, cell: (n) => hoursText(n.netMinutes, locale) },
            {
              label: t('reports.col.outcome'),
              cell: (n) => (n.owedBy && n.owedTo ? t('reports.owes', { debtor: gemeenteName(n.owedBy), creditor: gemeenteName(n.owedTo), hours: hoursText(n.netMinutes, locale) }) : t('reports.even')),
            },
          ]}
        />
      )}

      {st.lines.length > 0 && (
        <details className="report-details">
          <summary>{t('reports.lines', { count: st.lines.length })}</summary>
          <p className="field__hint">{t('reports.linesNote')}</p>
          <ReportTable
            caption={t('reports.lines', { count: st.lines.length })}
            captionHidden
            rows={st.lines}
            rowKey={(l) => l.commitmentId}
            rowHeader={2}
            columns={[
              { label: t('reports.col.shift'), className: 'nowrap', cell: (l) => periodParts(l.start, l.end, locale).join('') },
              { label: t('reports.col.event'), cell: (l) => l.eventName },
              {
                label: t('reports.col.officer'),
                cell: (l) => (
                  <>
                    {l.officerName}
                    {l.blocking && l.blocking.length > 0 && (
                      <span className="badge badge--blocking report-blocked">{t('reports.lineBlocked', { rules: l.blocking.map((c) => t(`rule.${c}`)).join(', ') })}</span>
                    )}
                  </>
                ),
              },
              { label: t('reports.col.lent'), cell: (l) => `${l.providerName} → ${l.hostName}` },
              { label: t('reports.col.hours'), num: true, cell: (l) => hoursText(l.minutes, locale) },
              { label: t('reports.col.surcharges'), cell: (l) => (l.model === 'tariff' ? <Surcharges line={l} /> : t(`reports.model.${l.model}`)) },
              { label: t('reports.col.tariff'), num: true, cell: (l) => (l.model === 'tariff' ? moneyText(l.hourlyCents, locale) : '–') },
              { label: t('reports.col.amount'), num: true, cell: (l) => (l.model === 'tariff' ? moneyText(l.amountCents, locale) : '–') },
            ]}
          />
        </details>
      )}
    </section>
  );
}
