// The briefing roster as PDF: the event, whom to call, then every shift with its officers.
import { gemeenteName } from '../../shared/domain/gemeenten';
import { dutchDate } from '../../shared/reports/period';
import { facts, finish, heading, newPdf, paragraph, table, title } from './pdf';
import { ROLE_LABEL, shiftTime, slug } from '../../shared/reports/format';
import type { Roster } from './roster';

export function rosterFileName(r: Roster): string {
  return `rooster-${slug(r.event.name)}-${r.event.start.slice(0, 10)}.pdf`;
}

export async function rosterPdf(r: Roster, createdOn: string): Promise<Buffer> {
  const { event } = r;
  const doc = await newPdf({ title: `Briefingrooster ${event.name}`, subject: `${event.place}, ${shiftTime(event.start, event.end)}`, author: `Gemeente ${r.ownName}` });
  title(doc, `Briefingrooster: ${event.name}`, `${event.place} · ${shiftTime(event.start, event.end)}`);
  const contact = [r.contact.name, r.contact.phone].filter((x) => x.trim() !== '').join(', ');
  facts(doc, [
    { label: 'Gemeente (organisator)', value: r.hostName },
    { label: 'Risicoklasse', value: { A: 'A regulier', B: 'B aandacht', C: 'C risico' }[event.risk] },
    ...(event.visitors !== null ? [{ label: 'Verwachte bezoekers', value: event.visitors.toLocaleString('nl-NL') }] : []),
    { label: `Contactpersoon ${r.ownName}`, value: contact === '' ? 'niet ingevuld' : contact },
    { label: 'Opgesteld', value: `door gemeente ${r.ownName}, op ${dutchDate(createdOn)}` },
  ]);
  paragraph(doc, `Telefoonnummers staan alleen bij handhavers van ${r.ownName}. Van handhavers van partnergemeenten staan hier alleen naam en gemeente: bel voor hen de coördinator van hun gemeente.`);
  if (r.shifts.length === 0) paragraph(doc, 'Dit evenement heeft nog geen diensten.', { size: 10 });
  for (const s of r.shifts) {
    const { shift } = s;
    const pairs = shift.inPairs ? ', in koppels' : '';
    heading(doc, `${shiftTime(shift.start, shift.end)} · ${ROLE_LABEL[shift.role]}${pairs} · ${s.officers.length} van ${shift.needed} ingepland`);
    if (s.officers.length === 0) {
      paragraph(doc, 'Nog niemand ingepland.', { size: 10 });
      continue;
    }
    table(
      doc,
      [{ header: 'Handhaver', width: 4 }, { header: 'Gemeente', width: 3 }, { header: 'Rol', width: 2.5 }, ...(r.phones ? [{ header: 'Telefoon', width: 3 }] : [])],
      s.officers.map((o) => [o.name, o.gemeenteName, ROLE_LABEL[shift.role], ...(r.phones ? [o.phone === null ? `via ${gemeenteName(o.gemeente)}` : o.phone || '–'] : [])]),
      { size: 10 },
    );
  }
  return finish(doc, `Regie · briefingrooster ${event.name} · ${event.place}`);
}
