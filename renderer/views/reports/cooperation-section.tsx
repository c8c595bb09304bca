// Rapportage › Samenwerking: management information over the chosen period for the region or one gemeente.
// Every chart stands next to a table with the same figures; the PDF ("verantwoording aan de raad") and the
// CSV are made in main from the same report.
import { useEffect, useMemo, useState } from 'react';
import type { CooperationReport } from '../../../shared/reports/cooperation-types';
import type { Period } from '../../../shared/reports/period';
import { api, ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { TableHead } from '../../components/table-head';
import { useI18n } from '../../i18n/t';
import { BarChart } from './bar-chart';
import { DownloadButton, type DownloadOutcome } from './download-button';
import { hoursText, moneyText } from './format';

const BLUE = '#01689b';
const ORANGE = '#c24f00';

export function CooperationSection({ period, onOutcome }: { period: Period; onOutcome: (o: DownloadOutcome) => void }) {
  const { t, locale } = useI18n();
  const [gemeente, setGemeente] = useState('');
  const [report, setReport] = useState<CooperationReport | undefined>();
  const [known, setKnown] = useState<{ code: string; name: string }[]>([]);
  const [error, setError] = useState<ApiCallError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(undefined);
    api()
      .call('reports.cooperation', { ...period, ...(gemeente ? { gemeente } : {}) })
      .then((r) => {
        if (!live) return;
        setReport(r);
        if (!gemeente) setKnown(r.gemeenten);
      })
      .catch((err: unknown) => live && setError(err instanceof ApiCallError ? err : new ApiCallError('bad_response', String(err))));
    return () => {
      live = false;
    };
  }, [period.from, period.to, gemeente, attempt]);

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

  if (error) return <ErrorPanel error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!report || !give || !staffing || !risk || !trend) return <p role="status">{t('coop.loading')}</p>;
  const cell = new Map(report.matrix.map((m) => [`${m.provider}|${m.host}`, m.minutes]));
  const req = report.requestTotals;
  return (
    <section className="report-section" aria-labelledby="report-cooperation">
      <h2 id="report-cooperation">{t('reports.tab.cooperation')}</h2>
      <p>{t('coop.lead')}</p>
      <div className="report-filters">
        <div className="field">
          <label htmlFor="coop-scope" className="field__label">
            {t('coop.scope')}
          </label>
          <select id="coop-scope" className="input" value={gemeente} onChange={(e) => setGemeente(e.target.value)}>
            <option value="">{t('coop.scopeAll')}</option>
            {known.map((g) => (
              <option key={g.code} value={g.code}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="report-period">{t('coop.totals', { hours: h(report.totals.minutes), amount: money(report.totals.amountCents) })}</p>
      <div className="report-actions">
        <DownloadButton label={t('coop.download.pdf')} fetchFile={() => api().call('reports.cooperationFile', { ...period, ...(gemeente ? { gemeente } : {}), format: 'pdf' })} onOutcome={onOutcome} />
        <DownloadButton
          label={t('coop.download.csv')}
          fetchFile={() => api().call('reports.cooperationFile', { ...period, ...(gemeente ? { gemeente } : {}), format: 'csv' })}
          onOutcome={onOutcome}
          secondary
        />
      </div>

      <h3>{t('coop.give')}</h3>
      <div className="coop-pair">
        <BarChart title={t('coop.give')} labels={give.labels} series={give.series} format={chartHours} total={h(report.totals.minutes)} bucketHeader={t('reports.col.gemeente')} />
        <div className="table-wrap">
          <table className="table report-table">
            <caption>{t('coop.give')}</caption>
            <TableHead columns={[t('reports.col.gemeente'), { label: t('coop.given'), num: true }, { label: t('coop.received'), num: true }, { label: t('coop.net'), num: true }]} />
            <tbody>
              {report.balance.map((b) => (
                <tr key={b.gemeente}>
                  <th scope="row">{b.name}</th>
                  <td className="num">{h(b.givenMinutes)}</td>
                  <td className="num">{h(b.receivedMinutes)}</td>
                  <td className="num">{h(b.netMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      {report.matrix.length > 0 && (
        <div className="table-wrap">
          <table className="table report-table coop-matrix">
            <caption>{t('coop.matrix')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.col.provider')}</th>
                {report.gemeenten.map((g) => (
                  <th scope="col" key={g.code} className="num">
                    {g.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.gemeenten.map((p) => (
                <tr key={p.code}>
                  <th scope="row">{p.name}</th>
                  {report.gemeenten.map((g) => (
                    <td key={g.code} className="num">
                      {p.code === g.code ? '–' : h(cell.get(`${p.code}|${g.code}`) ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('coop.requests')}</h3>
      <div className="table-wrap">
        <table className="table report-table">
          <caption>{t('coop.requests')}</caption>
          <TableHead
            columns={[
              t('coop.col.asking'),
              t('coop.col.asked'),
              { label: t('coop.col.made'), num: true },
              { label: t('coop.col.answered'), num: true },
              { label: t('coop.col.declined'), num: true },
              { label: t('coop.col.other'), num: true },
              { label: t('coop.col.median'), num: true },
            ]}
          />
          <tbody>
            {report.requests.map((q) => (
              <tr key={`${q.host}|${q.provider}`}>
                <th scope="row">{q.hostName}</th>
                <td>{q.providerName}</td>
                <td className="num">{q.made}</td>
                <td className="num">{q.answered}</td>
                <td className="num">{q.declined}</td>
                <td className="num">{q.open + q.withdrawn}</td>
                <td className="num">{q.medianResponseHours ?? '–'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="report-table__total">
              <th scope="row" colSpan={2}>
                {t('reports.total')}
              </th>
              <td className="num">{req.made}</td>
              <td className="num">{req.answered}</td>
              <td className="num">{req.declined}</td>
              <td className="num">{req.open + req.withdrawn}</td>
              <td className="num">{req.medianResponseHours ?? '–'}</td>
            </tr>
          </tfoot>
        </table>
      </div>

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
          <div className="table-wrap">
            <table className="table report-table">
              <caption>{t('coop.staffing')}</caption>
              <TableHead columns={[t('reports.col.gemeente'), { label: t('coop.col.shifts'), num: true }, { label: t('coop.full'), num: true }, { label: t('coop.short'), num: true }]} />
              <tbody>
                {report.staffing.map((s) => (
                  <tr key={s.host}>
                    <th scope="row">{s.hostName}</th>
                    <td className="num">{s.shifts}</td>
                    <td className="num">{s.full}</td>
                    <td className="num">{s.short}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      <h3>{t('coop.caps')}</h3>
      {report.caps.length === 0 ? (
        <p>{t('coop.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table report-table">
            <caption>{t('coop.caps')}</caption>
            <TableHead
              columns={[
                t('coop.col.agreement'),
                t('reports.col.provider'),
                { label: t('coop.col.cap'), num: true },
                { label: t('coop.hours'), num: true },
                { label: t('coop.col.highest'), num: true },
                { label: t('coop.col.over'), num: true },
              ]}
            />
            <tbody>
              {report.caps.map((c) => (
                <tr key={`${c.agreementId}|${c.provider}`}>
                  <th scope="row">{c.title}</th>
                  <td>{c.providerName}</td>
                  <td className="num">{c.capHoursPerMonth}</td>
                  <td className="num">{h(c.minutes)}</td>
                  <td className="num">{c.highestMonthPercent}%</td>
                  <td className="num">{c.monthsOver}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('coop.risk')}</h3>
      <div className="coop-pair">
        <BarChart title={t('coop.risk')} labels={risk.labels} series={risk.series} format={chartMoney} total={money(report.totals.amountCents)} bucketHeader={t('coop.col.risk')} />
        <div className="table-wrap">
          <table className="table report-table">
            <caption>{t('coop.risk')}</caption>
            <TableHead columns={[t('coop.col.risk'), { label: t('coop.col.events'), num: true }, { label: t('coop.hours'), num: true }, { label: t('coop.cost'), num: true }]} />
            <tbody>
              {report.byRisk.map((k) => (
                <tr key={k.risk}>
                  <th scope="row">{k.risk}</th>
                  <td className="num">{k.events}</td>
                  <td className="num">{h(k.minutes)}</td>
                  <td className="num">{money(k.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <h3>{t('coop.events')}</h3>
      {report.events.length === 0 ? (
        <p>{t('coop.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table report-table">
            <caption>{t('coop.events')}</caption>
            <TableHead columns={[t('reports.col.event'), t('reports.col.host'), t('coop.col.risk'), { label: t('coop.hours'), num: true }, { label: t('coop.cost'), num: true }]} />
            <tbody>
              {report.events.slice(0, 15).map((e) => (
                <tr key={e.eventId}>
                  <th scope="row">{e.name}</th>
                  <td>{e.hostName}</td>
                  <td>{e.risk ?? '–'}</td>
                  <td className="num">{h(e.minutes)}</td>
                  <td className="num">{money(e.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

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
        <div className="table-wrap">
          <table className="table report-table">
            <caption>{t('coop.trend')}</caption>
            <TableHead
              columns={[
                t('coop.col.year'),
                { label: t('coop.hours'), num: true },
                { label: t('coop.cost'), num: true },
                { label: t('coop.col.requests'), num: true },
                { label: t('coop.col.declined'), num: true },
              ]}
            />
            <tbody>
              {report.trend.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="num">{h(y.minutes)}</td>
                  <td className="num">{money(y.amountCents)}</td>
                  <td className="num">{y.requests}</td>
                  <td className="num">{y.declined}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
