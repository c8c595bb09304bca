// The api methods of Vaststellen (co-signed settlement statements) and of Rapportage › Samenwerking
// (management information for the samenwerkingsverband), spread into the contract.
import { z } from 'zod';
import { method, returns } from './method';
import { GEMEENTE_CODE } from '../domain/gemeenten';
import { isoDate } from '../domain/agreement';
import type { ReportFile } from '../reports/types';
import type { CooperationReport } from '../reports/cooperation-types';
import type { StatementDetail, StatementPanel, StatementSummary } from '../settlement/statement-types';
import { lazySchema } from '../domain/lazy-schema';

const code = lazySchema(() => z.string().regex(GEMEENTE_CODE, { error: 'gemeente.unknown' }));
const pair = lazySchema(() => z.tuple([code, code]));
const period = { from: isoDate, to: isoDate };
const statementRef = lazySchema(() => z.string().min(20).max(64));
const sha256 = lazySchema(() => z.string().regex(/^[0-9a-f]{64}$/, { error: 'field.invalid' }));

export const settleMethods = {
  'settle.panel': method(
    () => z.object({ pair, ...period }).strict(),
    returns<StatementPanel>(),
    'Vaststellen voor een gemeentepaar en periode: de actuele berekening, de voorstellen en de vastgestelde verrekening.',
  ),
  'settle.propose': method(() => z.object({ pair, ...period }).strict(), returns<StatementSummary>(), 'Stel de verrekening van een periode voor (en onderteken haar namens de eigen gemeente).'),
  'settle.sign': method(
    () => z.object({ id: statementRef, contentHash: sha256 }).strict(),
    returns<StatementSummary>(),
    'Onderteken het voorstel van de partner, als het klopt met de eigen berekening.',
  ),
  'settle.list': method(() => z.object({ pair: pair.optional() }).strict(), returns<StatementSummary[]>(), 'Alle verrekeningen die deze kopie kent, met hun status.'),
  'settle.show': method(() => z.object({ id: statementRef }).strict(), returns<StatementDetail>(), 'Eén verrekening: regels, correcties, tariefgrondslag en handtekeningen.'),
  'settle.file': method(
    () => z.object({ id: statementRef, format: z.enum(['csv', 'pdf']) }).strict(),
    returns<ReportFile>(),
    'Factuurgrondslag van een verrekening (PDF of CSV) met documentnummer en beide handtekeningen.',
  ),
  'reports.cooperation': method(
    () => z.object({ ...period, gemeente: code.optional() }).strict(),
    returns<CooperationReport>(),
    'Managementinformatie van de samenwerking: geven en nemen per paar, verzoeken, bezetting, afspraken, kosten en trend.',
  ),
  'reports.cooperationFile': method(
    () => z.object({ ...period, gemeente: code.optional(), format: z.enum(['csv', 'pdf']) }).strict(),
    returns<ReportFile>(),
    'Verantwoording aan de raad: de managementinformatie als één PDF of CSV.',
  ),
} as const;

export type SettleMethodName = keyof typeof settleMethods;
