// Evenementen: every event this copy knows, as one virtualised list with staffing, whatever the period.
import { useEffect, useState } from 'react';
import type { CalendarEvent } from '../../../shared/api/planning';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { useUiStore } from '../../state/ui-store';
import { EventList } from '../calendar/event-list';
import '../calendar/calendar.css';

export function EventListView({ ownGemeente }: { ownGemeente: string }) {
  const { t } = useI18n();
  const [events, setEvents] = useState<CalendarEvent[]>();
  const [error, setError] = useState<ApiCallError>();
  const setListPath = useUiStore((s) => s.setListPath);

  const load = () => {
    setError(undefined);
    api()
      .call('calendar.range', { from: '1900-01-01', to: '9999-12-31' })
      .then(setEvents)
      .catch((err: unknown) => setError(asApiCallError(err)));
  };
  useEffect(() => {
    setListPath('/evenementen');
    load();
  }, [setListPath]);

  return (
    <>
      <div className="page-top">
        <PageHeading>{t('screen.evenementen')}</PageHeading>
        <a className="button" href="#/evenementen/nieuw">
          {t('events.new')}
        </a>
      </div>
      <p className="lead">{t('events.listIntro')}</p>
      {error && <ErrorPanel error={error} onRetry={load} />}
      {!events && !error && <p role="status">{t('events.loading')}</p>}
      {events && events.length === 0 && <p className="panel panel--empty">{t('events.empty')}</p>}
      {events && events.length > 0 && <EventList events={events} ownGemeente={ownGemeente} caption={t('events.caption')} />}
    </>
  );
}
