// Rapportage: the settlement per gemeente pair and period with the plan's check number, hours with charts,
// and files to download (CSV, PDF, iCal). Figures come from main through the api; nothing is computed here.
import { useCallback, useEffect, useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import { describePeriod, type Period } from '../../../shared/reports/period';
import { api } from '../../api/client';
import type { ApiCallError } from '../../api/api-call-error';
import { useApiQuery } from '../../api/use-api-query';
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

export function ReportsView({ identity }: { identity: Identity }) {
  const { t, locale } = useI18n();
  const choice = useReportStore();
  const { kind, year, index, pair, tab = 'settlement' } = choice;
  const {
    data: figures,
    error,
    loading,
    refresh,
  } = useApiQuery(async () => {
    const period = periodOfChoice({ kind, year, index, pair });
    const chosenPair = pairOfChoice({ kind, year, index, pair });
    const [statement, hours] = await Promise.all([api().call('reports.settlement', { ...period, ...(chosenPair ? { pair: chosenPair } : {}) }), api().call('reports.hours', period)]);
    return { period, statement, hours };
  }, [kind, year, index, pair]);
  const [notice, setNotice] = useState<{ file: string } | { period: Period } | undefined>();
  const [fileError, setFileError] = useState<ApiCallError | undefined>();
  useEffect(() => {
    if (figures) setNotice({ period: figures.period });
  }, [figures]);

  const onOutcome = useCallback((o: DownloadOutcome) => {
    setFileError(o.error);
    if (o.file) setNotice({ file: o.file });
  }, []);

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
          {error && <ErrorPanel error={error} onRetry={() => void refresh()} />}
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
