// Picks the view for a route. Exhaustive: a new route that is not handled here fails to compile.
import type { Identity } from '../../../shared/api/contract';
import { assertNever } from '../../../shared/api/errors';
import type { Route } from '../../routing/routes';
import { ComingView } from '../coming/coming-view';
import { CalendarView } from '../calendar/calendar-view';
import { NewEventView } from '../event/event-form-view';
import { EventListView } from '../event/event-list-view';
import { EventView } from '../event/event-view';
import { NotFoundView } from './not-found-view';

export function ScreenForRoute({ route, identity }: { route: Route; identity: Identity }) {
  switch (route.name) {
    case 'kalender':
      return <CalendarView ownGemeente={identity.gemeente} />;
    case 'evenementen':
      return <EventListView ownGemeente={identity.gemeente} />;
    case 'event-new':
      return <NewEventView />;
    case 'event-edit':
      return <EventView key={route.id} id={route.id} ownGemeente={identity.gemeente} />;
    case 'coming':
      return <ComingView key={route.screen} screen={route.screen} />;
    case 'not-found':
      return <NotFoundView />;
    default:
      return assertNever(route);
  }
}
