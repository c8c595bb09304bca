// `regie settle`: vaststellen from the command line (propose, sign, list, show), through the same api
// methods as the Vaststellen panel in Rapportage. Takes the CLI's usage-error class to avoid an import cycle.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { describePeriod } from '../../shared/reports/period';
import type { StatementDetail, StatementSummary } from '../../shared/settlement/statement-types';
import type { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import type { CommandIo } from './commands';
import { parsePeriod } from './report-command';
import { hours2, money2 } from '../../shared/reports/format';

type UsageErrorClass = new (message: string) => Error;

const USAGE = `settle propose --pair CODE:CODE --period P   stel de verrekening van een periode voor (P: 2027-08, 2027-Q3, 2027)
         settle sign ID                              onderteken het voorstel van de partner (als het klopt met uw planning)
         settle list [--pair CODE:CODE]              alle verrekeningen met hun status
         settle show ID [--format csv|pdf --out BESTAND]  regels, correcties, handtekeningen; of de factuurgrondslag`;

async function call<K extends MethodName>(ctx: AppContext, name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value as MethodResult<K>;
}

const STATUS = { proposed: 'voorgesteld', vastgesteld: 'VASTGESTELD', superseded: 'vervallen' } as const;

function summaryLine(s: StatementSummary): string {
  const signed = s.signatures.map((x) => `${x.gemeenteName} ${x.signedAt.slice(0, 10)}`).join(', ');
  return `${s.number}  ${s.aName} – ${s.bName}  ${s.from} t/m ${s.to}  ${STATUS[s.status]}${s.stale ? ' (klopt niet meer met de planning)' : ''}  ${hours2(s.minutes)} uur, ${money2(s.amountCents)}  ondertekend: ${signed || 'niemand'}\n    id ${s.id}`;
}

function detailText(d: StatementDetail): string {
  const c = d.content;
  const out = [summaryLine(d.summary), `Periode: ${describePeriod(c)}`];
  for (const s of d.summary.signatures) out.push(`  Ondertekend door ${s.gemeenteName} op ${s.signedAt}, vingerafdruk ${s.fingerprint}`);
  for (const l of c.lines) out.push(`  ${l.start} – ${l.end}  ${l.officerName}, ${l.eventName}: ${hours2(l.minutes)} uur, ${money2(l.amountCents)}`);
  for (const k of c.corrections)
    out.push(
      `  Correctie op ${k.corrects.number} (${k.kind === 'credit' ? 'credit' : 'extra'}): ${k.officerName}, ${k.eventName} ${k.start.slice(0, 10)}: ${hours2(k.minutes)} uur, ${money2(k.amountCents)} — ${k.reason}, door ${k.byName}${k.on ? ` op ${k.on}` : ''}`,
    );
  for (const due of c.due)
    out.push(`  Te betalen: ${money2(due.amountCents)} door ${due.host === c.a ? d.summary.aName : d.summary.bName} aan ${due.provider === c.a ? d.summary.aName : d.summary.bName}`);
  if (c.balance)
    out.push(
      `  Gesloten beurs: beginsaldo ${hours2(c.balance.openingMinutes)}, deze periode ${hours2(c.balance.periodMinutes)}, correcties ${hours2(c.balance.correctionMinutes)}, eindsaldo ${hours2(c.balance.closingMinutes)} uur (positief: ${d.summary.bName} is ${d.summary.aName} uren verschuldigd)`,
    );
  out.push(`Controlegetal tekst: ${d.summary.contentHash}`);
  return out.join('\n');
}

export function settleCommand(UsageError: UsageErrorClass): { usage: string; run: (ctx: AppContext, args: string[], io: CommandIo) => Promise<number> } {
  const usage = (message: string) => new UsageError(message);
  const pairOf = (text: string | undefined): [string, string] => {
    const parts = (text ?? '').split(/[:,]/);
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw usage('--pair is twee gemeentecodes, bijvoorbeeld GM0397:GM0473');
    return [parts[0].trim().toUpperCase(), parts[1].trim().toUpperCase()];
  };
  return {
    usage: USAGE,
    run: async (ctx, args, io) => {
      let parsed;
      try {
        parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { pair: { type: 'string' }, period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } });
      } catch (err) {
        throw usage((err as Error).message);
      }
      const { values: v, positionals } = parsed;
      const [what, id, ...extra] = positionals;
      if (extra.length > 0) throw usage(`onverwacht argument ${extra[0]}`);
      switch (what) {
        case 'propose': {
          const period = v.period === undefined ? undefined : parsePeriod(v.period);
          if (!period) throw usage('propose heeft --period nodig: een maand (2027-08), een kwartaal (2027-Q3) of een jaar (2027)');
          const s = await call(ctx, 'settle.propose', { pair: pairOf(v.pair), ...period });
          io.out(`Voorgesteld en namens uw gemeente ondertekend. Stuur een planbestand naar de partner om te laten ondertekenen.\n${summaryLine(s)}`);
          return 0;
        }
        case 'sign': {
          if (!id) throw usage('sign heeft het id van de verrekening nodig (zie regie settle list)');
          const shown = await call(ctx, 'settle.show', { id });
          const s = await call(ctx, 'settle.sign', { id, contentHash: shown.summary.contentHash });
          io.out(`${s.status === 'vastgesteld' ? 'Ondertekend: de periode is vastgesteld.' : 'Ondertekend.'}\n${summaryLine(s)}`);
          return 0;
        }
        case 'list': {
          const list = await call(ctx, 'settle.list', v.pair ? { pair: pairOf(v.pair) } : {});
          io.out(list.length ? list.map(summaryLine).join('\n') : 'Nog geen verrekeningen voorgesteld.');
          return 0;
        }
        case 'show': {
          if (!id) throw usage('show heeft het id van de verrekening nodig (zie regie settle list)');
          io.out(detailText(await call(ctx, 'settle.show', { id })));
          if (v.out === undefined) return 0;
          const format = v.format ?? (v.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'csv');
          if (format !== 'csv' && format !== 'pdf') throw usage('--format is csv of pdf');
          const f = await call(ctx, 'settle.file', { id, format });
          await writeFile(resolve(v.out), Buffer.from(f.base64, 'base64'));
          io.out(`${format === 'pdf' ? 'PDF' : 'CSV'} geschreven naar ${v.out} (${f.bytes} bytes).`);
          return 0;
        }
        default:
          throw usage(what ? `onbekende opdracht "${what}": kies propose, sign, list of show` : 'kies propose, sign, list of show');
      }
    },
  };
}
