// The app:// protocol: serves the built renderer from one folder with the same CSP as the loopback host, so
// the window never loads file:// URLs (which would give every page access to the whole disk).
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, TYPES } from '../host/server';
import { APP_HOST, APP_SCHEME } from './security';

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Must run before app 'ready': a standard, secure scheme gets a real origin, so 'self' in the CSP means it. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The file a request maps to, or undefined when it lies outside rootDir or is not for app://regie. */
export function resolveAppFile(rootDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const root = resolve(rootDir);
  const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  return file.startsWith(root + sep) ? file : undefined;
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers one app:// request from rootDir; exported for tests, used by serveRenderer. */
export async function respond(rootDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Niet toegestaan');
  const file = resolveAppFile(rootDir, request.url);
  if (file === undefined) return text(404, 'Niet gevonden');
  try {
    const info = await stat(file);
    if (!info.isFile()) return text(404, 'Niet gevonden');
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers: { ...HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' } });
  } catch {
    if (file === join(resolve(rootDir), 'index.html')) {
      return text(503, 'De gebruikersinterface is nog niet gebouwd. Voer "npm run build" uit en start Regie opnieuw.');
    }
    return text(404, 'Niet gevonden');
  }
}

/** Serves app://regie/ from rootDir. Call after app 'ready'. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(rootDir, request));
}
