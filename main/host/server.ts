// The loopback host: serves the built renderer and the api over HTTP on 127.0.0.1 only, behind a per-run
// token, for browser mode and end-to-end tests. Same handler table as IPC and the CLI.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pathUseOf, type Envelope } from '../../shared/api/contract';
import type { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import { transfersOf, UploadTooLarge } from '../exchange/transfer';
import { LIMITS } from '../exchange/format';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_BODY_BYTES = 1024 * 1024;

/** Content types of the files the renderer build contains (also served by the desktop app's app:// protocol). */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface HostOptions {
  ctx: AppContext;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, payload: Envelope<unknown>): void {
  send(res, status, JSON.stringify(payload), 'application/json; charset=utf-8');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'unauthorised', message } });
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.rendererDir);
  // Uploads and downloads an earlier run left behind (a closed tab, a cancelled preview).
  transfersOf(options.ctx)
    .sweep()
    .catch((err: unknown) => console.error('[regie host] opruimen van overdrachtsbestanden mislukt:', err));
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const decoded = pathname === '/' ? 'index.html' : decodePath(pathname);
    if (decoded === undefined) return send(res, 400, 'Ongeldig adres (een %-teken zonder geldige code).', 'text/plain; charset=utf-8');
    const rel = decoded.replace(/^\/+/, '');
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return send(res, 404, 'Niet gevonden', 'text/plain; charset=utf-8');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      send(res, 200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      if (rel === 'index.html') {
        return send(res, 503, 'De gebruikersinterface is nog niet gebouwd. Voer "npm run build" uit en start opnieuw.', 'text/plain; charset=utf-8');
      }
      send(res, 404, 'Niet gevonden', 'text/plain; charset=utf-8');
    }
  }

  /**
   * Plan files in browser mode. POST /files streams an upload into the data folder's transfer/ (never whole
   * in memory, at most the plan-file limit) and answers its id; GET /files/<id> downloads an export once.
   */
  async function serveFiles(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const files = transfersOf(options.ctx);
    if (pathname === '/files') {
      if (req.method !== 'POST') return refuse(res, 405, 'Gebruik POST om een bestand aan te bieden.');
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > LIMITS.maxFileBytes) return tooLarge(req, res);
      try {
        const { fileId, bytes } = await files.receive(req, LIMITS.maxFileBytes);
        return sendJson(res, 200, { ok: true, value: { fileId, bytes } });
      } catch (err) {
        if (err instanceof UploadTooLarge) return tooLarge(req, res);
        throw err;
      }
    }
    if (req.method !== 'GET') return refuse(res, 405, 'Gebruik GET om een bestand op te halen.');
    const fileId = pathname.slice('/files/'.length);
    const file = await files.existing(fileId);
    if (!file) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Dit bestand is er niet (meer). Maak het bestand opnieuw; er is niets gewijzigd.' } });
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.bytes),
      // An ASCII name for old browsers and the real one (with ö) in UTF-8 (RFC 6266 / RFC 5987).
      'Content-Disposition': `attachment; filename="${file.name
        .normalize('NFKD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/["\\]/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    try {
      await pipeline(createReadStream(file.path), res);
    } finally {
      // Downloaded once: the copy in the transfer folder is not needed again.
      if (res.writableFinished) await files.discard(fileId);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: only requests addressed to our own loopback name are served.
    if (!req.headers.host || !allowedHosts().has(req.headers.host)) return refuse(res, 403, 'Verzoek aan een onbekend adres geweigerd.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const isFiles = url.pathname === '/files' || url.pathname.startsWith('/files/');
    if (!url.pathname.startsWith('/api/') && !isFiles) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Niet toegestaan', 'text/plain; charset=utf-8');
      return serveStatic(req, res, url.pathname);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return refuse(res, 403, 'Verzoek van een andere herkomst geweigerd.');
    }
    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!tokenMatches(given, token)) return refuse(res, 401, 'Geen of een verkeerde sleutel voor deze sessie. Open Regie via de link die bij het starten werd getoond.');
    if (isFiles) return serveFiles(req, res, url.pathname);
    if (req.method !== 'POST') return refuse(res, 405, 'Gebruik POST voor de api.');
    const body = await readBody(req);
    if (body === undefined) return sendJson(res, 413, { ok: false, error: { code: 'invalid_argument', message: 'Het verzoek is te groot.' } });
    let args: unknown = {};
    if (body.trim() !== '') {
      try {
        args = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_argument', message: 'Het verzoek is geen geldige JSON.' } });
      }
    }
    const method = decodePath(url.pathname.slice('/api/'.length));
    if (method === undefined) return sendJson(res, 400, { ok: false, error: { code: 'invalid_argument', message: 'Ongeldig adres (een %-teken zonder geldige code).' } });
    // A browser page never names a path on this computer (methods flagged `takesPath` in the contract):
    // plan files come and go through /files.
    if (pathUseOf(method) !== undefined) {
      return sendJson(res, 403, { ok: false, error: { code: 'refused', message: `${method} neemt een pad op deze computer en is alleen voor de opdrachtregel. Gebruik uploaden en downloaden.` } });
    }
    const result = await dispatch(options.ctx, method, args);
    sendJson(res, result.ok ? 200 : statusFor(result.error.code), result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[regie host]', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Er ging iets mis in Regie; er is niets gewijzigd.' } });
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/#token=${token}`;
      resolvePromise({
        server,
        port,
        token,
        url,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            // Browsers keep connections alive; without this, closing waits for them to time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** A percent-encoded path, or undefined when its encoding is malformed ("%zz", a lone "%", bad UTF-8). */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  // Answer, then close: reading the rest of a body this large would only waste time.
  res.setHeader('Connection', 'close');
  sendJson(res, 413, {
    ok: false,
    error: { code: 'invalid_argument', message: `Het bestand is groter dan ${Math.round(LIMITS.maxFileBytes / 1024 / 1024)} MB; zo groot is een planbestand niet. Er is niets gewijzigd.` },
  });
  req.resume();
}

function statusFor(code: string): number {
  switch (code) {
    case 'invalid_argument':
      return 400;
    case 'unknown_method':
    case 'not_found':
      return 404;
    case 'unauthorised':
      return 401;
    case 'internal':
      return 500;
    default:
      return 409;
  }
}
