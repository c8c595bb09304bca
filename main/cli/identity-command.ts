// The gemeente identity's commands of `regie` (issue 15): join, devices, device approve|install|revoke,
// gemeente-key export|import|rotate. Thin layers over the api, as the other commands.
import { plural } from '../../shared/i18n/plural';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createInterface } from 'node:readline';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { GemeenteDevice } from '../../shared/api/identity';
import { REVOCATION_REASONS } from '../../shared/api/identity';
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import type { CommandIo } from './commands';

type UsageErrorClass = new (message: string) => Error;
type Command = (ctx: AppContext, args: string[], io: CommandIo) => Promise<number>;

async function call<K extends MethodName>(ctx: AppContext, name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value as MethodResult<K>;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' }) : '-');

const STATUS: Record<GemeenteDevice['status'], string> = { self: 'dit apparaat', active: 'actief', revoked: 'ingetrokken' };

export function devicesText(devices: GemeenteDevice[]): string {
  return devices
    .map(
      (d) =>
        `${d.label}  [${STATUS[d.status]}${d.revocation ? `: ${d.revocation.reason}, na nr. ${d.revocation.after}` : ''}]\n` +
        `  vingerafdruk ${d.fingerprint}; sinds ${when(d.since)}; laatste wijziging nr. ${d.lastSeq}${d.lastEntryAt ? ` (${when(d.lastEntryAt)})` : ''}${d.certified ? '' : '; niet gecertificeerd (van vóór de gemeentesleutel)'}`,
    )
    .join('\n');
}

/** The password: REGIE_PASSWORD for scripts, else asked at the terminal without echo. */
async function password(io: CommandIo, question: string): Promise<string> {
  const fromEnv = process.env.REGIE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new ApiError('refused', 'Geen wachtwoord: zet REGIE_PASSWORD, of voer de opdracht uit in een terminal. Er is niets gewijzigd.');
  io.out(question);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // No echo: the characters typed are not written back.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((done) => rl.question('', done));
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

async function confirmed(io: CommandIo, yes: boolean, question: string, refusal: string): Promise<boolean> {
  let ok = yes;
  if (!ok && io.confirm) ok = await io.confirm(question);
  if (!ok) io.err(`regie: ${refusal}`);
  return ok;
}

export function identityCommands(UsageError: UsageErrorClass): Record<string, { usage: string; run: Command }> {
  function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, positionals = 0): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
    try {
      const r = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
      if (r.positionals.length !== positionals) throw new Error(positionals ? `verwacht ${positionals} argument(en)` : 'onverwacht argument');
      return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }

  return {
    join: {
      usage: 'join --gemeente CODE --device NAAM --out AANVRAAG.json   richt een nieuwe laptop in en maak de aanvraag voor de gemeentesleutel',
      run: async (ctx, args, io) => {
        const { values } = parse(args, { gemeente: { type: 'string' }, device: { type: 'string' }, out: { type: 'string' } });
        if (!values.gemeente || !values.device || !values.out) throw new UsageError('join heeft --gemeente, --device en --out nodig');
        const r = await call(ctx, 'devices.joinRequest', { gemeente: String(values.gemeente), deviceLabel: String(values.device) });
        await writeFile(resolve(String(values.out)), r.content);
        io.out(
          `Aanvraag geschreven naar ${String(values.out)}.\nVingerafdruk van deze laptop: ${r.fingerprint}\n` +
            'Breng de aanvraag naar een laptop met de gemeentesleutel (regie device approve) en vergelijk daar deze vingerafdruk.',
        );
        return 0;
      },
    },
    devices: {
      usage: 'devices [--json]                     de apparaten van deze gemeente: vingerafdruk, status, laatste wijziging',
      run: async (ctx, args, io) => {
        const { values } = parse(args, { json: { type: 'boolean' } });
        const devices = await call(ctx, 'devices.list', {});
        if (values.json) {
          io.out(JSON.stringify(devices, null, 2));
          return 0;
        }
        const key = await call(ctx, 'gemeente.key', {});
        io.out(`${key.gemeenteName} (${key.gemeente}), gemeentesleutel ${key.fingerprint ?? '(nog geen)'}${key.holdsKey ? ', op deze laptop' : ''}\n${devicesText(devices)}`);
        return 0;
      },
    },
    device: {
      usage:
        'device approve AANVRAAG.json --out CERT.regie [--yes] | install CERT.regie | revoke SLEUTEL|VINGERAFDRUK [--after NR] --reason verloren|gestolen|vervangen [--yes]   laptops van de gemeente toevoegen en intrekken',
      run: async (ctx, args, io) => {
        const [sub, ...rest] = args;
        if (sub === 'approve') {
          const { values, positionals } = parse(rest, { out: { type: 'string' }, yes: { type: 'boolean' } }, 1);
          if (!values.out) throw new UsageError('device approve heeft --out nodig');
          const content = await readFile(resolve(positionals[0]!), 'utf8').catch(() => {
            throw new ApiError('not_found', `De aanvraag ${positionals[0]} kon niet worden gelezen. Er is niets gewijzigd.`);
          });
          const info = await call(ctx, 'devices.inspectRequest', { content });
          io.out(`Aanvraag van "${info.label}" voor ${info.gemeenteName} (${info.gemeente}).\nVingerafdruk van de nieuwe laptop: ${info.fingerprint}`);
          if (!info.canApprove) throw new ApiError('refused', info.problem ?? 'Deze aanvraag kan hier niet worden goedgekeurd.');
          const ok = await confirmed(
            io,
            values.yes === true,
            'Toont de nieuwe laptop precies deze vingerafdruk? (ja/nee) ',
            'niet goedgekeurd: bevestig met --yes nadat u de vingerafdruk op de nieuwe laptop hebt vergeleken.',
          );
          if (!ok) return 1;
          const r = await call(ctx, 'devices.approve', { content, fingerprint: info.fingerprint, path: String(values.out) });
          io.out(
            `Goedgekeurd. Certificaat en planning (${plural('nl', r.entries, { one: 'wijziging', other: 'wijzigingen' })}) geschreven naar ${r.fileName}. Lees het in op de nieuwe laptop met: regie device install ${r.fileName}`,
          );
          return 0;
        }
        if (sub === 'install') {
          const { positionals } = parse(rest, {}, 1);
          const r = await call(ctx, 'devices.install', { path: positionals[0]! });
          io.out(
            `Deze laptop hoort nu bij ${r.gemeenteName} (gemeentesleutel ${r.gemeenteFingerprint}); ${plural('nl', r.entries, { one: 'wijziging', other: 'wijzigingen' })} van de planning ingelezen.`,
          );
          return 0;
        }
        if (sub === 'revoke') {
          const { values, positionals } = parse(rest, { after: { type: 'string' }, reason: { type: 'string' }, yes: { type: 'boolean' } }, 1);
          const reason = String(values.reason ?? '');
          if (!(REVOCATION_REASONS as readonly string[]).includes(reason)) throw new UsageError('device revoke heeft --reason verloren, gestolen of vervangen nodig');
          const after = values.after === undefined ? undefined : Number(values.after);
          if (after !== undefined && (!Number.isInteger(after) || after < 0)) throw new UsageError('--after is een wijzigingsnummer (0 of hoger)');
          const device = positionals[0]!;
          const preview = await call(ctx, 'devices.revokePreview', { device, ...(after !== undefined ? { after } : {}) });
          io.out(`Intrekken: "${preview.device.label}" (${preview.device.fingerprint}), afkappunt na wijziging nr. ${preview.after}.\n${preview.message}`);
          for (const u of preview.undone) io.out(`  ongedaan: nr. ${u.seq} (${when(u.at)}): ${u.summary}`);
          const ok = await confirmed(io, values.yes === true, 'Dit apparaat intrekken? (ja/nee) ', 'niet ingetrokken: bevestig met --yes.');
          if (!ok) return 1;
          const r = await call(ctx, 'devices.revoke', { device, reason: reason as (typeof REVOCATION_REASONS)[number], ...(after !== undefined ? { after } : {}) });
          io.out(`Ingetrokken. ${r.message}`);
          return 0;
        }
        throw new UsageError('device heeft approve, install of revoke nodig');
      },
    },
    'gemeente-key': {
      usage: 'gemeente-key export --out BESTAND | import BESTAND | rotate [--yes]   de gemeentesleutel (wachtwoord: gevraagd, of REGIE_PASSWORD)',
      run: async (ctx, args, io) => {
        const [sub, ...rest] = args;
        if (sub === 'export') {
          const { values } = parse(rest, { out: { type: 'string' } });
          if (!values.out) throw new UsageError('gemeente-key export heeft --out nodig');
          const pw = await password(io, 'Kies een wachtwoord voor het sleutelbestand (minstens 8 tekens):');
          const r = await call(ctx, 'gemeenteKey.export', { path: String(values.out), password: pw });
          io.out(`Gemeentesleutel geschreven naar ${r.fileName}, beveiligd met het wachtwoord. Bewaar bestand en wachtwoord gescheiden (bijvoorbeeld de USB-stick in de kluis).`);
          return 0;
        }
        if (sub === 'import') {
          const { positionals } = parse(rest, {}, 1);
          const pw = await password(io, 'Wachtwoord van het sleutelbestand:');
          const r = await call(ctx, 'gemeenteKey.import', { path: positionals[0]!, password: pw });
          io.out(`Gemeentesleutel van ${r.gemeenteName} ingelezen (vingerafdruk ${r.fingerprint}). Deze laptop kan nu laptops toevoegen en intrekken.`);
          return 0;
        }
        if (sub === 'rotate') {
          const { values } = parse(rest, { yes: { type: 'boolean' } });
          const ok = await confirmed(io, values.yes === true, 'De gemeentesleutel vervangen? Partners volgen vanzelf na uw volgende planbestand. (ja/nee) ', 'niet vervangen: bevestig met --yes.');
          if (!ok) return 1;
          const r = await call(ctx, 'gemeenteKey.rotate', {});
          io.out(`Nieuwe gemeentesleutel: ${r.fingerprint} (was ${r.previousFingerprint}); ${r.recertified} apparaat/apparaten opnieuw gecertificeerd. Stuur een planbestand naar elke partner.`);
          return 0;
        }
        throw new UsageError('gemeente-key heeft export, import of rotate nodig');
      },
    },
  };
}
