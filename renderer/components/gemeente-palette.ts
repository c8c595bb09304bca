// One fixed colour per Kennemerland gemeente (and a grey for any other), each dark enough for white text
// (at least 4.5:1), with a short abbreviation: colour is never the only way a gemeente is told apart.
import { gemeenteName } from '../../shared/domain/gemeenten';

export interface GemeenteStyle {
  colour: string;
  abbreviation: string;
}

export const GEMEENTE_PALETTE: Readonly<Record<string, GemeenteStyle>> = {
  GM0375: { colour: '#8c3b00', abbreviation: 'BV' }, // Beverwijk
  GM0377: { colour: '#1d5e9e', abbreviation: 'BL' }, // Bloemendaal
  GM0392: { colour: '#a4262c', abbreviation: 'HL' }, // Haarlem
  GM0394: { colour: '#5c4399', abbreviation: 'HM' }, // Haarlemmermeer
  GM0396: { colour: '#52650a', abbreviation: 'HK' }, // Heemskerk
  GM0397: { colour: '#006d6f', abbreviation: 'HS' }, // Heemstede
  GM0450: { colour: '#8a3a73', abbreviation: 'UG' }, // Uitgeest
  GM0453: { colour: '#7a5c00', abbreviation: 'VS' }, // Velsen
  GM0473: { colour: '#b0196b', abbreviation: 'ZV' }, // Zandvoort
};

export const FALLBACK_COLOUR = '#4f4f4f';

export function gemeenteStyle(code: string): GemeenteStyle {
  const known = GEMEENTE_PALETTE[code];
  if (known) return known;
  const name = gemeenteName(code);
  const letters =
    name === code
      ? code.slice(-2)
      : name
          .replace(/[^A-Za-zÀ-ÿ]/g, '')
          .slice(0, 2)
          .toUpperCase();
  return { colour: FALLBACK_COLOUR, abbreviation: letters };
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}
