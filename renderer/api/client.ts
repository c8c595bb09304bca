// The renderer's one way to reach main: the typed RegieApi, over IPC in the desktop app or HTTP in a browser.
import type { RegieApi, RegieBridge } from '../../shared/api/contract';
import { createIpcApi } from './ipc-client';
import { createHttpApi } from './http-client';
import { takeSessionToken } from './session-token';

export type { RegieApi };
export { ApiCallError, asApiCallError } from './api-call-error';

// A local view of the preload's global: the desktop shell owns its declaration, so we do not augment Window.
type WithBridge = Window & { regie?: RegieBridge };

export function createApi(win: Window = window): RegieApi {
  const bridge = (win as WithBridge).regie;
  if (bridge) return createIpcApi(bridge);
  return createHttpApi(takeSessionToken());
}

let current: RegieApi | undefined;

/** Installs the api the stores and views use; main.tsx does this once, before the first render. */
export function setApi(api: RegieApi): void {
  current = api;
}

export function api(): RegieApi {
  if (!current) throw new Error('Regie api not set: call setApi() before rendering.');
  return current;
}
