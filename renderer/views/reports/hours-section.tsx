// Hours: charts over time (per gemeente, and settled amounts), then per own officer, per event, per gemeente,
// and each agreement's use against its monthly cap.
import { useCallback, useMemo } from 'react';
import type { HoursReport } from '../../../shared/reports/types';
import { useI18n } from '../../i18n/t';
import { BarChart, type Series } from './bar-chart';
import { DownloadButton, type DownloadOutcome } from './download-button';
import { bucketLabel, hoursText, moneyText } from './format';
import { TableHead } from '../../components/table-head';

/** Distinct colours with at least 3:1 contrast against white, for bars next to each other. */
const PALETTE = ['#01689b', '#c24f00', '#39870c', '#a90061', '#5f4bb6', '#673327', '#007b78', '#5f6b77'];

function Num({ children }: { children: string | number }) {
  return <td className="num">{children}</td>;
}

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
      {report.officers.length === 0 ? (
        <p>{t('reports.officersEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table report-table">
            <caption className="visually-hidden">{t('reports.officers', { gemeente: report.ownName })}</caption>
            <TableHead
              columns={[
                t('reports.col.name'),
                { label: t('reports.col.shifts'), num: true },
                { label: t('reports.col.hours'), num: true },
                { label: t('reports.col.own'), num: true },
                { label: t('reports.col.lentHours'), num: true },
              ]}
            />
            <tbody>
              {report.officers.map((o) => (
                <tr key={o.officerId}>
                  <th scope="row">{o.name}</th>
                  <Num>{o.shifts}</Num>
                  <Num>{h(o.minutes)}</Num>
                  <Num>{h(o.ownMinutes)}</Num>
                  <Num>{h(o.lentMinutes)}</Num>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('reports.events')}</h3>
      {report.events.length === 0 ? (
        <p>{t('reports.eventsEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table report-table">
            <caption className="visually-hidden">{t('reports.events')}</caption>
            <TableHead
              columns={[
                t('reports.col.event'),
                t('reports.col.gemeente'),
                { label: t('reports.col.shifts'), num: true },
                { label: t('reports.col.assignments'), num: true },
                { label: t('reports.col.hours'), num: true },
                { label: t('reports.col.hostHours'), num: true },
                { label: t('reports.col.partnerHours'), num: true },
              ]}
            />
            <tbody>
              {report.events.map((e) => (
                <tr key={e.eventId}>
                  <th scope="row">{e.name}</th>
                  <td>{e.hostName}</td>
                  <Num>{e.shifts}</Num>
                  <Num>{e.assignments}</Num>
                  <Num>{h(e.minutes)}</Num>
                  <Num>{h(e.hostMinutes)}</Num>
                  <Num>{h(e.partnerMinutes)}</Num>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {report.gemeenten.length > 0 && (
        <>
          <h3>{t('reports.gemeenten')}</h3>
          <div className="table-wrap">
            <table className="table report-table">
              <caption className="visually-hidden">{t('reports.gemeenten')}</caption>
              <TableHead
                columns={[
                  t('reports.col.gemeente'),
                  { label: t('reports.col.ownStaffing'), num: true },
                  { label: t('reports.col.provided'), num: true },
                  { label: t('reports.col.received'), num: true },
                ]}
              />
              <tbody>
                {report.gemeenten.map((g) => (
                  <tr key={g.gemeente}>
                    <th scope="row">{g.name}</th>
                    <Num>{h(g.ownMinutes)}</Num>
                    <Num>{h(g.providedMinutes)}</Num>
                    <Num>{h(g.receivedMinutes)}</Num>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h3>{t('reports.caps')}</h3>
      <p className="field__hint">{t('reports.capsHint')}</p>
      {report.caps.length === 0 ? (
        <p>{t('reports.capsEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table report-table">
            <caption className="visually-hidden">{t('reports.caps')}</caption>
            <TableHead
              columns={[
                t('reports.col.agreement'),
                t('reports.col.provider'),
                t('reports.col.month'),
                { label: t('reports.col.hours'), num: true },
                { label: t('reports.col.cap'), num: true },
                t('reports.col.use'),
              ]}
            />
            <tbody>
              {report.caps.map((c) => (
                <tr key={`${c.agreementId}|${c.provider}|${c.month}`} className={c.over ? 'report-table__over' : undefined}>
                  <th scope="row">{c.title}</th>
                  <td>{c.providerName}</td>
                  <td className="nowrap">{bucketLabel(c.month, locale, String)}</td>
                  <Num>{h(c.minutes)}</Num>
                  <Num>{c.capHours}</Num>
                  <td className="report-use">
                    <meter min={0} max={100} low={80} high={100} optimum={0} value={Math.min(c.percent, 100)} aria-hidden="true" />
                    <span>
                      {t('reports.percent', { percent: c.percent })}
                      {c.over && <strong> {t('reports.capOver')}</strong>}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
