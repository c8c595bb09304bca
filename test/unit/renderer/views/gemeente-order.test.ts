// Eerste start: the gemeente list with the own region first (the usual partners at the top), then the rest
// of the country alphabetically, and a search that ignores case and accents.
import { describe, expect, it } from 'vitest';
import { GEMEENTEN, HOME_REGION } from '../../../../shared/domain/gemeenten';
import { filterGroups, matchesQuery, optionLabel, orderGemeenten } from '../../../../renderer/views/first-run/gemeente-order';

const groups = orderGemeenten(GEMEENTEN);

describe('gemeente list of the first start', () => {
  it('puts Zandvoort, Heemstede, Bloemendaal and Haarlem first, then the rest of the region', () => {
    expect(groups.region.slice(0, 4).map((g) => g.name)).toEqual(['Zandvoort', 'Heemstede', 'Bloemendaal', 'Haarlem']);
    expect(groups.region.every((g) => g.region === HOME_REGION)).toBe(true);
    const rest = groups.region.slice(4).map((g) => g.name);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, 'nl')));
  });

  it('lists every other gemeente once, alphabetically', () => {
    expect(groups.region.length + groups.others.length).toBe(GEMEENTEN.length);
    const names = groups.others.map((g) => g.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(groups.others.some((g) => g.region === HOME_REGION)).toBe(false);
  });

  it('finds a gemeente by part of its name, whatever the case or accents, or by its code', () => {
    const haarlem = GEMEENTEN.find((g) => g.code === 'GM0392')!;
    expect(matchesQuery(haarlem, '  HAARL ')).toBe(true);
    expect(matchesQuery(haarlem, 'gm0392')).toBe(true);
    expect(matchesQuery(haarlem, 'Zandvoort')).toBe(false);
    const accented = GEMEENTEN.find((g) => /[\u00c0-\u00ff]/.test(g.name));
    if (accented)
      expect(
        matchesQuery(
          accented,
          accented.name
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toUpperCase(),
        ),
      ).toBe(true);
  });

  it('keeps the order of both groups when filtering, and shows everything for an empty search', () => {
    const found = filterGroups(groups, 'haar');
    expect(found.region.map((g) => g.name)).toContain('Haarlem');
    expect(found.region).toEqual(groups.region.filter((g) => g.name.toLowerCase().includes('haar')));
    expect(found.others).toEqual(groups.others.filter((g) => g.name.toLowerCase().includes('haar')));
    expect(filterGroups(groups, 'xyzzy')).toEqual({ region: [], others: [] });
    expect(filterGroups(groups, '')).toEqual(groups);
  });

  it('labels an option with name and code', () => {
    expect(optionLabel(GEMEENTEN.find((g) => g.code === 'GM0473')!)).toBe('Zandvoort (GM0473)');
  });
});
