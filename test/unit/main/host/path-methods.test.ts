// Path-taking is a property of the method in the contract: every method whose argument names a file on this
// computer is flagged `takesPath`, and the loopback host refuses exactly those to the browser page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { contract, METHOD_NAMES, pathUseOf } from '../../../../shared/api/contract';
import { startHost, type RunningHost } from '../../../../main/host/server';
import { newContext, tempDir } from '../../helpers';

/** Argument fields that name a place on this computer's disk. */
const PATH_FIELD = /^(path|file|filePath|dir|folder|directory|out|outPath)$/i;

/**
 * The one deliberate exception: the postbus folder is typed on the page by the user (Instellingen, see
 * test/e2e/postbus.spec.ts); it names a shared folder to watch, never a file that the call itself opens.
 */
const TYPED_ON_PAGE = new Set(['postbus.set']);

function pathFields(schema: unknown, at = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const found: string[] = [];
  for (const [key, sub] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) {
    if (PATH_FIELD.test(key)) found.push(at + key);
    found.push(...pathFields(sub, `${at}${key}.`));
  }
  for (const k of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    const v = s[k];
    for (const sub of Array.isArray(v) ? v : [v]) found.push(...pathFields(sub, at));
  }
  return found;
}

let host: RunningHost;
beforeAll(async () => {
  const renderer = tempDir();
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Regie</title>');
  host = await startHost({ ctx: newContext(), rendererDir: renderer });
});
afterAll(() => host.close());

const post = (method: string, body: unknown) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(body),
  });

describe('path-taking methods', () => {
  it('every method with a file-path field in its argument is flagged in the contract, and only those', () => {
    const flagged = METHOD_NAMES.filter((name) => pathUseOf(name) !== undefined);
    const withPath = METHOD_NAMES.filter((name) => !TYPED_ON_PAGE.has(name) && pathFields(z.toJSONSchema(contract[name].input, { unrepresentable: 'any', io: 'input' })).length > 0);
    expect(withPath.length).toBeGreaterThan(0);
    expect(flagged.sort()).toEqual(withPath.sort());
    expect(pathUseOf('exchange.export')).toBe('write');
    expect(pathUseOf('exchange.import')).toBe('read');
    expect(pathUseOf('no.such.method')).toBeUndefined();
  });

  it('the loopback host refuses every flagged method, even with a well-formed argument, and lets the others through', async () => {
    const file = join(tempDir(), 'plan.regie');
    for (const name of METHOD_NAMES) {
      if (pathUseOf(name) !== undefined) {
        const r = await post(name, { to: 'all', path: file });
        expect(r.status, name).toBe(403);
        expect(await r.json(), name).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining(name) } });
      } else {
        // A malformed argument: the host hands it to the api, which refuses it as such (nothing runs).
        const r = await post(name, 'geen object');
        expect(r.status, name).toBe(400);
        expect(await r.json(), name).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
      }
    }
  });
});
