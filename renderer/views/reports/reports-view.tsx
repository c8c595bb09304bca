// Rapportage: the settlement per gemeente pair and period with the plan's check number, hours with charts,
// and files to download (CSV, PDF, iCal). Figures come from main through the api; nothing is computed here.
import { useCallback, useEffect, useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import type { HoursReport, SettlementStatement } from '../../../shared/reports/types';
import { describePeriod, type Period } from '../../../shared/reports/period';
import { api, ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import type { DownloadOutcome } from './download-button';
import { FilesSection } from './files-section';
import { HoursSection } from './hours-section';
import { PeriodPicker } from './period-picker';
import { pairOfChoice, periodOfChoice, useReportStore } from './report-store';
import { SettlementSection } from './settlement-section';
import { VaststellenSection } from './vaststellen-section';
import { CooperationSection } from './cooperation-section';
import './reports.css';

interface Figures {
  key: string;
  statement: SettlementStatement;
  hours: HoursReport;
}

export function ReportsView({ identity }: { identity: Identity }) {
  const { t, locale } = useI18n();
  const choice = useReportStore();
  const { kind, year, index, pair, tab = 'settlement' } = choice;
  const [figures, setFigures] = useState<Figures | undefined>();
  const [error, setError] = useState<ApiCallError | undefined>();
  const [notice, setNotice] = useState<{ file: string } | { period: Period } | undefined>();
  const [fileError, setFileError] = useState<ApiCallError | undefined>();
  const [attempt, setAttempt] = useState(0);
  const key = `${kind}|${year}|${index}|${pair}|${attempt}`;

  useEffect(() => {
    let live = true;
    const period = periodOfChoice({ kind, year, index, pair });
    const chosenPair = pairOfChoice({ kind, year, index, pair });
    setError(undefined);
    void Promise.all([api().call('reports.settlement', { ...period, ...(chosenPair ? { pair: chosenPair } : {}) }), api().call('reports.hours', period)])
      .then(([statement, hours]) => {
        if (!live) return;
        setFigures({ key, statement, hours });
        setNotice({ period });
      })
      .catch((err: unknown) => {
        if (live) setError(err instanceof ApiCallError ? err : new ApiCallError('bad_response', String(err)));
      });
    return () => {
      live = false;
    };
  }, [kind, year, index, pair, attempt, key]);

  const onOutcome = useCallback((o: DownloadOutcome) => {
    setFileError(o.error);
    if (o.file) setNotice({ file: o.file });
  }, []);

  const loading = !error && figures?.key !== key;
  return (
    <>
      <PageHeading>{t('screen.rapportage')}</PageHeading>
      <div className="report-tabs" role="group" aria-label={t('reports.tabs')}>
        {(['settlement', 'cooperation'] as const).map((k) => (
          <button key={k} type="button" className={tab === k ? 'button' : 'button button--secondary'} aria-pressed={tab === k} onClick={() => choice.choose({ tab: k })}>
            {t(`reports.tab.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'cooperation' ? (
        <>
          <PeriodPicker pairs={[]} withPair={false} />
          <CooperationSection period={periodOfChoice(choice)} onOutcome={onOutcome} />
          {fileError && <ErrorPanel error={fileError} />}
        </>
      ) : (
        <>
          <p className="lead">{t('reports.lead')}</p>
          <PeriodPicker pairs={figures?.statement.available ?? []} />
          <p role="status" className="report-status">
            {loading
              ? t('reports.loading')
              : notice === undefined
                ? ''
                : 'file' in notice
                  ? t('reports.download.done', { file: notice.file })
                  : t('reports.updated', { period: describePeriod(notice.period, locale) })}
          </p>
          {fileError && <ErrorPanel error={fileError} />}
          {error && <ErrorPanel error={error} onRetry={() => setAttempt((n) => n + 1)} />}
          {figures && (
            <div className={loading ? 'report-body report-body--stale' : 'report-body'} aria-busy={loading}>
              <p className="report-period">{describePeriod(figures.statement.settlement.period, locale)}</p>
              <SettlementSection statement={figures.statement} onOutcome={onOutcome} />
              {figures.statement.pair && (
                <VaststellenSection pair={[figures.statement.pair.a, figures.statement.pair.b]} period={figures.statement.settlement.period} own={identity.gemeente} onOutcome={onOutcome} />
              )}
              <HoursSection report={figures.hours} onOutcome={onOutcome} />
            </div>
          )}
          <FilesSection own={identity.gemeente} onOutcome={onOutcome} />
        </>
      )}
    </>
  );
}
