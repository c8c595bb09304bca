// The gemeente identity's api methods (spread into main/api/handlers.ts): the gemeente key, its devices,
// join/approve/install, revocation, export/import and rotation of the key, partners per gemeente.
import { writeFile, rename, rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Handlers } from '../session/handler-types';
import type { AppContext } from '../session/context';
import { refuseInDemo } from '../session/profile';
import type { ApproveResult, IdentityMethodName, KeyFileResult } from '../../shared/api/identity';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { transfersOf } from '../exchange/transfer';
import { readRegularFile } from '../exchange/regular-file';
import { ApiError } from '../../shared/api/errors';
import {
  approveRequest,
  exportKeyFile,
  gemeenteKeyInfo,
  importKeyFile,
  inspectRequest,
  installCertificate,
  joinRequest,
  listDevices,
  partnersByGemeente,
  revokeDevice,
  revokePreview,
  rotateGemeenteKey,
} from './service';
import { MAX_KEY_FILE_BYTES } from '../exchange/trust/keyfile';

const safe = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** Writes a file whole or not at all (a temporary name, then renamed). */
async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content, { flag: 'wx', mode: 0o600 });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new ApiError('refused', `Het bestand kon niet worden geschreven naar ${path}: ${(err as Error).message}`);
  }
}

async function approveFile(ctx: AppContext, args: { content: string; fingerprint: string; fileName?: string | undefined; target?: string | undefined }): Promise<ApproveResult> {
  const db = ctx.db();
  const me = ctx.me();
  const files = transfersOf(ctx);
  if (args.target !== undefined) {
    const path = files.path(args.target, 'write');
    const r = await approveRequest(db, me, args.content, args.fingerprint, path);
    return { fileId: args.target, fileName: basename(path), download: false, device: r.device, entries: r.entries, bytes: r.bytes };
  }
  const slot = await files.newDownload(args.fileName ?? `regie-certificaat-${safe(gemeenteName(me.gemeente))}.regie`);
  try {
    const r = await approveRequest(db, me, args.content, args.fingerprint, slot.path);
    return { fileId: slot.fileId, fileName: slot.name, download: true, device: r.device, entries: r.entries, bytes: r.bytes };
  } catch (err) {
    await files.discard(slot.fileId);
    throw err;
  }
}

async function exportKey(ctx: AppContext, password: string, path: string | undefined, fileName?: string): Promise<KeyFileResult> {
  refuseInDemo(ctx, 'export');
  const file = await exportKeyFile(ctx.db(), ctx.me(), password);
  if (path !== undefined) {
    await writeAtomically(resolve(path), file.content);
    return { fileId: resolve(path), fileName: basename(path), download: false };
  }
  const files = transfersOf(ctx);
  const slot = await files.newDownload(fileName ?? file.fileName);
  await writeAtomically(slot.path, file.content);
  return { fileId: slot.fileId, fileName: slot.name, download: true };
}

export const identityHandlers: { [K in IdentityMethodName]: Handlers[K] } = {
  'gemeente.key': (ctx) => gemeenteKeyInfo(ctx.db(), ctx.me()),
  'devices.list': (ctx) => listDevices(ctx.db(), ctx.me()),
  'devices.joinRequest': (ctx, { gemeente, deviceLabel }) => joinRequest(ctx.db(), gemeente, deviceLabel),
  'devices.inspectRequest': (ctx, { content }) => inspectRequest(ctx.db(), ctx.me(), content),
  'devices.approve': async (ctx, { content, fingerprint, path }) => {
    const r = await approveRequest(ctx.db(), ctx.me(), content, fingerprint, resolve(path));
    return { fileId: r.path, fileName: basename(r.path), download: false, device: r.device, entries: r.entries, bytes: r.bytes };
  },
  'devices.approveFile': (ctx, args) => approveFile(ctx, args),
  'devices.install': (ctx, { path }) => installCertificate(ctx.db(), ctx.me(), resolve(path)),
  'devices.installFile': async (ctx, { fileId }) => {
    const files = transfersOf(ctx);
    const r = await installCertificate(ctx.db(), ctx.me(), files.path(fileId, 'read'));
    await files.discard(fileId);
    return r;
  },
  'devices.revokePreview': (ctx, { device, after }) => revokePreview(ctx.db(), ctx.me(), device, after),
  'devices.revoke': (ctx, { device, after, reason }) => revokeDevice(ctx.db(), ctx.me(), device, after, reason),
  'gemeenteKey.export': (ctx, { path, password }) => exportKey(ctx, password, path),
  'gemeenteKey.exportFile': (ctx, { password, fileName }) => exportKey(ctx, password, undefined, fileName),
  'gemeenteKey.import': async (ctx, { path, password }) => {
    const content = (await readRegularFile(resolve(path), MAX_KEY_FILE_BYTES, 'Het sleutelbestand')).toString('utf8');
    return importKeyFile(ctx.db(), ctx.me(), content, password);
  },
  'gemeenteKey.importFile': async (ctx, { fileId, password }) => {
    const files = transfersOf(ctx);
    const content = (await readRegularFile(files.path(fileId, 'read'), MAX_KEY_FILE_BYTES, 'Het sleutelbestand')).toString('utf8');
    const r = await importKeyFile(ctx.db(), ctx.me(), content, password);
    await files.discard(fileId);
    return r;
  },
  'gemeenteKey.rotate': (ctx) => rotateGemeenteKey(ctx.db(), ctx.me()),
  'partners.gemeenten': (ctx) => partnersByGemeente(ctx.db(), ctx.me()),
};
