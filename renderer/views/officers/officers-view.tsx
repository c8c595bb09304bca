// Handhavers: own officers with their qualifications and paper warnings; add or edit one (private details
// stay on this device) and record their absences.
import { useEffect, useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { formatDay, todayLocal } from '../../components/coord-format';
import { ListTop } from '../../components/list-top';
import { LoadStatus } from '../../components/load-status';
import { useI18n } from '../../i18n/t';
import { formatNumber } from '../../i18n/format';
import { problemsOf, useProblemsStore } from '../problems/problems-store';
import { EditOfficer, NewOfficer } from './officer-page';
import { paperWarnings } from './officer-warnings';
import { PaperWarningText } from './paper-warning-text';
import '../../styles/coordination.css';
import { TableHead } from '../../components/table-head';

export function OfficersView({ sub, identity }: { sub: string | undefined; identity: Identity }) {
  if (sub === 'nieuw') return <NewOfficer identity={identity} />;
  if (sub) return <EditOfficer key={sub} id={sub} identity={identity} />;
  return <OfficerList identity={identity} />;
}

function OfficerList({ identity }: { identity: Identity }) {
  const { t, locale } = useI18n();
  const { data: officers, error, refresh } = useApiQuery(() => api().call('officers.list', { employer: identity.gemeente }), [identity.gemeente]);
  const [query, setQuery] = useState('');
  const byRecord = useProblemsStore((s) => s.byRecord);
  const refreshProblems = useProblemsStore((s) => s.refresh);
  const today = todayLocal();

  useEffect(() => {
    void refreshProblems();
  }, [refreshProblems]);

  const q = query.trim().toLowerCase();
  const shown = officers?.filter((o) => o.name.toLowerCase().includes(q)) ?? [];

  return (
    <>
      <ListTop title={t('screen.handhavers')} newHref="#/handhavers/nieuw" newLabel={t('officers.new')} lead={t('officers.intro', { gemeente: identity.gemeenteName })} />
      <LoadStatus items={officers} error={error} onRetry={() => void refresh()} loading={t('officers.loading')} empty={t('officers.empty')} />
      {officers && officers.length > 0 && (
        <>
          <div className="field">
            <label htmlFor="officer-search" className="field__label">
              {t('officers.search')}
            </label>
            <input id="officer-search" type="search" className="input input--short" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('officers.caption')}</caption>
              <TableHead
                columns={[
                  t('officers.col.name'),
                  t('officers.col.akte'),
                  t('officers.col.territory'),
                  t('officers.col.force'),
                  t('officers.col.traffic'),
                  t('officers.col.hours'),
                  t('officers.col.problems'),
                ]}
              />
              <tbody>
                {shown.map((o) => {
                  const q2 = o.qualifications;
                  const warnings = paperWarnings(q2, today);
                  const problems = problemsOf(byRecord, o.id);
                  const openViolations = problems.violations.filter((v) => v.severity === 'blocking' || !v.accepted);
                  return (
                    <tr key={o.id} className={o.active ? undefined : 'table__row--inactive'}>
                      <th scope="row">
                        <a href={`#/handhavers/${encodeURIComponent(o.id)}`}>{o.name}</a>
                        {!o.active && <span className="muted"> ({t('officers.inactive')})</span>}
                      </th>
                      <td>
                        {t('officers.domain', { domain: q2.domain })}, {t('officers.until', { date: formatDay(q2.akteValidUntil, locale, { weekday: false }) })}
                        {warnings
                          .filter((w) => w.kind !== 'trafficOld')
                          .map((w) => (
                            <div key={w.kind}>
                              <PaperWarningText warning={w} />
                            </div>
                          ))}
                      </td>
                      <td>{q2.territory.map(gemeenteName).join(', ')}</td>
                      <td>{q2.force.length ? q2.force.map((f) => t(`officers.force.${f}`)).join(', ') : t('officers.none')}</td>
                      <td>
                        {q2.trafficAppointed ? formatDay(q2.trafficAppointed, locale, { weekday: false }) : t('officers.none')}
                        {warnings
                          .filter((w) => w.kind === 'trafficOld')
                          .map((w) => (
                            <div key={w.kind}>
                              <PaperWarningText warning={w} />
                            </div>
                          ))}
                      </td>
                      <td>{formatNumber(o.contractHours, locale)}</td>
                      <td>
                        {openViolations.length + problems.conflicts.length > 0 ? (
                          <a href="#/meldingen" className="badge badge--blocking">
                            {t('officers.problemCount', { count: openViolations.length + problems.conflicts.length })}
                          </a>
                        ) : (
                          t('officers.none')
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {shown.length === 0 && <p>{t('officers.noMatch', { query })}</p>}
        </>
      )}
    </>
  );
}
