// main/api is plumbing only: the one handler table and dispatch. What a method does lives in the layer of its
// feature (domain, exchange, identity, generate, reports, postbus); the table only names it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';

describe('main/api', () => {
  it('holds only the handler table and dispatch', () => {
    expect(readdirSync('main/api').sort()).toEqual(['dispatch.ts', 'handlers.ts']);
  });

  it('declares no functions of its own beside the table: each entry calls into a feature', () => {
    const table = readFileSync('main/api/handlers.ts', 'utf8');
    expect(table).toMatch(/export const handlers: Handlers = \{/);
    expect([...table.matchAll(/^(export )?(async )?function (\w+)/gm)].map((m) => m[3])).toEqual([]);
    // Entries stay short: a handler longer than a few lines is a feature that belongs in its layer.
    const entries = table.slice(table.indexOf('export const handlers')).split(/\n(?= {2}'[a-z]+\.[A-Za-z]+':)/);
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.filter((e) => e.split('\n').length > 6).map((e) => e.split(':')[0])).toEqual([]);
  });
});
