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
import { ReportsView } from '../reports/reports-view';
import { ExchangeView } from '../exchange/exchange-view';
import { RequestsView } from '../requests/requests-view';
import { CapacityView } from '../capacity/capacity-view';
import { AgreementsView } from '../agreements/agreements-view';
import { OfficersView } from '../officers/officers-view';
import { ProblemsView } from '../problems/problems-view';
import { SettingsView } from '../settings/settings-view';
import { GuideView } from '../guide/guide-view';

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
    case 'verzoeken':
      return <RequestsView sub={route.sub} identity={identity} />;
    case 'capaciteit':
      return <CapacityView identity={identity} />;
    case 'afspraken':
      return <AgreementsView sub={route.sub} identity={identity} />;
    case 'handhavers':
      return <OfficersView sub={route.sub} identity={identity} />;
    case 'meldingen':
      return <ProblemsView identity={identity} />;
    case 'uitwisselen':
      return <ExchangeView identity={identity} />;
    case 'rapportage':
      return <ReportsView identity={identity} />;
    case 'instellingen':
      return <SettingsView />;
    case 'hulp':
      return <GuideView />;
    case 'coming':
      return <ComingView key={route.screen} screen={route.screen} />;
    case 'not-found':
      return <NotFoundView />;
    default:
      return assertNever(route);
  }
}
