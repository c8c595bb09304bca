// The api over the loopback host (browser mode): POST /api/<method> with the session token.
import type { MethodInput, MethodName, MethodResult, RegieApi } from '../../shared/api/contract';
import { ApiCallError, unwrap } from './api-call-error';

export function createHttpApi(token: string | null, origin: string = location.origin): RegieApi {
  return {
    async call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(args ?? {}),
          cache: 'no-store',
        });
      } catch {
        throw new ApiCallError('unreachable', 'Regie is niet bereikbaar. Controleer of Regie nog draait en laad de pagina opnieuw; er is niets gewijzigd.');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ApiCallError('bad_response', `Onverwacht antwoord van Regie (HTTP ${response.status}); er is niets gewijzigd.`);
      }
      return unwrap<MethodResult<K>>(body, name);
    },
  };
}
