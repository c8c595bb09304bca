// Opening a Regie database: the store's open (checks, WAL, migrations) plus what the log keeps beside the
// tables, the running state digest (state-hash.ts), brought up to date before anything reads or writes.
import { openStore, type Migration, type OpenOptions, type Db } from '../store/db';
import { ensureStateDigest } from './state-hash';

export function openDatabase(file: string, options: OpenOptions | Migration[] = {}): Db {
  return openStore(file, { ...(Array.isArray(options) ? { migrations: options } : options), onOpen: ensureStateDigest });
}
