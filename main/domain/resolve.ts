// Resolving a conflict is itself a signed change by the gemeente that owns it: withdrawing lapsed
// commitments, or choosing the value of a field that two laptops changed at once.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { ApiError } from '../../shared/api/errors';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { commitLocal, type LocalIdentity } from '../log/log';
import type { Op } from '../log/entry';
import { RECORD_TYPES, recordTypeOf } from '../log/records';
import { listConflicts } from '../exchange/conflicts';
import { updateOp } from './records';
import { readStamps } from '../log/stamps';
import { keyedError } from '../../shared/i18n/error-messages';

export function resolveConflict(db: Db, me: LocalIdentity, key: string, choice: number): { resolved: string } {
  const conflict = listConflicts(db).find((c) => c.key === key);
  if (!conflict) throw keyedError('not_found', 'conflict.gone');
  if (conflict.resolvableBy !== me.gemeente) throw keyedError('refused', 'conflict.not_yours', { gemeente: gemeenteName(conflict.resolvableBy) });
  const ops: Op[] = [];
  if (conflict.kind === 'commitment_lapsed') {
    for (const id of conflict.records ?? []) {
      const op = updateOp(db, RECORD_TYPES.commitment!, id, { withdrawn: true });
      if (op) ops.push(op);
    }
  } else {
    const value = conflict.values[choice];
    if (!value) throw keyedError('invalid_argument', 'conflict.pick', { count: conflict.values.length });
    const type = recordTypeOf(`${conflict.recordType}.update`)?.type;
    if (!type) throw new ApiError('internal', `Onbekend soort record ${conflict.recordType}.`);
    // Written on top of the current value: its base is every competing write, so the conflict closes.
    const current = stmt(db, `SELECT stamps FROM ${type.table} WHERE id = ?`).get(conflict.recordId) as { stamps: string };
    const stamps = readStamps(current.stamps);
    ops.push({ t: `${type.name}.update`, id: conflict.recordId, set: { [conflict.field]: value.value }, base: { [conflict.field]: stamps[conflict.field] ?? null } });
  }
  if (ops.length) commitLocal(db, me, ops);
  return { resolved: key };
}
