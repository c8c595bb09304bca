// The one handler table: every method of the contract, implemented once for IPC, host and CLI alike.
import { GEMEENTEN } from '../../shared/domain/gemeenten';
import { readIdentity } from '../log/log';
import { createEvent, getEvent, listEvents, updateEvent } from '../domain/events';
import { calendarRange } from '../domain/calendar-queries';
import { eventPlan, eventViolations } from '../domain/event-queries';
import { copyEvent, copyShift } from '../domain/copy';
import { onStoreOpened } from '../session/context';
import type { Db } from '../store/db';
import { backupNow, backups, restoreBackup } from '../domain/backups';
import { endDemo, startDemo } from '../generate/demo-profile';
import { refuseInDemo } from '../session/profile';
import { stateHash } from '../log/state-hash';
import { listConflicts } from '../exchange/conflicts';
import { applyPlanFile, rememberPreview } from '../exchange/background-import';
import { cardInfo, exportPlan, listPartners, ownCard, parseCard, previewImport, trustCard, verifyPlan } from '../exchange/service';
import { outbox } from '../exchange/outbox';
import { listNotices } from '../exchange/notices';
import { discardFile, exportFile, importFile, previewFile, verifyFile } from '../exchange/transfer-api';
import { generateDemo } from '../generate/demo';
import { generateRegion } from '../generate/region-generator';
import { cancelAbsence, createAbsence, createOfficer, getOfficerDetail, listAbsences, listOfficers, updateOfficer } from '../domain/officers';
import { getAgreement, listAgreements, proposeAgreement, reviseAgreement, signAgreement, terminateAgreement } from '../domain/agreements';
import { cancelShift, createShift, listShifts, updateShift } from '../domain/shifts';
import { approveRequest, commitOfficers, createRequest, declineRequest, listRequestsFor, withdrawCommitment, withdrawRequest } from '../domain/requests';
import { resolveConflict } from '../domain/resolve';
import { requestOverview } from '../domain/request-queries';
import { requestCandidates } from '../domain/candidate-queries';
import { assignOwnOfficers, shiftCandidates } from '../domain/direct-assign';
import { capacity } from '../domain/capacity-queries';
import { agreementUsage } from '../domain/agreement-queries';
import { auditRecord } from '../domain/audit';
import { listViolations } from '../domain/plan-view';
import { violationsOfRecords } from '../domain/work-view';
import { setViolationCheck } from '../exchange/violation-check';
import { setAfterImport } from '../exchange/after-import';
import { keepSettlementCurrent, settlementOf } from '../domain/settlement-queries';
import { reportHandlers } from '../reports/handlers';
import { postbusHandlers } from '../postbus/handlers';
import { identityHandlers } from '../identity/handlers';
import { ensureGemeenteKey } from '../exchange/trust/store';
import { initCopy, setupStatus, toIdentity } from '../identity/setup';
import { settleHandlers } from '../reports/settle-handlers';

export type { Handler, Handlers } from '../session/handler-types';
import type { Handlers } from '../session/handler-types';

// A copy set up before gemeente keys gets one when it is opened, certifying this device; its data stays.
const gemeenteKeyOnOpen = (db: Db): void => ensureGemeenteKey(db, readIdentity(db));
onStoreOpened(gemeenteKeyOnOpen);
// The import preview's rule check: the violations of the records a file touches, from the plan of the officers
// and records involved (domain), not the whole plan.
setViolationCheck((db, touched) => violationsOfRecords(db, touched));
// The kept settlement lines are brought up to date in the import that applies new entries, so the first look
// at Verrekening after it finds them current (issue 22).
setAfterImport(keepSettlementCurrent);

export const handlers: Handlers = {
  'app.info': (ctx) => ({ version: ctx.version, dataDir: ctx.dataDir, transport: ctx.transport }),
  'setup.status': (ctx) => setupStatus(ctx),
  'setup.init': (ctx, { gemeente, deviceLabel }) => initCopy(ctx, gemeente, deviceLabel),
  'setup.startDemo': (ctx, { gemeente, deviceLabel }) => {
    const summary = startDemo(ctx, gemeente, deviceLabel);
    return { identity: toIdentity(ctx.me()), summary };
  },
  'setup.endDemo': (ctx) => (endDemo(ctx), { ok: true as const }),
  'store.moveAside': (ctx) => ({ movedTo: ctx.moveAside() }),
  'gemeenten.list': (_ctx, { region }) => (region ? GEMEENTEN.filter((g) => g.region === region) : [...GEMEENTEN]),
  'events.list': (ctx) => listEvents(ctx.db()),
  'events.get': (ctx, { id }) => getEvent(ctx.db(), id),
  'events.create': (ctx, fields) => createEvent(ctx.db(), ctx.me(), fields),
  'events.update': (ctx, { id, fields }) => updateEvent(ctx.db(), ctx.me(), id, fields),
  'events.copy': (ctx, { id, start, name }) => copyEvent(ctx.db(), ctx.me(), id, start, name),
  'events.plan': (ctx, { id }) => eventPlan(ctx.db(), id),
  'events.violations': (ctx, { id }) => eventViolations(ctx.db(), id),
  'calendar.range': (ctx, { from, to }) => calendarRange(ctx.db(), from, to),
  'shifts.copy': (ctx, { id, start }) => copyShift(ctx.db(), ctx.me(), id, start),
  'identity.card': (ctx) => ownCard(ctx.db(), ctx.me()),
  'partners.inspectCard': (ctx, { content }) => cardInfo(ctx.db(), parseCard(content)),
  'partners.trust': (ctx, { content, fingerprint }) => trustCard(ctx.db(), ctx.me(), content, fingerprint),
  'partners.list': (ctx) => listPartners(ctx.db()),
  'exchange.export': (ctx, { to, full, encrypt, path }) => (refuseInDemo(ctx, 'export'), exportPlan(ctx.db(), ctx.me(), path, { to, full, encrypt })),
  'exchange.verify': (ctx, { path }) => verifyPlan(ctx.db(), ctx.me(), path),
  'exchange.preview': async (ctx, { path }) => rememberPreview(path, await previewImport(ctx.db(), ctx.me(), path, false)),
  'exchange.import': (ctx, { path }) => applyPlanFile(ctx, path),
  'exchange.outbox': (ctx, { to, full }) => outbox(ctx.db(), ctx.me(), { to, full }),
  'exchange.exportFile': (ctx, args) => (refuseInDemo(ctx, 'export'), exportFile(ctx, args)),
  'exchange.verifyFile': (ctx, { fileId }) => verifyFile(ctx, fileId),
  'exchange.previewFile': (ctx, { fileId }) => previewFile(ctx, fileId),
  'exchange.importFile': (ctx, { fileId }) => importFile(ctx, fileId),
  'exchange.discardFile': (ctx, { fileId }) => discardFile(ctx, fileId),
  'state.hash': (ctx) => ({ hash: stateHash(ctx.db()) }),
  'conflicts.list': (ctx) => listConflicts(ctx.db()),
  'notices.list': (ctx) => listNotices(ctx.db()),
  'officers.list': (ctx, { employer }) => listOfficers(ctx.db(), employer),
  'officers.get': (ctx, { id }) => getOfficerDetail(ctx.db(), ctx.me(), id),
  'officers.create': (ctx, fields) => createOfficer(ctx.db(), ctx.me(), fields),
  'officers.update': (ctx, { id, fields }) => updateOfficer(ctx.db(), ctx.me(), id, fields),
  'absences.list': (ctx, { officerId }) => listAbsences(ctx.db(), ctx.me(), officerId),
  'absences.create': (ctx, a) => createAbsence(ctx.db(), ctx.me(), a),
  'absences.cancel': (ctx, { id }) => (cancelAbsence(ctx.db(), ctx.me(), id), { ok: true as const }),
  'agreements.list': (ctx) => listAgreements(ctx.db()),
  'agreements.get': (ctx, { id }) => getAgreement(ctx.db(), id),
  'agreements.propose': (ctx, terms) => proposeAgreement(ctx.db(), ctx.me(), terms),
  'agreements.revise': (ctx, { id, terms }) => reviseAgreement(ctx.db(), ctx.me(), id, terms),
  'agreements.sign': (ctx, { id, contentHash }) => signAgreement(ctx.db(), ctx.me(), id, contentHash),
  'agreements.terminate': (ctx, { id, from }) => terminateAgreement(ctx.db(), ctx.me(), id, from),
  'shifts.list': (ctx, { eventId }) => listShifts(ctx.db(), eventId),
  'shifts.create': (ctx, fields) => createShift(ctx.db(), ctx.me(), fields),
  'shifts.update': (ctx, { id, fields }) => updateShift(ctx.db(), ctx.me(), id, fields),
  'shifts.cancel': (ctx, { id }) => cancelShift(ctx.db(), ctx.me(), id),
  'requests.list': (ctx, { direction }) => listRequestsFor(ctx.db(), ctx.me(), direction),
  'requests.create': (ctx, input) => createRequest(ctx.db(), ctx.me(), input),
  'requests.withdraw': (ctx, { id }) => withdrawRequest(ctx.db(), ctx.me(), id),
  'requests.approve': (ctx, { id, approvedBy }) => approveRequest(ctx.db(), ctx.me(), id, approvedBy),
  'requests.decline': (ctx, { id, reason }) => declineRequest(ctx.db(), ctx.me(), id, reason),
  'requests.commit': (ctx, { id, officerIds, reasons }) => commitOfficers(ctx.db(), ctx.me(), id, officerIds, reasons),
  'commitments.withdraw': (ctx, { id }) => (withdrawCommitment(ctx.db(), ctx.me(), id), { ok: true as const }),
  'requests.overview': (ctx, { direction }) => requestOverview(ctx.db(), ctx.me(), direction),
  'requests.candidates': (ctx, { id }) => requestCandidates(ctx.db(), ctx.me(), id),
  'shifts.candidates': (ctx, { shiftId }) => shiftCandidates(ctx.db(), ctx.me(), shiftId),
  'shifts.assign': (ctx, { shiftId, officerIds, reasons }) => assignOwnOfficers(ctx.db(), ctx.me(), shiftId, officerIds, reasons),
  'capacity.get': (ctx, { from, to }) => capacity(ctx.db(), ctx.me(), from, to),
  'agreements.usage': (ctx, { id }) => agreementUsage(ctx.db(), id),
  'conflicts.resolve': (ctx, { key, choice }) => resolveConflict(ctx.db(), ctx.me(), key, choice),
  'violations.list': (ctx, { from, to }) => listViolations(ctx.db(), from, to),
  'settlement.get': (ctx, { from, to }) => settlementOf(ctx.db(), { from, to }),
  'audit.get': (ctx, { id }) => auditRecord(ctx.db(), id),
  ...reportHandlers,
  ...postbusHandlers,
  ...settleHandlers,
  ...identityHandlers,
  'backups.list': (ctx) => (refuseInDemo(ctx, 'backup'), backups(ctx)),
  'backups.create': (ctx) => (refuseInDemo(ctx, 'backup'), backupNow(ctx)),
  'backups.restore': (ctx, { name }) => (refuseInDemo(ctx, 'backup'), restoreBackup(ctx, name)),
  'demo.generate': (ctx, { seed, scale }) => ({ ...(scale === 'small' ? generateDemo(ctx.db(), ctx.me(), seed, 'small') : generateRegion(ctx.db(), ctx.me(), seed, scale)) }),
};
