// Kalender and Evenementen: for now both list every known event; the month/week calendar comes later.
import { useEffect } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { useEventsStore } from '../../state/events-store';
import { useUiStore } from '../../state/ui-store';
import { EventTable } from './event-table';

export function EventListView({ screen, ownGemeente }: { screen: 'kalender' | 'evenementen'; ownGemeente: string }) {
  const { t } = useI18n();
  const { events, error, load } = useEventsStore();
  const setListPath = useUiStore((s) => s.setListPath);

  useEffect(() => {
    setListPath(`/${screen}`);
    void load();
  }, [screen, load, setListPath]);

  return (
    <>
      <div className="page-top">
        <PageHeading>{t(`screen.${screen}`)}</PageHeading>
        <a className="button" href="#/evenementen/nieuw">
          {t('events.new')}
        </a>
      </div>
      <p className="lead">{screen === 'kalender' ? t('events.calendarNote') : t('events.listIntro')}</p>
      {error && <ErrorPanel error={error} onRetry={() => void load()} />}
      {!events && !error && <p role="status">{t('events.loading')}</p>}
      {events && events.length === 0 && <p className="panel panel--empty">{t('events.empty')}</p>}
      {events && events.length > 0 && <EventTable events={events} ownGemeente={ownGemeente} />}
    </>
  );
}
