// The routes #/evenementen/nieuw and #/evenementen/<id>: load, then the form (own event) or the details.
import { useEffect, useState } from 'react';
import type { EventFields, EventRecord } from '../../../shared/domain/event';
import { api, type ApiCallError } from '../../api/client';
import { ComingSoon } from '../../components/coming-soon';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { navigate } from '../../routing/routes';
import { useEventsStore } from '../../state/events-store';
import { asApiCallError } from '../../state/setup-store';
import { useUiStore } from '../../state/ui-store';
import { EventDetails } from './event-details';
import { EventForm } from './event-form';
import { EMPTY_EVENT, fromRecord } from './event-form-model';

function useAfterSave(): (saved: EventRecord, created: boolean) => void {
  const { t } = useI18n();
  const listPath = useUiStore((s) => s.listPath);
  const announce = useUiStore((s) => s.announce);
  const load = useEventsStore((s) => s.load);
  return (saved, created) => {
    void load();
    announce({ text: t(created ? 'form.created' : 'form.saved', { name: saved.name }), path: listPath });
    navigate(listPath);
  };
}

function useBackToList(): () => void {
  const listPath = useUiStore((s) => s.listPath);
  return () => navigate(listPath);
}

export function NewEventView() {
  const { t } = useI18n();
  const afterSave = useAfterSave();
  const back = useBackToList();
  const save = async (fields: EventFields) => afterSave(await api().call('events.create', fields), true);
  return (
    <>
      <PageHeading>{t('form.newTitle')}</PageHeading>
      <EventForm initial={EMPTY_EVENT} save={save} cancel={back} />
    </>
  );
}

export function EditEventView({ id, ownGemeente }: { id: string; ownGemeente: string }) {
  const { t } = useI18n();
  const afterSave = useAfterSave();
  const back = useBackToList();
  const listPath = useUiStore((s) => s.listPath);
  const [event, setEvent] = useState<EventRecord>();
  const [error, setError] = useState<ApiCallError>();

  const load = () => {
    setError(undefined);
    api()
      .call('events.get', { id })
      .then(setEvent)
      .catch((err: unknown) => setError(asApiCallError(err)));
  };
  useEffect(load, [id]);

  const own = event?.host === ownGemeente;
  const save = async (fields: EventFields) => afterSave(await api().call('events.update', { id, fields }), false);
  return (
    <>
      <PageHeading>{event && !own ? t('form.viewTitle') : t('form.editTitle')}</PageHeading>
      {error && <ErrorPanel error={error} onRetry={load} />}
      {!event && !error && <p role="status">{t('form.loading')}</p>}
      {event && own && <EventForm initial={fromRecord(event)} save={save} cancel={back} issuePrefix="fields." />}
      {event && !own && <EventDetails event={event} />}
      {event && (
        <>
          {!own && (
            <a className="button button--secondary" href={`#${listPath}`}>
              {t('form.back')}
            </a>
          )}
          <ComingSoon title={t('soon.shiftsTitle')} what={t('soon.shifts')} />
        </>
      )}
    </>
  );
}
