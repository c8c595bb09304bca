// An identity card's file name keeps the device's own letters (ö, é), so "Laptop coördinator" stays readable.
import { describe, expect, it } from 'vitest';
import { Copy } from './copies';

describe('identity card file name', () => {
  it('keeps letters like ö and replaces only what a file name cannot hold', async () => {
    const c = await new Copy('GM0473', 'Zandvoort').init('Laptop coördinator / Noëlle');
    expect((await c.call('identity.card', {})).fileName).toBe('regie-kaart-Zandvoort-Laptop-coördinator-Noëlle.json');
  });
});
