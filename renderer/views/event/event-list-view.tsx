// Evenementen: every event this copy knows, as one virtualised list with staffing, whatever the period.
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ListTop } from '../../components/list-top';
import { LoadStatus } from '../../components/load-status';
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
      <ListTop title={t('screen.evenementen')} newHref="#/evenementen/nieuw" newLabel={t('events.new')} lead={t('events.listIntro')} />
      <LoadStatus items={events} error={error} onRetry={() => void refresh()} loading={t('events.loading')} empty={t('events.empty')} />
      {events && events.length > 0 && <EventList events={events} ownGemeente={ownGemeente} caption={t('events.caption')} />}
    </>
  );
}
