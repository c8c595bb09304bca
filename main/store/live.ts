// What a live assignment is, written once: the SQL conditions every query that counts planned officers uses
// (the plan view, capacity, agreement use, the event screen, lapsed-commitment conflicts, the request list).
// A commitment is live when it is not withdrawn and made by its request's provider for that provider's own
// officer, on a request not withdrawn, for a shift not cancelled, of an event not called off (afgelast).
//
// Each condition takes the table aliases it reads, so a query keeps its own join order (several force it
// with CROSS JOIN for speed) and only the meaning comes from here. The opposite conditions (`lapsed`) are
// spelled the way the partial indexes of migration 004 are, so SQLite still uses those indexes.

/** The conditions on each table, by alias. */
export const live = {
  /** A commitment row that counts: known, not withdrawn, made by the request's provider. */
  commitment: (c = 'c', r = 'r') => `${c}.created = 1 AND ${c}.withdrawn = 0 AND ${c}.provider = ${r}.provider`,
  /** The committed officer belongs to the gemeente that committed them. */
  ownOfficer: (o = 'o', c = 'c') => `${o}.employer = ${c}.provider`,
  /** A request that is known and not withdrawn. */
  request: (r = 'r') => `${r}.created = 1 AND ${r}.withdrawn = 0`,
  /** A shift that is known and not cancelled. */
  shift: (s = 's') => `${s}.created = 1 AND ${s}.cancelled = 0`,
  /** An event that is not called off. */
  event: (e = 'e') => `${e}.status != 'afgelast'`,
} as const;

/** Why a commitment lapses: the opposite of the request, shift and event conditions above. */
export const lapsed = {
  request: (r = 'r') => `${r}.withdrawn = 1`,
  shift: (s = 's') => `${s}.cancelled = 1`,
  event: (e = 'e') => `${e}.status = 'afgelast'`,
} as const;

/**
 * The live assignments as a FROM clause driven by commitments (aliases c, r, o, s, e), for queries that
 * select by commitment or officer. Put `WHERE ${LIVE_COMMITMENT_WHERE}` (plus the query's own terms) after it.
 */
export const LIVE_ASSIGNMENTS_FROM = `commitments c
       JOIN requests r ON r.id = c.request_id AND ${live.request()} AND r.provider = c.provider
       JOIN officers o ON o.id = c.officer_id AND ${live.ownOfficer()}
       JOIN shifts s ON s.id = r.shift_id AND ${live.shift()}
       JOIN events e ON e.id = s.event_id AND ${live.event()}`;

/** The commitment's own terms, for the WHERE of a query over LIVE_ASSIGNMENTS_FROM. */
export const LIVE_COMMITMENT_WHERE = 'c.created = 1 AND c.withdrawn = 0';

/** The columns of an assignment (main/domain/plan-view.ts AssignmentRow) over LIVE_ASSIGNMENTS_FROM. */
export const ASSIGNMENT_COLUMNS = 'c.id AS commitment_id, c.officer_id, r.shift_id, r.id AS request_id, r.provider, r.host, r.agreement_id, s.starts_at, s.ends_at, c.reasons';
