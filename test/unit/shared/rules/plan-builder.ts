// Builds small merged plans for the rule and settlement tests: the Kennemerland convenant of scenario 1
// and the Grand Prix of scenario 2, with readable ids so assertions can name the records.
import type { AgreementRecord, ProviderTerms } from '../../../../shared/domain/agreement';
import type { EventRecord } from '../../../../shared/domain/event';
import type { OfficerRecord, Qualifications } from '../../../../shared/domain/officer';
import type { AbsenceRecord, RequestRecord } from '../../../../shared/domain/request';
import type { ShiftRecord } from '../../../../shared/domain/shift';
import type { Assignment, PlanView } from '../../../../shared/rules/types';

export const BLOEMENDAAL = 'GM0377';
export const HEEMSTEDE = 'GM0397';
export const ZANDVOORT = 'GM0473';

/** Scenario 1: EUR 68/hour, +20 % evening, +40 % night, +70 % weekend, +100 % feestdag. */
export const CONVENANT_TERMS: ProviderTerms = { model: 'tariff', hourlyCents: 6800, surcharges: { evening: 20, night: 40, weekend: 70, holiday: 100 } };

const HASH = 'a'.repeat(64);

export class PlanBuilder {
  readonly view: PlanView = { officers: [], events: [], shifts: [], requests: [], assignments: [], absences: [], agreements: [] };
  private seq = 0;
  private defaultEvent: EventRecord | undefined;
  /** The convenant, added on first use. */
  private convenantRecord: AgreementRecord | undefined;

  private next(prefix: string): string {
    this.seq += 1;
    // Zero-padded so that ids sort in the order they were made, as the violations are sorted by records.
    return `${prefix}${String(this.seq).padStart(3, '0')}`;
  }

  /** Scenario 1's convenant for 2027 between the three gemeenten, signed by all, in force all year. */
  convenant(overrides: Partial<AgreementRecord> = {}): AgreementRecord {
    const parties = overrides.parties ?? [BLOEMENDAAL, HEEMSTEDE, ZANDVOORT];
    const a: AgreementRecord = {
      id: overrides.id ?? this.next('ag'),
      title: 'Convenant handhaving evenementen 2027',
      parties,
      start: '2027-01-01',
      end: '2027-12-31',
      providers: Object.fromEntries(parties.map((p) => [p, CONVENANT_TERMS])),
      capHoursPerMonth: 120,
      mandate: { maxOfficers: 4, maxHours: null, escalateTo: 'teamleider handhaving' },
      proposer: ZANDVOORT,
      contentHash: HASH,
      signatures: parties.map((g) => ({ gemeente: g, contentHash: HASH, signedAt: '2026-12-01T10:00:00Z', terminateFrom: null })),
      signedByAll: true,
      terminatedFrom: null,
      ...overrides,
    };
    this.view.agreements.push(a);
    if (!this.convenantRecord) this.convenantRecord = a;
    return a;
  }

  /**
   * An officer of `employer`. The akte's werkgebied is the three gemeenten of the samenwerkingsverband by
   * default (an agreement does not extend it, so officers lent in the scenarios have it in their akte).
   */
  officer(name: string, employer = HEEMSTEDE, q: Partial<Qualifications> = {}): OfficerRecord {
    const o: OfficerRecord = {
      id: `of-${name.split(' ')[0]!.toLowerCase()}`,
      employer,
      name,
      qualifications: { domain: 'I', akteValidUntil: '2030-12-31', territory: [...new Set([employer, BLOEMENDAAL, HEEMSTEDE, ZANDVOORT])], force: ['handboeien'], trafficAppointed: null, ...q },
      contractHours: 36,
      active: true,
    };
    this.view.officers.push(o);
    return o;
  }

  event(overrides: Partial<EventRecord> = {}): EventRecord {
    const e: EventRecord = {
      id: this.next('ev'),
      host: ZANDVOORT,
      name: 'Dutch Grand Prix',
      place: 'Circuit Zandvoort / boulevard',
      start: '2027-08-27T08:00',
      end: '2027-08-30T02:00',
      risk: 'C',
      visitors: 105_000,
      status: 'vergund',
      updatedAt: '2027-01-01T00:00:00Z',
      ...overrides,
    };
    this.view.events.push(e);
    return e;
  }

  shift(start: string, end: string, overrides: Partial<ShiftRecord> = {}): ShiftRecord {
    const event = overrides.eventId ? undefined : (this.defaultEvent ??= this.event());
    const s: ShiftRecord = {
      id: this.next('sh'),
      host: event?.host ?? ZANDVOORT,
      eventId: event?.id ?? '',
      start,
      end,
      role: 'toezicht',
      needed: 12,
      inPairs: false,
      qualifications: [],
      cancelled: false,
      ...overrides,
    };
    this.view.shifts.push(s);
    return s;
  }

  request(shift: ShiftRecord, provider: string, overrides: Partial<RequestRecord> = {}): RequestRecord {
    const own = provider === shift.host;
    const r: RequestRecord = {
      id: this.next('rq'),
      host: shift.host,
      shiftId: shift.id,
      provider,
      agreementId: own ? null : (this.convenantRecord ?? this.convenant()).id,
      count: 4,
      note: '',
      withdrawn: false,
      escalation: { needed: false, role: null, approvedBy: null, approvedAt: null },
      answer: null,
      committed: 0,
      status: 'open',
      ...overrides,
    };
    this.view.requests.push(r);
    return r;
  }

  /** An assignment of `officer` to `shift` under `request` (one is made from the officer's employer if absent). */
  assignment(officer: OfficerRecord, shift: ShiftRecord, request?: RequestRecord, reasons: Record<string, string> = {}): Assignment {
    const r = request ?? this.request(shift, officer.employer);
    return {
      commitmentId: this.next('cm'),
      officerId: officer.id,
      shiftId: shift.id,
      requestId: r.id,
      provider: r.provider,
      host: r.host,
      agreementId: r.agreementId,
      start: shift.start,
      end: shift.end,
      reasons,
    };
  }

  assign(officer: OfficerRecord, shift: ShiftRecord, request?: RequestRecord, reasons: Record<string, string> = {}): Assignment {
    const a = this.assignment(officer, shift, request, reasons);
    this.view.assignments.push(a);
    return a;
  }

  /** Shortcut: a shift of its own for this officer, requested from the employer, assigned. */
  work(officer: OfficerRecord, start: string, end: string, reasons: Record<string, string> = {}): Assignment {
    return this.assign(officer, this.shift(start, end), undefined, reasons);
  }

  absence(officer: OfficerRecord, start: string, end: string, cancelled = false): AbsenceRecord {
    const a: AbsenceRecord = { id: this.next('ab'), employer: officer.employer, officerId: officer.id, start, end, cancelled };
    this.view.absences.push(a);
    return a;
  }
}
