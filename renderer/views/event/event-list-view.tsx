// Evenementen: every event this copy knows, as one virtualised list with staffing, whatever the period.
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { useUiStore } from '../../state/ui-store';
import { EventList } from '../calendar/event-list';
import '../calendar/calendar.css';

export function EventListView({ ownGemeente }: { ownGemeente: string }) {
  const { t } = useI18n();
  const { data: events, error, refresh } = useApiQuery(() => api().call('calendar.range', { from: '1900-01-01', to: '9999-12-31' }), []);
  const setListPath = useUiStore((s) => s.setListPath);

  useEffect(() => {
    setListPath('/evenementen');
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
      {error && <ErrorPanel error={error} onRetry={() => void refresh()} />}
      {!events && !error && <p role="status">{t('events.loading')}</p>}
      {events && events.length === 0 && <p className="panel panel--empty">{t('events.empty')}</p>}
      {events && events.length > 0 && <EventList events={events} ownGemeente={ownGemeente} caption={t('events.caption')} />}
    </>
  );
}
