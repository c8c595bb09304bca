// The shell's security checks: which links may leave the app, which pages are the app, which IPC senders count.
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, externalUrl, isAppUrl, isTrustedSender, openExternalUrl, safePlanFileName } from '../../../../main/app/security';

describe('openExternalUrl', () => {
  const refused: unknown[] = [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    '  javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/virus.exe',
    '\\\\evil-host\\share\\rapport.exe',
    '//evil-host/share',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://evil-host/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://regie/index.html',
    'https://gebruiker:wachtwoord@example.org/',
    'http://',
    'niet een url',
    `https://example.org/${'a'.repeat(3000)}`,
    42,
    null,
    undefined,
  ];

  it.each(refused)('refuses %s without calling open', async (value) => {
    const open = vi.fn(() => Promise.resolve());
    expect(await openExternalUrl(value, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('opens https and http links, normalised', async () => {
    const open = vi.fn((_url: string) => Promise.resolve());
    expect(await openExternalUrl('https://www.rijksoverheid.nl/onderwerpen/boa', open)).toBe(true);
    expect(await openExternalUrl('HTTP://Example.org', open)).toBe(true);
    expect(open.mock.calls.map((c) => c[0])).toEqual(['https://www.rijksoverheid.nl/onderwerpen/boa', 'http://example.org/']);
  });

  it('passes the parsed URL, not the raw text', () => {
    expect(externalUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://regie/index.html', true],
    ['app://regie/assets/index-abc.js', true],
    ['app://regie/', true],
    ['app://evil/index.html', false],
    ['app://regie@evil/index.html', false],
    ['https://regie/index.html', false],
    ['file:///work/dist/renderer/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('isTrustedSender', () => {
  const frame = { url: 'app://regie/index.html', origin: APP_ORIGIN };

  it('accepts the app window showing the app page', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: frame }, 7)).toBe(true);
  });

  it('refuses other contents, foreign pages, lost frames and a missing window', () => {
    expect(isTrustedSender({ sender: { id: 8 }, senderFrame: frame }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', origin: 'https://evil.example' } }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'app://regie/index.html', origin: 'https://evil.example' } }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: frame }, undefined)).toBe(false);
  });
});

describe('safePlanFileName', () => {
  it.each([
    ['Zandvoort aan Heemstede 2027-05', 'Zandvoort aan Heemstede 2027-05.regie'],
    ['export.regie', 'export.regie'],
    ['EXPORT.REGIE', 'EXPORT.REGIE'],
    ['../../etc/passwd', 'etc-passwd.regie'],
    ['C:\\Windows\\System32\\x', 'C-Windows-System32-x.regie'],
    ['naam\u0000met\nstuurtekens', 'naam-met-stuurtekens.regie'],
    ['', 'planbestand.regie'],
    ['...', 'planbestand.regie'],
  ])('%j -> %j', (input, expected) => {
    expect(safePlanFileName(input)).toBe(expected);
  });

  it('never yields a folder, however long or odd the suggestion', () => {
    const name = safePlanFileName(`${'/'.repeat(10)}${'x'.repeat(500)}`);
    expect(name).not.toMatch(/[\\/]/);
    expect(name.length).toBeLessThanOrEqual(126);
    expect(safePlanFileName(42)).toBe('planbestand.regie');
  });
});
