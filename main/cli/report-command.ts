// `regie report`: settlement statements, hours, briefing rosters and iCal files from the command line, through
// the same api methods as Rapportage in the app. Takes the CLI's usage-error class so it has no import cycle.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { periodOf, describePeriod, type Period } from '../../shared/reports/period';
import type { ReportFileRequest } from '../../shared/api/reports';
import type { SettlementStatement } from '../../shared/reports/types';
import type { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import type { CommandIo } from './commands';
import { plural } from '../../shared/i18n/plural';
import { groupedHash, hours2, MODEL_LABEL, money2 } from '../../shared/reports/format';

type UsageErrorClass = new (message: string) => Error;

const USAGE = `report settlement (--period P | --from DATUM --to DATUM) [--pair CODE:CODE] [--format csv|pdf --out BESTAND]
         report hours (--period P | --from DATUM --to DATUM) [--out BESTAND.csv]
         report roster --event ID [--contact-name NAAM] [--contact-phone TELEFOON] [--phones] --out BESTAND.pdf
         report ical (--officer ID | --event ID) --out BESTAND.ics
         report cooperation (--period P | --from DATUM --to DATUM) [--gemeente CODE] [--format pdf|csv --out BESTAND]
         (P is een maand 2027-08, een kwartaal 2027-Q3 of een jaar 2027; zonder --out: overzicht op het scherm)`;

async function call<K extends MethodName>(ctx: AppContext, name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value as MethodResult<K>;
}

/** '2027-08', '2027-Q3' or '2027', or undefined when it is none of these. */
export function parsePeriod(text: string): Period | undefined {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return periodOf('month', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-[Qq]([1-4])$/.exec(text);
  if (m) return periodOf('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(text);
  return m ? periodOf('year', Number(m[1])) : undefined;
}

function statementText(s: SettlementStatement): string {
  const st = s.settlement;
  const lines = [`Verrekening ${describePeriod(st.period)}${s.pair ? `, ${s.pair.aName} – ${s.pair.bName}` : ', alle gemeenten'}`];
  for (const p of st.pairs)
    lines.push(`  ${p.providerName} aan ${p.hostName} (${MODEL_LABEL[p.model]}): ${plural('nl', p.lines, { one: 'dienst', other: 'diensten' })}, ${hours2(p.minutes)} uur, ${money2(p.amountCents)}`);
  if (st.pairs.length === 0) lines.push('  Geen uitgeleende handhavers in deze periode.');
  lines.push(`  Totaal: ${plural('nl', st.totals.lines, { one: 'dienst', other: 'diensten' })}, ${hours2(st.totals.minutes)} uur, ${money2(st.totals.amountCents)}`);
  for (const n of st.netting) {
    const name = (code: string | null) => (code === n.a ? n.aName : n.bName);
    lines.push(n.owedBy ? `  Gesloten beurs: ${name(n.owedBy)} is ${hours2(n.netMinutes)} uur verschuldigd aan ${name(n.owedTo)}` : `  Gesloten beurs ${n.aName} – ${n.bName}: gelijk`);
  }
  lines.push(`Controlegetal planning: ${groupedHash(s.stateHash)}`);
  return lines.join('\n');
}

export function reportCommand(UsageError: UsageErrorClass): { usage: string; run: (ctx: AppContext, args: string[], io: CommandIo) => Promise<number> } {
  const usage = (message: string) => new UsageError(message);

  function parse(args: string[]) {
    try {
      return parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          period: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          pair: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string' },
          event: { type: 'string' },
          officer: { type: 'string' },
          'contact-name': { type: 'string' },
          'contact-phone': { type: 'string' },
          gemeente: { type: 'string' },
          phones: { type: 'boolean' },
        },
      });
    } catch (err) {
      throw usage((err as Error).message);
    }
  }

  function periodFrom(v: { period?: string | undefined; from?: string | undefined; to?: string | undefined }): Period {
    if (v.period !== undefined) {
      if (v.from !== undefined || v.to !== undefined) throw usage('gebruik --period óf --from en --to');
      const p = parsePeriod(v.period);
      if (!p) throw usage(`--period ${v.period}: gebruik een maand (2027-08), een kwartaal (2027-Q3) of een jaar (2027)`);
      return p;
    }
    if (v.from === undefined || v.to === undefined) throw usage('geef een periode: --period, of --from en --to (jjjj-mm-dd)');
    return { from: v.from, to: v.to };
  }

  async function write(ctx: AppContext, io: CommandIo, out: string, req: ReportFileRequest): Promise<void> {
    const f = await call(ctx, 'reports.file', req);
    const path = resolve(out);
    await writeFile(path, Buffer.from(f.base64, 'base64'));
    io.out(`${f.fileName.endsWith('.pdf') ? 'PDF' : f.fileName.endsWith('.ics') ? 'iCal-bestand' : 'CSV'} geschreven naar ${out} (${f.bytes} bytes).`);
  }

  return {
    usage: USAGE,
    run: async (ctx, args, io) => {
      const { values: v, positionals } = parse(args);
      const [what, ...extra] = positionals;
      if (extra.length > 0) throw usage(`onverwacht argument ${extra[0]}`);
      switch (what) {
        case 'settlement': {
          const period = periodFrom(v);
          let pair: [string, string] | undefined;
          if (v.pair !== undefined) {
            const parts = v.pair.split(/[:,]/);
            if (parts.length !== 2 || !parts[0] || !parts[1]) throw usage('--pair is twee gemeentecodes, bijvoorbeeld GM0397:GM0473');
            pair = [parts[0].trim().toUpperCase(), parts[1].trim().toUpperCase()];
          }
          const statement = await call(ctx, 'reports.settlement', { ...period, ...(pair ? { pair } : {}) });
          io.out(statementText(statement));
          if (v.out === undefined) {
            if (v.format !== undefined) throw usage('--format heeft --out nodig');
            return 0;
          }
          const format = v.format ?? (v.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'csv');
          if (format !== 'csv' && format !== 'pdf') throw usage('--format is csv of pdf');
          await write(ctx, io, v.out, { kind: 'settlement', format, ...period, ...(pair ? { pair } : {}) });
          return 0;
        }
        case 'hours': {
          const period = periodFrom(v);
          if (v.format !== undefined && v.format !== 'csv') throw usage('uren worden als csv geëxporteerd');
          const r = await call(ctx, 'reports.hours', period);
          io.out(`Uren ${describePeriod(r.period)}: ${r.totals.assignments} inzet(ten), ${hours2(r.totals.minutes)} uur.`);
          for (const o of r.officers) io.out(`  ${o.name}: ${plural('nl', o.shifts, { one: 'dienst', other: 'diensten' })}, ${hours2(o.minutes)} uur (uitgeleend ${hours2(o.lentMinutes)})`);
          for (const c of r.caps) io.out(`  ${c.title}, ${c.providerName}, ${c.month}: ${hours2(c.minutes)} van ${c.capHours} uur (${c.percent}%)${c.over ? ' BOVEN HET MAXIMUM' : ''}`);
          if (v.out !== undefined) await write(ctx, io, v.out, { kind: 'hours', format: 'csv', ...period });
          return 0;
        }
        case 'roster': {
          if (!v.event || !v.out) throw usage('roster heeft --event en --out nodig');
          if (v.format !== undefined && v.format !== 'pdf') throw usage('een briefingrooster is een pdf');
          const hasContact = v['contact-name'] !== undefined || v['contact-phone'] !== undefined;
          const saved = hasContact ? await call(ctx, 'reports.contact', {}) : undefined;
          const contact = saved ? { name: v['contact-name'] ?? saved.name, phone: v['contact-phone'] ?? saved.phone } : undefined;
          await write(ctx, io, v.out, { kind: 'roster', eventId: v.event, phones: v.phones === true, ...(contact ? { contact } : {}) });
          return 0;
        }
        case 'ical': {
          if (!v.out || (v.officer === undefined) === (v.event === undefined)) throw usage('ical heeft --out en óf --officer óf --event nodig');
          await write(ctx, io, v.out, v.officer !== undefined ? { kind: 'ical-officer', officerId: v.officer } : { kind: 'ical-event', eventId: v.event! });
          return 0;
        }
        case 'cooperation': {
          const period = periodFrom(v);
          const gemeente = v.gemeente?.toUpperCase();
          const r = await call(ctx, 'reports.cooperation', { ...period, ...(gemeente ? { gemeente } : {}) });
          io.out(
            `Samenwerking ${describePeriod(r.period)}, ${r.gemeenteName ?? 'hele regio'}: ${hours2(r.totals.minutes)} uur geleend, ${money2(r.totals.amountCents)}; ${r.requestTotals.made} verzoeken, ${r.requestTotals.answered} met inzet, ${r.requestTotals.declined} afgewezen.`,
          );
          for (const b of r.balance) io.out(`  ${b.name}: gegeven ${hours2(b.givenMinutes)} uur, ontvangen ${hours2(b.receivedMinutes)} uur, saldo ${hours2(b.netMinutes)}`);
          if (v.out === undefined) {
            if (v.format !== undefined) throw usage('--format heeft --out nodig');
            return 0;
          }
          const format = v.format ?? (v.out.toLowerCase().endsWith('.csv') ? 'csv' : 'pdf');
          if (format !== 'csv' && format !== 'pdf') throw usage('--format is pdf of csv');
          const f = await call(ctx, 'reports.cooperationFile', { ...period, ...(gemeente ? { gemeente } : {}), format });
          await writeFile(resolve(v.out), Buffer.from(f.base64, 'base64'));
          io.out(`${format === 'pdf' ? 'PDF' : 'CSV'} geschreven naar ${v.out} (${f.bytes} bytes).`);
          return 0;
        }
        default:
          throw usage(what ? `onbekend rapport "${what}": kies settlement, hours, roster, ical of cooperation` : 'kies een rapport: settlement, hours, roster, ical of cooperation');
      }
    },
  };
}
