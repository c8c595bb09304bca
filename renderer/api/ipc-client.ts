// The api over Electron IPC: window.regie, exposed by the preload with one function per method.
import type { MethodInput, MethodName, MethodResult, RegieApi, RegieBridge } from '../../shared/api/contract';
import { ApiCallError, unwrap } from './api-call-error';

export function createIpcApi(bridge: RegieBridge): RegieApi {
  return {
    async call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
      const fn = bridge[name] as (a: MethodInput<K>) => Promise<unknown>;
      let envelope: unknown;
      try {
        envelope = await fn(args);
      } catch {
        // The preload returns envelopes; a rejection means IPC itself broke (e.g. main restarted).
        throw new ApiCallError('unreachable', 'Regie reageert niet. Sluit het venster en start Regie opnieuw; er is niets gewijzigd.');
      }
      return unwrap<MethodResult<K>>(envelope, name);
    },
  };
}
