// The exchange commands of `regie` (init, card, trust, export, verify, import, state-hash, demo), each a thin
// layer over api calls so the command line and the app behave alike.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createInterface } from 'node:readline/promises';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import { readCardFile } from '../exchange/service';
import { previewText, verifyText } from './preview-text';
import { reportCommand } from './report-command';
import { postbusCommand } from './postbus-command';
import { settleCommand } from './settle-command';
import { identityCommands } from './identity-command';
import { plural } from '../../shared/i18n/plural';

export class UsageError extends Error {}

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks a yes/no question when a person is at the terminal; undefined when nobody can answer. */
  confirm?: (question: string) => Promise<boolean>;
}

async function call<K extends MethodName>(ctx: AppContext, name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value as MethodResult<K>;
}

type Values = Record<string, string | boolean | undefined>;

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, positionals = 0): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (r.positionals.length !== positionals) throw new Error(positionals ? `verwacht ${positionals} bestand` : 'onverwacht argument');
    return { values: r.values as Values, positionals: r.positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

type Command = (ctx: AppContext, args: string[], io: CommandIo) => Promise<number>;

export const COMMANDS: Record<string, { usage: string; run: Command }> = {
  backup: {
    usage: 'backup [--list]                      maak nu een back-up, of toon de back-ups',
    run: async (ctx, args, io) => {
      const { values } = parse(args, { list: { type: 'boolean' } });
      if (values.list) {
        const list = await call(ctx, 'backups.list', {});
        io.out(list.length ? list.map((b) => `${b.name}  ${b.kind}  ${(b.bytes / 1024 / 1024).toFixed(1)} MB`).join('\n') : 'Nog geen back-ups.');
        return 0;
      }
      const b = await call(ctx, 'backups.create', {});
      io.out(`Back-up gemaakt: ${b.name}`);
      return 0;
    },
  },
  restore: {
    usage: 'restore NAAM [--yes]                 zet een back-up terug (dit apparaat krijgt een nieuwe sleutel)',
    run: async (ctx, args, io) => {
      const { values, positionals } = parse(args, { yes: { type: 'boolean' } }, 1);
      let yes = values.yes === true;
      if (!yes && io.confirm) yes = await io.confirm(`Back-up ${positionals[0]} terugzetten? De huidige database blijft bewaard. (ja/nee) `);
      if (!yes) {
        io.err('regie: niet teruggezet: bevestig met --yes.');
        return 1;
      }
      const r = await call(ctx, 'backups.restore', { name: positionals[0]! });
      io.out(`${r.message}\nNieuwe vingerafdruk: ${r.fingerprint}`);
      return 0;
    },
  },
  init: {
    usage: 'init --gemeente CODE --device NAAM   richt deze kopie in; toont de vingerafdruk',
    run: async (ctx, args, io) => {
      const { values } = parse(args, { gemeente: { type: 'string' }, device: { type: 'string' } });
      if (!values.gemeente || !values.device) throw new UsageError('init heeft --gemeente en --device nodig');
      const me = await call(ctx, 'setup.init', { gemeente: String(values.gemeente), deviceLabel: String(values.device) });
      const key = await call(ctx, 'gemeente.key', {});
      io.out(
        `${me.gemeenteName} (${me.gemeente}), apparaat "${me.deviceLabel}".\nVingerafdruk: ${key.fingerprint ?? me.fingerprint}${key.fingerprint ? ' (gemeentesleutel: partners vergelijken deze één keer per gemeente)' : ''}`,
      );
      return 0;
    },
  },
  card: {
    usage: 'card --out BESTAND                   schrijf de identiteitskaart van dit apparaat',
    run: async (ctx, args, io) => {
      const { values } = parse(args, { out: { type: 'string' } });
      if (!values.out) throw new UsageError('card heeft --out nodig');
      const card = await call(ctx, 'identity.card', {});
      await writeFile(resolve(String(values.out)), card.content);
      io.out(`Identiteitskaart geschreven naar ${String(values.out)}.`);
      return 0;
    },
  },
  trust: {
    usage: 'trust KAART [--yes]                  toon een partnerkaart; vertrouw na bevestiging',
    run: async (ctx, args, io) => {
      const { values, positionals } = parse(args, { yes: { type: 'boolean' } }, 1);
      const content = await readCardFile(positionals[0]!);
      const info = await call(ctx, 'partners.inspectCard', { content });
      io.out(`Gemeente: ${info.gemeenteName} (${info.gemeente})\nApparaat: ${info.deviceLabel}\nVingerafdruk: ${info.fingerprint}${info.gemeenteKey ? ' (gemeentesleutel)' : ''}`);
      if (info.trusted) {
        io.out(info.gemeenteKey ? 'Deze gemeente wordt al vertrouwd.' : 'Dit apparaat wordt al vertrouwd.');
        return 0;
      }
      let yes = values.yes === true;
      if (!yes && io.confirm) yes = await io.confirm('Bel uw contactpersoon en laat de vingerafdruk voorlezen. Komt die precies overeen? (ja/nee) ');
      if (!yes) {
        io.err('regie: niet vertrouwd: bevestig met --yes nadat u de vingerafdruk telefonisch hebt vergeleken.');
        return 1;
      }
      const r = await call(ctx, 'partners.trust', { content, fingerprint: info.fingerprint });
      io.out(
        `${r.gemeenteName} (${r.deviceLabel}) is nu een vertrouwde partner.${r.released ? ` ${plural('nl', r.released, { one: 'wachtende wijziging', other: 'wachtende wijzigingen' })} verwerkt.` : ''}`,
      );
      return 0;
    },
  },
  export: {
    usage: 'export (--to CODE[,CODE] | --all) --out BESTAND [--full] [--encrypt]   schrijf een planbestand (--encrypt: versleuteld voor de ontvangers)',
    run: async (ctx, args, io) => {
      const { values } = parse(args, { to: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' }, full: { type: 'boolean' }, encrypt: { type: 'boolean' } });
      if (!values.out || (!values.to && !values.all) || (values.to && values.all)) throw new UsageError('export heeft --out en óf --to óf --all nodig');
      const to = values.all
        ? ('all' as const)
        : String(values.to)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
      const r = await call(ctx, 'exchange.export', { to, full: values.full === true, encrypt: values.encrypt === true, path: String(values.out) });
      io.out(`Planbestand voor ${r.to.join(', ')} geschreven naar ${r.path}: ${plural('nl', r.entries, { one: 'wijziging', other: 'wijzigingen' })}, ${r.bytes} bytes.`);
      return 0;
    },
  },
  verify: {
    usage: 'verify BESTAND                       controleer een planbestand; wijzigt niets',
    run: async (ctx, args, io) => {
      const { positionals } = parse(args, {}, 1);
      const v = await call(ctx, 'exchange.verify', { path: positionals[0]! });
      if (!v.valid) {
        io.err(`regie: ongeldig: ${v.problems.join(' ')}`);
        return 1;
      }
      io.out(verifyText(v));
      return 0;
    },
  },
  import: {
    usage: 'import BESTAND [--yes] [--json]      toon wat inlezen doet; met --yes: lees in',
    run: async (ctx, args, io) => {
      const { values, positionals } = parse(args, { yes: { type: 'boolean' }, json: { type: 'boolean' } }, 1);
      const path = positionals[0]!;
      let preview;
      try {
        // Applying does not evaluate the rules (a region's import would pay for it); the rehearsal just before
        // is the same import, so its violations are the ones the applied file brings.
        const rehearsal = await call(ctx, 'exchange.preview', { path });
        preview = values.yes ? { ...(await call(ctx, 'exchange.import', { path })), violations: rehearsal.violations } : rehearsal;
      } catch (err) {
        // The same file twice: nothing to do, which is not a failure.
        if (err instanceof ApiError && err.code === 'already_imported') {
          io.out(err.message);
          return 0;
        }
        throw err;
      }
      io.out(values.json ? JSON.stringify(preview, null, 2) : previewText(preview, ctx.identity()?.gemeente ?? ''));
      return 0;
    },
  },
  'state-hash': {
    usage: 'state-hash                           controlegetal van de gedeelde planning',
    run: async (ctx, args, io) => {
      parse(args, {});
      io.out((await call(ctx, 'state.hash', {})).hash);
      return 0;
    },
  },
  demo: {
    usage: 'demo --seed N [--scale small|region|stress|week] schrijf voorbeeldgegevens (region: heel Kennemerland, 5 jaar; stress: 50 jaar, 10x; week: een week erbij)',
    run: async (ctx, args, io) => {
      const { values } = parse(args, { seed: { type: 'string' }, scale: { type: 'string' } });
      const seed = Number(values.seed);
      if (values.seed === undefined || !Number.isInteger(seed) || seed < 0) throw new UsageError('demo heeft --seed met een geheel getal nodig');
      const scale = values.scale ?? 'small';
      if (scale !== 'small' && scale !== 'region' && scale !== 'stress' && scale !== 'week') throw new UsageError('--scale is small, region, stress of week');
      const started = Date.now();
      const r = await call(ctx, 'demo.generate', { seed, scale });
      const label: Record<string, string> = {
        gemeenten: 'gemeenten',
        officers: 'handhavers',
        events: 'evenementen',
        shifts: 'diensten',
        agreements: 'afspraken voorgesteld',
        signatures: 'ondertekend',
        requests: 'verzoeken',
        commitments: 'toezeggingen',
        entries: 'wijzigingen',
      };
      const parts = Object.entries(label)
        .filter(([k]) => r[k] !== undefined)
        .map(([k, l]) => `${r[k]} ${l}`);
      io.out(`Voorbeeldgegevens geschreven in ${((Date.now() - started) / 1000).toFixed(1)} s: ${parts.join(', ')}.`);
      return 0;
    },
  },
  report: reportCommand(UsageError),
  postbus: postbusCommand(UsageError),
  settle: settleCommand(UsageError),
  ...identityCommands(UsageError),
};

export function terminalConfirm(): CommandIo['confirm'] {
  if (!process.stdin.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return /^(j|ja|y|yes)$/i.test((await rl.question(question)).trim());
    } finally {
      rl.close();
    }
  };
}
