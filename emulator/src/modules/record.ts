/**
 * N/record over the account's RecordStore. Record objects in standard and dynamic mode, body
 * fields, sublists, and subrecords on sublist lines (addressbook / addressbookaddress).
 *
 * Governance (docs/CONTRACTS.md §6; core/governance.ts COSTS): record.create / load /
 * copy / submitFields cost 10 (transaction), 2 (custom record) or 5 (other); Record.save and
 * record.delete cost 20 / 4 / 10.
 *
 * Errors: SSS_MISSING_REQD_ARGUMENT (N/record.d.ts @throws tags), SSS_INVALID_SUBLIST_OPERATION
 * for lines that do not exist (N/record.d.ts @throws on sublist methods), RCRD_DSNT_EXIST for
 * missing records, and the save-time validation errors of data/recordStore.ts.
 */
import { withPromise } from '../core/promise';
import type * as recordTypes from 'N/record';
import type { ExecutionContext } from '../core/context';
import { RecordType } from './record/common';
import {
  attachRecord,
  copyRecord,
  createRecord,
  deleteRecord,
  detachRecord,
  loadRecord,
  submitFields,
  transformRecord,
} from './record/operations';

export { RecordType, missingArgument, unsupported } from './record/common';
export { EmRecord } from './record/recordObject';

/** N/record for one execution. */
export function createRecordModule(ctx: ExecutionContext): typeof recordTypes {
  const bound =
    <T>(fn: (ctx: ExecutionContext, options: unknown) => T) =>
    (options: unknown): T =>
      fn(ctx, options);
  const mod = {
    Type: RecordType,
    create: withPromise(bound(createRecord)),
    load: withPromise(bound(loadRecord)),
    copy: withPromise(bound(copyRecord)),
    delete: withPromise(bound(deleteRecord)),
    submitFields: withPromise(bound(submitFields)),
    transform: withPromise(bound(transformRecord)),
    attach: withPromise(bound(attachRecord)),
    detach: withPromise(bound(detachRecord)),
  };
  return mod as unknown as typeof recordTypes;
}
