// The pages of one officer: new, or edit with their availability (absences) below the form.
import { useEffect, useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import type { OfficerDetail, OfficerRecord } from '../../../shared/domain/officer';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { navigate } from '../../routing/routes';
import { useUiStore } from '../../state/ui-store';
import { problemsOf, useProblemsStore } from '../problems/problems-store';
import { violationText } from '../problems/problem-text';
import { AbsencesPanel } from './absences-panel';
import { emptyOfficer, hoursText, OfficerForm, type OfficerValues } from './officer-form';
import '../../styles/coordination.css';

export function NewOfficer({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const announce = useUiStore((s) => s.announce);
  return (
    <>
      <PageHeading>{t('officers.newTitle')}</PageHeading>
      <OfficerForm
        initial={emptyOfficer(identity.gemeente)}
        own={identity.gemeente}
        submitLabel={t('officers.save')}
        save={async (fields) => {
          const o = await api().call('officers.create', fields);
          announce({ text: t('officers.created', { name: o.name }), path: `/handhavers/${o.id}` });
          navigate(`/handhavers/${encodeURIComponent(o.id)}`);
        }}
      />
    </>
  );
}

function toValues(o: OfficerDetail | OfficerRecord, locale: 'nl' | 'en'): OfficerValues {
  const q = o.qualifications;
  return {
    name: o.name,
    domain: q.domain,
    akteValidUntil: q.akteValidUntil,
    territory: q.territory,
    force: q.force,
    trafficAppointed: q.trafficAppointed ?? '',
    contractHours: hoursText(o.contractHours, locale),
    active: o.active,
    phone: 'phone' in o ? o.phone : '',
    boaNumber: 'boaNumber' in o ? o.boaNumber : '',
    notes: 'notes' in o ? o.notes : '',
  };
}

export function EditOfficer({ id, identity }: { id: string; identity: Identity }) {
  const { t, locale } = useI18n();
  const announce = useUiStore((s) => s.announce);
  const byRecord = useProblemsStore((s) => s.byRecord);
  const loadProblems = useProblemsStore((s) => s.load);
  const refreshProblems = useProblemsStore((s) => s.refresh);
  const { data: officer, error, refresh, set: setOfficer } = useApiQuery<OfficerDetail | OfficerRecord>(() => api().call('officers.get', { id }), [id]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void refreshProblems();
  }, [refreshProblems]);

  if (error) {
    return (
      <>
        <PageHeading>{t('officers.editTitle')}</PageHeading>
        <ErrorPanel error={error} onRetry={() => void refresh()} />
      </>
    );
  }
  if (!officer) return <p role="status">{t('officers.loading')}</p>;
  if (officer.employer !== identity.gemeente) {
    return (
      <>
        <PageHeading>{officer.name}</PageHeading>
        <p className="panel panel--info">{t('officers.notOwn', { gemeente: gemeenteName(officer.employer) })}</p>
      </>
    );
  }
  const problems = problemsOf(byRecord, officer.id);
  return (
    <>
      <PageHeading>{officer.name}</PageHeading>
      <p>
        <a href="#/handhavers">{t('officers.back')}</a>
      </p>
      {problems.violations.length > 0 && (
        <div className="panel panel--warning" role="region" aria-label={t('officers.problemsTitle')}>
          <h2 className="panel__title">{t('officers.problemsTitle')}</h2>
          <ul>
            {problems.violations.map((v, i) => (
              <li key={i}>{violationText(v, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      <OfficerForm
        key={version}
        initial={toValues(officer, locale)}
        own={identity.gemeente}
        submitLabel={t('officers.save')}
        save={async (fields) => {
          const o = await api().call('officers.update', { id, fields });
          setOfficer(o);
          setVersion((n) => n + 1);
          announce({ text: t('officers.saved', { name: o.name }), path: `/handhavers/${id}` });
          void loadProblems();
        }}
      />
      <AbsencesPanel officer={officer} />
    </>
  );
}
