/** Words the status page's sections share: counts, labels of NetSuite's states, pieces in a row. */
import type { Piece } from './types';

export const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Groups of pieces with a separator between them. */
export const joined = (groups: Piece[][], sep: Piece): Piece[] =>
  groups.flatMap((g, i) => (i ? [sep, ...g] : g));

export const DEPLOYMENT_STATUS_LABEL: Record<string, string> = {
  SCHEDULED: 'Scheduled',
  NOTSCHEDULED: 'Not scheduled (on demand)',
  TESTING: 'Testing',
  RELEASED: 'Released',
};

export const INSTANCE_STATUS_LABEL: Record<string, string> = {
  PENDING: 'Pending',
  PROCESSING: 'Processing',
  COMPLETE: 'Complete',
  FAILED: 'Failed',
  CANCELED: 'Canceled',
  DEFERRED: 'Deferred',
  RETRY: 'Retry',
};

const STAGE_LABEL: Record<string, string> = {
  GETINPUT: 'getInputData',
  MAP: 'map',
  SHUFFLE: 'shuffle',
  REDUCE: 'reduce',
  SUMMARIZE: 'summarize',
};
export const stageLabel = (stage = '') => STAGE_LABEL[stage.toUpperCase().replace(/[^A-Z]/g, '')] ?? stage;
