// Dutch gemeenten (CBS codes) and the lookups the rest of Regie uses.
import { GEMEENTEN_ROWS } from './gemeenten-data';

export interface Gemeente {
  code: string;
  name: string;
  province: string;
  region: string;
}

export const GEMEENTEN: readonly Gemeente[] = GEMEENTEN_ROWS.map(([code, name, province, region]) => ({
  code,
  name,
  province,
  region,
}));

const byCode = new Map(GEMEENTEN.map((g) => [g.code, g]));

export const GEMEENTE_CODE = /^GM\d{4}$/;

export function findGemeente(code: string): Gemeente | undefined {
  return byCode.get(code);
}

export function gemeenteName(code: string): string {
  return byCode.get(code)?.name ?? code;
}

/** The veiligheidsregio Regie's demo and defaults are built around. */
export const HOME_REGION = 'Kennemerland';

/**
 * The gemeenten of `code`'s veiligheidsregio, its own first: the werkgebied the demo data gives an akte (a
 * samenwerkingsverband's BOA's have the partners in their werkgebied; an agreement alone does not extend it).
 */
export function regionWerkgebied(code: string): string[] {
  const region = byCode.get(code)?.region;
  return [code, ...GEMEENTEN.filter((g) => g.region === region && g.code !== code && region !== undefined).map((g) => g.code)].slice(0, 50);
}
