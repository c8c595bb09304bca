// `regie postbus`: choose the shared folder, see its state, automatic import per partner, one round now
// (`run`, for a scheduled task), or keep it running (`watch`) until stopped. Same api as the app.
import { resolve } from 'node:path';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { PostbusRoundResult, PostbusStatus } from '../../shared/api/postbus';
import { ApiError } from '../../shared/api/errors';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import { PostbusRunner, timingFrom } from '../postbus/runner';
import { roundResult } from '../postbus/handlers';
import type { CommandIo } from './commands';
import { plural } from '../../shared/i18n/plural';

type UsageErrorClass = new (message: string) => Error;

const USAGE = 'postbus set MAP [--alle] [--versleutelen] | status | auto CODE aan|uit | run | watch   de gedeelde map als postbus (run: één ronde; watch: blijft lopen)';

async function call<K extends MethodName>(ctx: AppContext, name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value as MethodResult<K>;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' }) : 'nog niet');

export function statusText(s: PostbusStatus): string {
  if (!s.configured) return 'Er is geen postbus gekozen. Kies een gedeelde map met: regie postbus set MAP';
  const lines = [
    `Postbus: ${s.dir}${s.mode === 'all' ? ' (één bestand voor alle partners)' : ' (een bestand per partner)'}${s.encrypt ? ', versleuteld' : ''}`,
    `Laatst geschreven: ${when(s.lastWritten)}. Laatst gelezen: ${when(s.lastRead)}.`,
  ];
  if (s.error) lines.push(`Let op: ${s.error.message}`);
  for (const p of s.partners) {
    lines.push(
      `  ${p.gemeenteName} (${p.gemeente}): ${p.firstSeen ? `schrijft in de postbus sinds ${when(p.firstSeen)}, laatst ${when(p.lastSeen)}` : 'nog niet gezien in de postbus'}; automatisch inlezen ${p.auto ? 'aan' : 'uit'}${p.trusted ? '' : '; niet vertrouwd'}`,
    );
  }
  lines.push(s.waiting.length ? `Wachten op u (${s.waiting.length}):` : 'Er wachten geen bestanden op u.');
  for (const w of s.waiting) lines.push(`  ${w.name}: ${w.reason}`);
  if (s.log.length) {
    lines.push('Logboek (nieuwste eerst):');
    for (const l of s.log.slice(0, 10)) lines.push(`  ${when(l.at)}  ${l.name ? `${l.name}: ` : ''}${l.message}`);
  }
  return lines.join('\n');
}

export function roundText(r: PostbusRoundResult): string {
  if (r.error && r.written.length === 0 && r.read.length === 0) return `Geen ronde: ${r.error}`;
  const lines: string[] = [];
  for (const w of r.written) lines.push(`Geschreven: ${w.name} voor ${w.to.map(gemeenteName).join(', ')} (${plural('nl', w.entries, { one: 'wijziging', other: 'wijzigingen' })}, ${w.bytes} bytes)`);
  for (const o of r.read) {
    const label = { applied: 'Ingelezen', waiting: 'Wacht op u', refused: 'Geweigerd', ignored: 'Genegeerd', duplicate: 'Al gelezen', ack: 'Bevestiging gelezen' }[o.state] ?? o.state;
    lines.push(`${label}: ${o.name}${o.reason ? ` — ${o.reason}` : ''}`);
  }
  for (const n of r.changing) lines.push(`Nog niet compleet (later opnieuw): ${n}`);
  for (const n of r.removed) lines.push(`Opgeruimd: ${n}`);
  if (r.error) lines.push(`Let op: ${r.error}`);
  if (lines.length === 0) lines.push('Niets te doen: niets nieuws om te schrijven of te lezen.');
  return lines.join('\n');
}

export function postbusCommand(UsageError: UsageErrorClass): { usage: string; run: (ctx: AppContext, args: string[], io: CommandIo) => Promise<number> } {
  return {
    usage: USAGE,
    run: async (ctx, args, io) => {
      const [sub, ...rest] = args;
      switch (sub) {
        case 'set': {
          const flags = rest.filter((a) => a.startsWith('--'));
          const dirs = rest.filter((a) => !a.startsWith('--'));
          const unknown = flags.filter((f) => !['--alle', '--versleutelen', '--all', '--encrypt'].includes(f));
          if (dirs.length !== 1 || unknown.length) throw new UsageError('postbus set heeft één map nodig (en eventueel --alle, --versleutelen)');
          const status = await call(ctx, 'postbus.set', {
            dir: dirs[0] === '-' ? null : resolve(dirs[0]!),
            mode: flags.includes('--alle') || flags.includes('--all') ? 'all' : 'partner',
            encrypt: flags.includes('--versleutelen') || flags.includes('--encrypt'),
          });
          io.out(statusText(status));
          return 0;
        }
        case 'status':
          if (rest.length) throw new UsageError('postbus status heeft geen argumenten');
          io.out(statusText(await call(ctx, 'postbus.status', {})));
          return 0;
        case 'auto': {
          const [code, value] = rest;
          const on = value === 'aan' || value === 'on' ? true : value === 'uit' || value === 'off' ? false : undefined;
          if (!code || on === undefined || rest.length !== 2) throw new UsageError('postbus auto heeft een gemeentecode en aan of uit nodig');
          await call(ctx, 'postbus.auto', { gemeente: code, on });
          io.out(`Automatisch inlezen van ${gemeenteName(code)} staat ${on ? 'aan' : 'uit'}.`);
          return 0;
        }
        case 'run': {
          if (rest.length) throw new UsageError('postbus run heeft geen argumenten');
          const r = await call(ctx, 'postbus.run', {});
          io.out(roundText(r));
          // The round ran when the folder could be used; refused files are listed, not a failure.
          if (r.error && r.written.length === 0 && r.read.length === 0) {
            io.err(`regie: ${r.error}`);
            return 1;
          }
          return 0;
        }
        case 'watch': {
          if (rest.length) throw new UsageError('postbus watch heeft geen argumenten');
          const status = await call(ctx, 'postbus.status', {});
          if (!status.configured) throw new ApiError('refused', 'Er is nog geen postbus gekozen: regie postbus set MAP');
          await watchUntilStopped(ctx, io);
          return 0;
        }
        default:
          throw new UsageError(`onbekende postbus-opdracht "${sub ?? ''}"`);
      }
    },
  };
}

/** Runs the postbus as the app would until SIGINT or SIGTERM; then writes what changed and stops. */
async function watchUntilStopped(ctx: AppContext, io: CommandIo): Promise<void> {
  const runner = new PostbusRunner(
    ctx,
    timingFrom(),
    (err) => io.err(`regie: postbus: ${(err as Error).message}`),
    (r) => {
      const result = roundResult(r);
      if (result.written.length || result.read.length || result.removed.length || result.error) io.out(roundText(result));
    },
  );
  io.out(`Postbus actief; stoppen met Ctrl+C.`);
  const report = setInterval(() => undefined, 60_000); // keeps the process alive while the runner's timers are unref'd
  runner.start();
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  clearInterval(report);
  await runner.flush();
  io.out('Postbus gestopt.');
}
