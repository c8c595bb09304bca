// Security checks for the Electron shell as pure functions: their dangerous dependency (opening a URL) is a
// parameter, so unit tests can prove what is refused without touching the operating system.

/** The renderer is served from app://regie/ (see protocol.ts); nothing else is "the app". */
export const APP_SCHEME = 'app';
export const APP_HOST = 'regie';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

const MAX_EXTERNAL_URL = 2048;

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * Returns the normalised URL when it is safe to hand to the operating system: http(s) only, no credentials.
 * Everything else (javascript:, file:, data:, UNC paths, custom protocol handlers such as ms-msdt:) could run
 * or open something on the user's machine.
 */
export function externalUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_EXTERNAL_URL) return undefined;
  // UNC and protocol-relative forms: on Windows \\host\share fetches over SMB and leaks credentials.
  if (/^[\\/]{2}/.test(value.trim())) return undefined;
  const parsed = parse(value);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return undefined;
  return parsed.href;
}

/** Opens a web link in the user's browser when it passes externalUrl; returns whether it was opened. */
export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  const url = externalUrl(value);
  if (url === undefined) return false;
  await open(url);
  return true;
}

/** The parts of an IPC event that say who sent it (IpcMainInvokeEvent has these). */
export interface SenderLike {
  sender: { id: number };
  senderFrame: { url: string; origin?: string } | null;
}

/**
 * True only for a message from the app's own window showing the app's own page. A frame that navigated away
 * (or was destroyed) has no senderFrame any more and is refused.
 */
export function isTrustedSender(event: SenderLike, mainWebContentsId: number | undefined): boolean {
  if (mainWebContentsId === undefined || event.sender.id !== mainWebContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || !isAppUrl(frame.url)) return false;
  return frame.origin === undefined || frame.origin === APP_ORIGIN;
}

const MAX_FILE_NAME = 120;

/**
 * A file name for the save dialog built from what the renderer suggests: no folders, no control or reserved
 * characters, always ending in .regie. The renderer only suggests a name; the user picks the folder.
 */
export function safePlanFileName(suggested: unknown, extension = 'regie'): string {
  const raw = typeof suggested === 'string' ? suggested : '';
  const base = raw
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, MAX_FILE_NAME)
    .trim();
  const name = base === '' ? 'planbestand' : base;
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}
