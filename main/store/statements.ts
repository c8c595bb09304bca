// The one way main/ prepares a statement: `stmt(db, sql)`, cached per connection (preparing is far costlier
// than running, and imports run the same few statements hundreds of thousands of times). Lint refuses
// `.prepare(` elsewhere in main/ (eslint.config.js).
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

/**
 * A statement of its own, not the cached one: for rows read lazily across awaits (an export streamed to a
 * file), where the cached statement, still being iterated, would be busy for the next caller.
 */
export function ownStatement(db: Db, sql: string): Statement {
  return db.prepare(sql);
}
