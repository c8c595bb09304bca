// Hours: charts over time (per gemeente, and settled amounts), then per own officer, per event, per gemeente,
// and each agreement's use against its monthly cap.
import { useCallback, useMemo } from 'react';
import type { HoursReport } from '../../../shared/reports/types';
import { useI18n } from '../../i18n/t';
import { BarChart, type Series } from './bar-chart';
import { DownloadButton, type DownloadOutcome } from './download-button';
import { bucketLabel, hoursText, moneyText } from './format';
import { ReportTable } from './report-table';

/** Distinct colours with at least 3:1 contrast against white, for bars next to each other. */
const PALETTE = ['#01689b', '#c24f00', '#39870c', '#a90061', '#5f4bb6', '#673327', '#007b78', '#5f6b77'];

export function HoursSection({ report, onOutcome }: { report: HoursReport; onOutcome: (o: DownloadOutcome) => void }) {
  const { t, locale } = useI18n();
  const h = useCallback((minutes: number) => hoursText(minutes, locale), [locale]);
  const money = useCallback((cents: number) => moneyText(cents, locale), [locale]);
  const unit = t(`reports.chart.unit.${report.series.unit}`);
  const labels = useMemo(() => report.series.buckets.map((b) => bucketLabel(b.key, locale, (week) => t('reports.chart.week', { week }))), [report, locale, t]);
  // The charts count in hours and euros, so their axes step in whole hours and euros.
  const hourSeries: Series[] = useMemo(() => report.series.byGemeente.map((g, i) => ({ name: g.name, values: g.minutes.map((m) => m / 60), color: PALETTE[i % PALETTE.length]! })), [report]);
  const amountSeries: Series[] = useMemo(() => [{ name: t('reports.col.amount'), values: report.series.amountCents.map((c) => c / 100), color: PALETTE[0]! }], [report, t]);
  const chartHours = useCallback((hours: number) => hoursText(Math.round(hours * 60), locale), [locale]);
  const chartMoney = useCallback((euros: number) => moneyText(Math.round(euros * 100), locale), [locale]);
  const totalAmount = report.series.amountCents.reduce((a, b) => a + b, 0);
  const bucketHeader = report.series.unit === 'week' ? t('reports.chart.unit.week') : t('reports.col.month');

  return (
    <section className="report-section" aria-labelledby="report-hours">
      <h2 id="report-hours">{t('reports.hours')}</h2>
      <div className="report-actions">
        <DownloadButton label={t('reports.download.hoursCsv')} request={() => ({ kind: 'hours', from: report.period.from, to: report.period.to })} onOutcome={onOutcome} secondary />
      </div>
      <div className="report-charts">
        <BarChart title={t('reports.chart.hours', { unit })} labels={labels} series={hourSeries} stacked format={chartHours} total={h(report.totals.minutes)} bucketHeader={bucketHeader} />
        <BarChart title={t('reports.chart.amount', { unit })} labels={labels} series={amountSeries} format={chartMoney} total={money(totalAmount)} bucketHeader={bucketHeader} />
      </div>

      <h3>{t('reports.officers', { gemeente: report.ownName })}</h3>
      <ReportTable
        empty={t('reports.officersEmpty')}
        caption={t('reports.officers', { gemeente: report.ownName })}
        captionHidden
        rows={report.officers}
        rowKey={(o) => o.officerId}
        columns={[
          { label: t('reports.col.name'), cell: (o) => o.name },
          { label: t('reports.col.shifts'), num: true, cell: (o) => o.shifts },
          { label: t('reports.col.hours'), num: true, cell: (o) => h(o.minutes) },
          { label: t('reports.col.own'), num: true, cell: (o) => h(o.ownMinutes) },
          { label: t('reports.col.lentHours'), num: true, cell: (o) => h(o.lentMinutes) },
        ]}
      />

      <h3>{t('reports.events')}</h3>
      <ReportTable
        empty={t('reports.eventsEmpty')}
        caption={t('reports.events')}
        captionHidden
        rows={report.events}
        rowKey={(e) => e.eventId}
        columns={[
          { label: t('reports.col.event'), cell: (e) => e.name },
          { label: t('reports.col.gemeente'), cell: (e) => e.hostName },
          { label: t('reports.col.shifts'), num: true, cell: (e) => e.shifts },
          { label: t('reports.col.assignments'), num: true, cell: (e) => e.assignments },
          { label: t('reports.col.hours'), num: true, cell: (e) => h(e.minutes) },
          { label: t('reports.col.hostHours'), num: true, cell: (e) => h(e.hostMinutes) },
          { label: t('reports.col.partnerHours'), num: true, cell: (e) => h(e.partnerMinutes) },
        ]}
      />

      {report.gemeenten.length > 0 && (
        <>
          <h3>{t('reports.gemeenten')}</h3>
          <ReportTable
            caption={t('reports.gemeenten')}
            captionHidden
            rows={report.gemeenten}
            rowKey={(g) => g.gemeente}
            columns={[
              { label: t('reports.col.gemeente'), cell: (g) => g.name },
              { label: t('reports.col.ownStaffing'), num: true, cell: (g) => h(g.ownMinutes) },
              { label: t('reports.col.provided'), num: true, cell: (g) => h(g.providedMinutes) },
              { label: t('reports.col.received'), num: true, cell: (g) => h(g.receivedMinutes) },
            ]}
          />
        </>
      )}

      <h3>{t('reports.caps')}</h3>
      <p className="field__hint">{t('reports.capsHint')}</p>
      <ReportTable
        empty={t('reports.capsEmpty')}
        caption={t('reports.caps')}
        captionHidden
        rows={report.caps}
        rowKey={(c) => `${c.agreementId}|${c.provider}|${c.month}`}
        rowClass={(c) => (c.over ? 'report-table__over' : undefined)}
        columns={[
          { label: t('reports.col.agreement'), cell: (c) => c.title },
          { label: t('reports.col.provider'), cell: (c) => c.providerName },
          { label: t('reports.col.month'), className: 'nowrap', cell: (c) => bucketLabel(c.month, locale, String) },
          { label: t('reports.col.hours'), num: true, cell: (c) => h(c.minutes) },
          { label: t('reports.col.cap'), num: true, cell: (c) => c.capHours },
          {
            label: t('reports.col.use'),
            className: 'report-use',
            cell: (c) => (
              <>
                <meter min={0} max={100} low={80} high={100} optimum={0} value={Math.min(c.percent, 100)} aria-hidden="true" />
                <span>
                  {t('reports.percent', { percent: c.percent })}
                  {c.over && <strong> {t('reports.capOver')}</strong>}
                </span>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
