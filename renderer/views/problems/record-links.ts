// Where a problem's records live in the app: the request, the own officer, the event, the agreement.
import { parseRecordId } from '../../../shared/domain/ids';
import { eventPath } from '../../routing/routes';

export interface RecordNames {
  officers: Map<string, string>;
  events: Map<string, string>;
  /** shift id -> event id */
  shiftEvents: Map<string, string>;
  agreements: Map<string, string>;
}

export type RecordLink =
  { kind: 'request'; href: string } | { kind: 'officer'; href: string; name: string } | { kind: 'event'; href: string; name: string } | { kind: 'agreement'; href: string; name: string };

export function recordLinks(ids: readonly string[], names: RecordNames, ownGemeente: string): RecordLink[] {
  const out: RecordLink[] = [];
  const seen = new Set<string>();
  const add = (link: RecordLink) => {
    if (seen.has(link.href)) return;
    seen.add(link.href);
    out.push(link);
  };
  for (const id of ids) {
    const parsed = parseRecordId(id);
    switch (parsed?.tag) {
      case 'rq':
        add({ kind: 'request', href: `#/verzoeken/${encodeURIComponent(id)}` });
        break;
      case 'of':
        // Partners' officers have no page here: their details are theirs.
        if (parsed.owner === ownGemeente) add({ kind: 'officer', href: `#/handhavers/${encodeURIComponent(id)}`, name: names.officers.get(id) ?? id });
        break;
      case 'ag':
        add({ kind: 'agreement', href: `#/afspraken/${encodeURIComponent(id)}`, name: names.agreements.get(id) ?? id });
        break;
      case 'sh':
      case 'ev': {
        const eventId = parsed.tag === 'sh' ? names.shiftEvents.get(id) : id;
        if (eventId) add({ kind: 'event', href: `#${eventPath(eventId)}`, name: names.events.get(eventId) ?? eventId });
        break;
      }
    }
  }
  return out;
}
