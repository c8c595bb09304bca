// Rapportage › Samenwerking: management information over the chosen period for the region or one gemeente.
// Every chart stands next to a table with the same figures; the PDF ("verantwoording aan de raad") and the
// CSV are made in main from the same report.
import { useEffect, useMemo, useState } from 'react';
import type { CooperationReport } from '../../../shared/reports/cooperation-types';
import type { Period } from '../../../shared/reports/period';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ReportTable } from './report-table';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { useI18n } from '../../i18n/t';
import { BarChart } from './bar-chart';
import { DownloadButton, type DownloadOutcome } from './download-button';
import { hoursText, moneyText } from './format';

const BLUE = '#01689b';
const ORANGE = '#c24f00';

export function CooperationSection({ period, onOutcome }: { period: Period; onOutcome: (o: DownloadOutcome) => void }) {
  const { t, locale } = useI18n();
  const [gemeente, setGemeente] = useState('');
  const { from, to } = period;
  const scope = useMemo(() => ({ from, to, ...(gemeente ? { gemeente } : {}) }), [from, to, gemeente]);
  // Each answer says for which choice it came, so the list of gemeenten is taken from a region-wide one only.
  const { data, error, refresh } = useApiQuery(async () => ({ gemeente, report: await api().call('reports.cooperation', scope) }), [gemeente, scope]);
  const report: CooperationReport | undefined = data?.report;
  const [known, setKnown] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    if (data && data.gemeente === '') setKnown(data.report.gemeenten);
  }, [data]);

  const h = (minutes: number) => hoursText(minutes, locale);
  const money = (cents: number) => moneyText(cents, locale);
  const chartHours = useMemo(() => (v: number) => hoursText(v * 60, locale), [locale]);
  const chartCount = useMemo(() => (v: number) => String(v), []);
  const chartMoney = useMemo(() => (v: number) => moneyText(v * 100, locale), [locale]);
  const give = useMemo(
    () =>
      report && {
        labels: report.balance.map((b) => b.name),
        series: [
          { name: t('coop.given'), values: report.balance.map((b) => b.givenMinutes / 60), color: BLUE },
          { name: t('coop.received'), values: report.balance.map((b) => b.receivedMinutes / 60), color: ORANGE },
        ],
      },
    [report, t],
  );
  const staffing = useMemo(
    () =>
      report && {
        labels: report.staffing.map((s) => s.hostName),
        series: [
          { name: t('coop.full'), values: report.staffing.map((s) => s.full), color: BLUE },
          { name: t('coop.short'), values: report.staffing.map((s) => s.short), color: ORANGE },
        ],
      },
    [report, t],
  );
  const risk = useMemo(
    () => report && { labels: report.byRisk.map((k) => k.risk), series: [{ name: t('coop.cost'), values: report.byRisk.map((k) => k.amountCents / 100), color: BLUE }] },
    [report, t],
  );
  const trend = useMemo(
    () => report && { labels: report.trend.map((y) => String(y.year)), series: [{ name: t('coop.hours'), values: report.trend.map((y) => y.minutes / 60), color: BLUE }] },
    [report, t],
  );

  if (error) return <ErrorPanel error={error} onRetry={() => void refresh()} />;
  if (!report || !give || !staffing || !risk || !trend) return <p role="status">{t('coop.loading')}</p>;
  const cell = new Map(report.matrix.map((m) => [`${m.provider}|${m.host}`, m.minutes]));
  const req = report.requestTotals;
  const hoursCol = { label: t('coop.hours'), num: true };
  return (
    <section className="report-section" aria-labelledby="report-cooperation">
      <h2 id="report-cooperation">{t('reports.tab.cooperation')}</h2>
      <p>{t('coop.lead')}</p>
      <div className="report-filters">
        <SelectField
          id="coop-scope"
          label={t('coop.scope')}
          value={gemeente}
          onChange={setGemeente}
          choices={[{ value: '', label: t('coop.scopeAll') }, ...known.map((g) => ({ value: g.code, label: g.name }))]}
        />
      </div>
      <p className="report-period">{t('coop.totals', { hours: h(report.totals.minutes), amount: money(report.totals.amountCents) })}</p>
      <div className="report-actions">
        <DownloadButton label={t('coop.download.pdf')} fetchFile={() => api().call('reports.cooperationFile', { ...scope, format: 'pdf' })} onOutcome={onOutcome} />
        <DownloadButton label={t('coop.download.csv')} fetchFile={() => api().call('reports.cooperationFile', { ...scope, format: 'csv' })} onOutcome={onOutcome} secondary />
      </div>

      <h3>{t('coop.give')}</h3>
      <div className="coop-pair">
        <BarChart title={t('coop.give')} labels={give.labels} series={give.series} format={chartHours} total={h(report.totals.minutes)} bucketHeader={t('reports.col.gemeente')} />
        <ReportTable
          caption={t('coop.give')}
          rows={report.balance}
          rowKey={(b) => b.gemeente}
          columns={[
            { label: t('reports.col.gemeente'), cell: (b) => b.name },
            { label: t('coop.given'), num: true, cell: (b) => h(b.givenMinutes) },
            { label: t('coop.received'), num: true, cell: (b) => h(b.receivedMinutes) },
            { label: t('coop.net'), num: true, cell: (b) => h(b.netMinutes) },
          ]}
        />
      </div>

      {report.matrix.length > 0 && (
        <ReportTable
          caption={t('coop.matrix')}
          className="coop-matrix"
          rows={report.gemeenten}
          rowKey={(p) => p.code}
          columns={[
            { label: t('reports.col.provider'), cell: (p) => p.name },
            ...report.gemeenten.map((g) => ({ label: g.name, num: true, cell: (p: { code: string }) => (p.code === g.code ? '–' : h(cell.get(`${p.code}|${g.code}`) ?? 0)) })),
          ]}
        />
      )}

      <h3>{t('coop.requests')}</h3>
      <ReportTable
        caption={t('coop.requests')}
        rows={report.requests}
        rowKey={(q) => `${q.host}|${q.provider}`}
        columns={[
          { label: t('coop.col.asking'), cell: (q) => q.hostName },
          { label: t('coop.col.asked'), cell: (q) => q.providerName },
          { label: t('coop.col.made'), num: true, cell: (q) => q.made },
          { label: t('coop.col.answered'), num: true, cell: (q) => q.answered },
          { label: t('coop.col.declined'), num: true, cell: (q) => q.declined },
          { label: t('coop.col.other'), num: true, cell: (q) => q.open + q.withdrawn },
          { label: t('coop.col.median'), num: true, cell: (q) => q.medianResponseHours ?? '–' },
        ]}
        total={{ label: t('reports.total'), values: [req.made, req.answered, req.declined, req.open + req.withdrawn, req.medianResponseHours ?? '–'] }}
      />

      <h3>{t('coop.staffing')}</h3>
      {report.staffing.length === 0 ? (
        <p>{t('coop.none')}</p>
      ) : (
        <div className="coop-pair">
          <BarChart
            title={t('coop.staffing')}
            labels={staffing.labels}
            series={staffing.series}
            stacked
            format={chartCount}
            total={String(report.staffing.reduce((s, x) => s + x.shifts, 0))}
            bucketHeader={t('reports.col.gemeente')}
          />
          <ReportTable
            caption={t('coop.staffing')}
            rows={report.staffing}
            rowKey={(s) => s.host}
            columns={[
              { label: t('reports.col.gemeente'), cell: (s) => s.hostName },
              { label: t('coop.col.shifts'), num: true, cell: (s) => s.shifts },
              { label: t('coop.full'), num: true, cell: (s) => s.full },
              { label: t('coop.short'), num: true, cell: (s) => s.short },
            ]}
          />
        </div>
      )}

      <h3>{t('coop.caps')}</h3>
      <ReportTable
        empty={t('coop.none')}
        caption={t('coop.caps')}
        rows={report.caps}
        rowKey={(c) => `${c.agreementId}|${c.provider}`}
        columns={[
          { label: t('coop.col.agreement'), cell: (c) => c.title },
          { label: t('reports.col.provider'), cell: (c) => c.providerName },
          { label: t('coop.col.cap'), num: true, cell: (c) => c.capHoursPerMonth },
          { ...hoursCol, cell: (c) => h(c.minutes) },
          { label: t('coop.col.highest'), num: true, cell: (c) => `${c.highestMonthPercent}%` },
          { label: t('coop.col.over'), num: true, cell: (c) => c.monthsOver },
        ]}
      />

      <h3>{t('coop.risk')}</h3>
      <div className="coop-pair">
        <BarChart title={t('coop.risk')} labels={risk.labels} series={risk.series} format={chartMoney} total={money(report.totals.amountCents)} bucketHeader={t('coop.col.risk')} />
        <ReportTable
          caption={t('coop.risk')}
          rows={report.byRisk}
          rowKey={(k) => k.risk}
          columns={[
            { label: t('coop.col.risk'), cell: (k) => k.risk },
            { label: t('coop.col.events'), num: true, cell: (k) => k.events },
            { ...hoursCol, cell: (k) => h(k.minutes) },
            { label: t('coop.cost'), num: true, cell: (k) => money(k.amountCents) },
          ]}
        />
      </div>

      <h3>{t('coop.events')}</h3>
      <ReportTable
        empty={t('coop.none')}
        caption={t('coop.events')}
        rows={report.events.slice(0, 15)}
        rowKey={(e) => e.eventId}
        columns={[
          { label: t('reports.col.event'), cell: (e) => e.name },
          { label: t('reports.col.host'), cell: (e) => e.hostName },
          { label: t('coop.col.risk'), cell: (e) => e.risk ?? '–' },
          { ...hoursCol, cell: (e) => h(e.minutes) },
          { label: t('coop.cost'), num: true, cell: (e) => money(e.amountCents) },
        ]}
      />

      <h3>{t('coop.trend')}</h3>
      <div className="coop-pair">
        <BarChart
          title={t('coop.trend')}
          labels={trend.labels}
          series={trend.series}
          format={chartHours}
          total={h(report.trend.reduce((s, y) => s + y.minutes, 0))}
          bucketHeader={t('coop.col.year')}
        />
        <ReportTable
          caption={t('coop.trend')}
          rows={report.trend}
          rowKey={(y) => y.year}
          columns={[
            { label: t('coop.col.year'), cell: (y) => y.year },
            { ...hoursCol, cell: (y) => h(y.minutes) },
            { label: t('coop.cost'), num: true, cell: (y) => money(y.amountCents) },
            { label: t('coop.col.requests'), num: true, cell: (y) => y.requests },
            { label: t('coop.col.declined'), num: true, cell: (y) => y.declined },
          ]}
        />
      </div>
    </section>
  );
}
