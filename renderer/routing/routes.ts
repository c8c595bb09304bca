// Hash routes (#/kalender, #/evenementen/nieuw, ...): no router library, and it works from file:// as well.
export const SCREENS = [
  { id: 'kalender', available: true },
  { id: 'evenementen', available: true },
  { id: 'capaciteit', available: true },
  { id: 'verzoeken', available: true },
  { id: 'afspraken', available: true },
  { id: 'handhavers', available: true },
  { id: 'uitwisselen', available: true },
  { id: 'rapportage', available: true },
  { id: 'meldingen', available: true },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];
export type ComingScreenId = Extract<(typeof SCREENS)[number], { available: false }>['id'];

export type Route =
  | { name: 'kalender' }
  | { name: 'evenementen' }
  | { name: 'event-new' }
  | { name: 'event-edit'; id: string }
  | { name: 'uitwisselen' }
  | { name: 'verzoeken' | 'afspraken' | 'handhavers'; sub?: string }
  | { name: 'capaciteit' }
  | { name: 'meldingen' }
  | { name: 'rapportage' }
  | { name: 'instellingen' | 'hulp' }
  | { name: 'coming'; screen: ComingScreenId }
  | { name: 'not-found' };

function isComing(id: string): id is ComingScreenId {
  return SCREENS.some((s) => s.id === id && !s.available);
}

export function pathOf(hash: string): string {
  const path = hash.replace(/^#/, '');
  return path === '' || path === '/' ? '/kalender' : path;
}

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, ...rest] = parts;
  if (rest.length > 0 || first === undefined) return { name: 'not-found' };
  if (first === 'kalender' && !second) return { name: 'kalender' };
  if (first === 'evenementen') {
    if (!second) return { name: 'evenementen' };
    return second === 'nieuw' ? { name: 'event-new' } : { name: 'event-edit', id: second };
  }
  if (first === 'verzoeken' || first === 'afspraken' || first === 'handhavers') return second ? { name: first, sub: second } : { name: first };
  if ((first === 'capaciteit' || first === 'meldingen') && !second) return { name: first };
  if (first === 'uitwisselen' && !second) return { name: 'uitwisselen' };
  if (first === 'rapportage' && !second) return { name: 'rapportage' };
  if ((first === 'instellingen' || first === 'hulp') && !second) return { name: first };
  if (isComing(first) && !second) return { name: 'coming', screen: first };
  return { name: 'not-found' };
}

/** The nav item a route belongs to, for aria-current. */
export function screenOf(route: Route): ScreenId | undefined {
  switch (route.name) {
    case 'kalender':
      return 'kalender';
    case 'evenementen':
    case 'event-new':
    case 'event-edit':
      return 'evenementen';
    case 'verzoeken':
    case 'afspraken':
    case 'handhavers':
    case 'capaciteit':
    case 'meldingen':
      return route.name;
    case 'uitwisselen':
      return 'uitwisselen';
    case 'rapportage':
      return 'rapportage';
    case 'coming':
      return route.screen;
    case 'instellingen':
    case 'hulp':
    case 'not-found':
      return undefined;
  }
}

export function eventPath(id: string): string {
  return `/evenementen/${encodeURIComponent(id)}`;
}

export function navigate(path: string): void {
  location.hash = `#${path}`;
}
