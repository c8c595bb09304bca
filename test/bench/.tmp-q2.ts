import { openDatabase } from '../../main/log/open';
import { live } from '../../main/store/live';
const db = openDatabase(process.argv[2]!, { check: 'none' });
const from = '2027-01-01', to = '2027-12-31';
const recent = `SELECT * FROM events WHERE created = 1 AND starts_at >= :lookBack AND starts_at <= :before AND ends_at > :after`;
const long = `SELECT * FROM events INDEXED BY events_long WHERE created = 1 AND coalesce(julianday(ends_at) - julianday(starts_at), 1e9) > 14 AND ends_at > :after AND starts_at < :lookBack AND starts_at <= :before`;
const sql = `${recent} UNION ALL ${long} ORDER BY starts_at, name, id`;
const params = { before: `${to}T23:59`, after: `${from}T00:00`, lookBack: '2026-12-17' };
const t = (label: string, f: () => unknown) => { const a = performance.now(); const r = f(); console.log(label, Math.round(performance.now() - a), Array.isArray(r) ? r.length : ''); return r; };
for (const row of db.prepare('EXPLAIN QUERY PLAN ' + sql).all(params) as { detail: string }[]) console.log('  ', row.detail);
const ev = t('events', () => db.prepare(sql).all(params)) as { id: string }[];
t('events again', () => db.prepare(sql).all(params));
const shiftSql = `SELECT id, event_id, needed FROM shifts s WHERE event_id IN (SELECT value FROM json_each(?)) AND ${live.shift()}`;
for (const row of db.prepare('EXPLAIN QUERY PLAN ' + shiftSql).all('[]') as { detail: string }[]) console.log('  ', row.detail);
const sh = t('shifts', () => db.prepare(shiftSql).all(JSON.stringify(ev.map((e) => e.id)))) as { id: string }[];
const REQ = `
  SELECT r.shift_id, r.count,
    (SELECT count(*) FROM commitments c JOIN officers o ON o.id = c.officer_id AND o.employer = r.provider
       WHERE c.request_id = r.id AND ${live.commitment()}) AS committed,
    coalesce(rs.declined, 0) AS declined
  FROM requests r
  LEFT JOIN responses rs ON rs.request_id = r.id AND rs.provider = r.provider AND rs.created = 1
  WHERE ${live.request()} AND r.shift_id IN (SELECT value FROM json_each(?))`;
for (const row of db.prepare('EXPLAIN QUERY PLAN ' + REQ).all('[]') as { detail: string }[]) console.log('  ', row.detail);
t('requests', () => db.prepare(REQ).all(JSON.stringify(sh.map((s) => s.id))));
t('requests again', () => db.prepare(REQ).all(JSON.stringify(sh.map((s) => s.id))));
console.log(live.shift(), live.request(), live.commitment());
