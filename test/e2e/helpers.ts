// Steps several tests share, written as a user would do them.
import type { Page } from '@playwright/test';
import type { RiskClass } from '../../shared/domain/event';

export interface EventInput {
  name: string;
  place: string;
  start: string;
  end: string;
  risk?: RiskClass;
  visitors?: string;
}

export const GRAND_PRIX: EventInput = {
  name: 'Dutch Grand Prix',
  place: 'Circuit Zandvoort',
  start: '2027-08-27T10:00',
  end: '2027-08-29T18:00',
  risk: 'C',
  visitors: '105000',
};

/** Fills the event form's fields; labels are the Dutch ones. */
export async function fillEvent(page: Page, event: EventInput): Promise<void> {
  await page.getByLabel('Naam', { exact: true }).fill(event.name);
  await page.getByLabel('Locatie', { exact: true }).fill(event.place);
  await page.getByLabel('Begin', { exact: true }).fill(event.start);
  await page.getByLabel('Einde', { exact: true }).fill(event.end);
  if (event.risk) await page.getByRole('radio', { name: new RegExp(`^${event.risk} `) }).check();
  if (event.visitors !== undefined) await page.getByLabel('Verwacht aantal bezoekers').fill(event.visitors);
}

export function eventsTable(page: Page) {
  return page.getByRole('table', { name: /Evenementen/ });
}
