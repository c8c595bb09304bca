// Schemas made on first use (shared/domain/lazy-schema.ts): loading Regie's modules builds none, and a lazy
// schema behaves as the schema it stands for wherever it is used.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../../../shared/domain/lazy-schema';

/** Counts the zod schemas built while `fn` runs, through zod's own hook on every schema it constructs. */
async function schemasBuilt(fn: () => unknown): Promise<number> {
  const config = (globalThis as { __zod_globalConfig?: { postProcessor?: (schema: unknown) => void } }).__zod_globalConfig!;
  let built = 0;
  config.postProcessor = () => built++;
  try {
    await fn();
  } finally {
    delete config.postProcessor;
  }
  return built;
}

describe('schemas made on first use', () => {
  it("builds no schema while the host's modules load, and only its own on the first call", async () => {
    const loading = await schemasBuilt(async () => {
      await import('../../../../main/api/handlers');
      await import('../../../../main/host/server');
      // What an exchange worker loads to decode and apply a file.
      await import('../../../../main/exchange/import-job');
    });
    expect(loading).toBe(0);
    const { contract } = await import('../../../../shared/api/contract');
    const first = await schemasBuilt(() => contract['calendar.range'].input.parse({ from: '2027-01-01', to: '2027-12-31' }));
    // The Kalender's argument: a handful of schemas, not the some 770 every start built before.
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
  });

  it('parses, composes and reports like the schema it stands for, made once', async () => {
    let made = 0;
    const direct = () => z.object({ name: z.string().min(1).max(5), count: z.number().int().min(0) }).strict();
    const lazy = lazySchema(() => (made++, direct()));
    expect(made).toBe(0);

    expect(lazy.parse({ name: 'Duin', count: 3 })).toEqual({ name: 'Duin', count: 3 });
    for (const bad of [{ name: '', count: 3 }, { name: 'Strand!', count: -1 }, { name: 'x', count: 1, extra: true }, 'geen object']) {
      expect(lazy.safeParse(bad).error?.issues).toEqual(direct().safeParse(bad).error?.issues);
    }
    // Composed into another schema, on its own (zod binds its methods) and as a zod type.
    const outer = z.object({ inner: lazy, list: z.array(lazy).max(2) });
    expect(outer.safeParse({ inner: { name: 'a', count: 0 }, list: [{ name: 'b', count: 1 }] }).success).toBe(true);
    expect(outer.safeParse({ inner: { name: 'a', count: 0 }, list: [{ name: 'b', count: 1.5 }] }).error?.issues[0]?.path).toEqual(['list', 0, 'count']);
    const { safeParse } = lazy;
    expect(safeParse({ name: 'c', count: 2 }).success).toBe(true);
    expect(lazy).toBeInstanceOf(z.ZodType);
    expect(lazy.optional().safeParse(undefined).success).toBe(true);
    expect(z.toJSONSchema(outer)).toEqual(z.toJSONSchema(z.object({ inner: direct(), list: z.array(direct()).max(2) })));
    expect(made).toBe(1);
  });
});
