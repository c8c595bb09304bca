// The gemeente identity's api methods (spread into main/api/handlers.ts): the gemeente key, its devices,
// join/approve/install, revocation, export/import and rotation of the key, partners per gemeente.
import type { Handlers } from '../api/handlers';
import type { IdentityMethodName } from '../../shared/api/identity';
import { ApiError } from '../../shared/api/errors';

const notYet = (): never => {
  throw new ApiError('refused', 'Deze functie is nog niet beschikbaar.');
};

export const identityHandlers: { [K in IdentityMethodName]: Handlers[K] } = {
  'gemeente.key': notYet,
  'devices.list': notYet,
  'devices.joinRequest': notYet,
  'devices.inspectRequest': notYet,
  'devices.approve': notYet,
  'devices.approveFile': notYet,
  'devices.install': notYet,
  'devices.installFile': notYet,
  'devices.revokePreview': notYet,
  'devices.revoke': notYet,
  'gemeenteKey.export': notYet,
  'gemeenteKey.exportFile': notYet,
  'gemeenteKey.import': notYet,
  'gemeenteKey.importFile': notYet,
  'gemeenteKey.rotate': notYet,
  'partners.gemeenten': notYet,
};
