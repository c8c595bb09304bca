// Meldingen: every conflict and rule violation of the merged plan in one list, with links to where each
// matters and, for our own conflicts, the way to resolve them.
import { useEffect, useMemo, useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { VirtualList } from '../../components/virtual-list';
import { useI18n } from '../../i18n/t';
import { useUiStore } from '../../state/ui-store';
import { isOpen, useProblemsStore } from './problems-store';
import { ProblemItem, type Problem } from './problem-item';
import { ImportNotices } from './import-notices';
import { PostbusApplied } from '../postbus/postbus-applied';
import type { RecordNames } from './record-links';
import '../../styles/coordination.css';

type Filter = 'all' | 'conflicts' | 'blocking' | 'warnings';

const NO_NAMES: RecordNames = { officers: new Map(), events: new Map(), shiftEvents: new Map(), agreements: new Map() };

async function loadNames(): Promise<RecordNames> {
  const [officers, events, shifts, agreements] = await Promise.all([api().call('officers.list', {}), api().call('events.list', {}), api().call('shifts.list', {}), api().call('agreements.list', {})]);
  return {
    officers: new Map(officers.map((o) => [o.id, o.name])),
    events: new Map(events.map((e) => [e.id, e.name])),
    shiftEvents: new Map(shifts.map((s) => [s.id, s.eventId])),
    agreements: new Map(agreements.map((a) => [a.id, a.title])),
  };
}

export function ProblemsView({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const { conflicts, violations, error, load, refresh } = useProblemsStore();
  const announce = useUiStore((s) => s.announce);
  // The names in each problem's links; without them (not loaded, or refused) the links show the records' ids.
  const { data: names = NO_NAMES } = useApiQuery(loadNames, []);
  const [filter, setFilter] = useState<Filter>('all');

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const all = useMemo<Problem[]>(
    () => [...(conflicts ?? []).map((c) => ({ type: 'conflict' as const, conflict: c })), ...(violations ?? []).map((v) => ({ type: 'violation' as const, violation: v }))],
    [conflicts, violations],
  );
  const counts = {
    all: all.length,
    conflicts: conflicts?.length ?? 0,
    blocking: violations?.filter((v) => v.severity === 'blocking').length ?? 0,
    warnings: violations?.filter((v) => v.severity === 'warning').length ?? 0,
  };
  const shown = all.filter((p) =>
    filter === 'all' ? true : filter === 'conflicts' ? p.type === 'conflict' : p.type === 'violation' && p.violation.severity === (filter === 'blocking' ? 'blocking' : 'warning'),
  );
  const open = (conflicts?.length ?? 0) + (violations?.filter(isOpen).length ?? 0);

  async function resolved(text: string) {
    announce({ text, path: '/meldingen' });
    await load();
  }

  return (
    <>
      <PageHeading>{t('screen.meldingen')}</PageHeading>
      <p className="lead">{t('problems.intro')}</p>
      <ImportNotices ownGemeente={identity.gemeente} />
      {error && <ErrorPanel error={error} onRetry={() => void load()} />}
      <PostbusApplied />
      {!conflicts && !error && <p role="status">{t('problems.loading')}</p>}
      {conflicts && violations && (
        <>
          <p className="problems__summary">{open === 0 ? t('problems.noneOpen') : t('problems.openCount', { count: open })}</p>
          <fieldset className="fieldset filter-row">
            <legend className="visually-hidden">{t('problems.filter')}</legend>
            {(['all', 'conflicts', 'blocking', 'warnings'] as const).map((f) => (
              <label key={f} className="radio">
                <input type="radio" name="problem-filter" checked={filter === f} onChange={() => setFilter(f)} />
                {t(`problems.filter.${f}`)} ({counts[f]})
              </label>
            ))}
          </fieldset>
          {shown.length === 0 ? (
            <p className="panel panel--empty">{t('problems.empty')}</p>
          ) : (
            <VirtualList
              items={shown}
              label={t('problems.listLabel')}
              estimateSize={140}
              getKey={(p) => (p.type === 'conflict' ? `c|${p.conflict.key}` : `v|${p.violation.code}|${p.violation.severity}|${p.violation.records.join(',')}`)}
              renderItem={(p, i) => <ProblemItem problem={p} names={names} ownGemeente={identity.gemeente} first={i === 0} onResolved={resolved} />}
            />
          )}
        </>
      )}
    </>
  );
}
