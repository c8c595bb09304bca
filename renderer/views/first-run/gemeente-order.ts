// The order of the gemeente list: our own region first (the Zuid-Kennemerland partners of the scenarios at
// the top), then the rest of the country alphabetically; plus a search that ignores case and accents.
import type { Gemeente } from '../../../shared/domain/gemeenten';
import { HOME_REGION } from '../../../shared/domain/gemeenten';

// Zandvoort, Heemstede, Bloemendaal, Haarlem: the partners who plan together most.
const FIRST = ['GM0473', 'GM0397', 'GM0377', 'GM0392'];

export interface GemeenteGroups {
  region: Gemeente[];
  others: Gemeente[];
}

const byName = (a: Gemeente, b: Gemeente) => a.name.localeCompare(b.name, 'nl');

export function orderGemeenten(all: readonly Gemeente[]): GemeenteGroups {
  const rank = (g: Gemeente) => {
    const i = FIRST.indexOf(g.code);
    return i === -1 ? FIRST.length : i;
  };
  const region = all.filter((g) => g.region === HOME_REGION).sort((a, b) => rank(a) - rank(b) || byName(a, b));
  const others = all.filter((g) => g.region !== HOME_REGION).sort(byName);
  return { region, others };
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

export function matchesQuery(g: Gemeente, query: string): boolean {
  const q = fold(query);
  if (q === '') return true;
  return fold(g.name).includes(q) || g.code.toLowerCase().includes(q);
}

export function filterGroups(groups: GemeenteGroups, query: string): GemeenteGroups {
  return { region: groups.region.filter((g) => matchesQuery(g, query)), others: groups.others.filter((g) => matchesQuery(g, query)) };
}

export function optionLabel(g: Gemeente): string {
  return `${g.name} (${g.code})`;
}
