// Prepared statements cached per connection: preparing is far costlier than running, and imports run
// the same few statements hundreds of thousands of times.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const caches = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
