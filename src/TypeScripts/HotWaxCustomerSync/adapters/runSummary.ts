/**
 * The execution's closing AUDIT line "<script> summary" (what it did, as JSON), and the one place a
 * SyncError becomes a SuiteScriptError: at the entry point, so NetSuite ends the execution in error
 * under the error's own code and notifies the script's owner. An execution that ends in a SyncError
 * before its summary still writes one: `{"error":{"code":…,"message":…}}`.
 */
import type * as errorTypes from 'N/error';
import type * as logTypes from 'N/log';
import { SyncError, describeError } from '../core/errors';

export class RunSummary {
  private done = false;

  constructor(
    private readonly log: Pick<typeof logTypes, 'audit'>,
    /** The script's name, e.g. HC_SC_ImportCustomer. */
    readonly script: string,
  ) {}

  /** Writes the summary line (once per execution). */
  write(details: Record<string, unknown>, title = `${this.script} summary`): void {
    this.log.audit({ title, details: JSON.stringify(details) });
    this.done = true;
  }

  /** A summary that is a sentence, for an execution that found nothing to do. */
  writeText(details: string): void {
    this.log.audit({ title: `${this.script} summary`, details });
    this.done = true;
  }

  get written(): boolean {
    return this.done;
  }
}

/** A SyncError as the SuiteScriptError NetSuite ends the execution with; anything else unchanged. */
export function asSuiteScriptError(error: Pick<typeof errorTypes, 'create'>, e: unknown): unknown {
  return e instanceof SyncError ? error.create({ name: e.code, message: e.message, notifyOff: false }) : e;
}

/**
 * What an entry point throws when its work throws `e`: the error is named in the summary (when the
 * execution has not written it yet) and, through `record`, in a failed run-history entry, so the
 * status page shows every failure the script could catch (an SFTP login refused, a bad setting);
 * a SyncError becomes a SuiteScriptError under its code. NetSuite's own stops (usage, time limit)
 * end the script before this can run: the page reads those from the script instance.
 */
export function endInError(
  error: Pick<typeof errorTypes, 'create'>,
  summary: RunSummary,
  e: unknown,
  record?: (details: Record<string, unknown>) => void,
): unknown {
  const { code, message } = describeError(e);
  const details = { error: { code, message: redactSecrets(message) } };
  if (!summary.written)
    try {
      summary.write(details);
      record?.({ ...details, failed: true });
    } catch {
      // The summary and the entry serve the reader: never hide the error itself.
    }
  return asSuiteScriptError(error, e);
}

/** Secret-like values (password=…, a custsecret_/custkey_ id's value) never reach an entry or a log. */
export const redactSecrets = (s: string) =>
  s.replace(/\b(password|passphrase|secret|token|key)(\s*[=:]\s*)\S+/gi, '$1$2[redacted]');
