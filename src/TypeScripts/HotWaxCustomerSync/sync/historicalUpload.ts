/**
 * HC_SC_UploadHistoricalCustomerCSV's logic: every CSV in the historical folder, oldest first, is
 * uploaded atomically to historicalshopifycustomer/csv/ and then moved to the archive folder in the
 * File Cabinet. A failed upload leaves the file for the next run and is reported; the execution
 * then ends in error after the other files are done, so NetSuite notifies the script owner.
 */
import type { GovernanceBudget } from '../core/governance';
import { UNITS } from '../core/governance';
import { SFTP_FOLDERS } from '../core/config';
import { describeError } from '../core/errors';

export interface CabinetFile {
  id: string;
  name: string;
}

export interface HistoricalUploadDeps {
  listFiles(): CabinetFile[];
  load(id: string): string;
  upload(dir: string, name: string, contents: string): void;
  archive(id: string): void;
  budget: GovernanceBudget;
}

export interface UploadSummary {
  uploaded: string[];
  failed: { name: string; code: string; message: string }[];
  remaining: number;
  paused: boolean;
}

/** load 10 + upload 100 + move 10 (+ replace 20) + File Cabinet move (load 10 + save 20). */
const PER_FILE = UNITS.fileLoad + UNITS.sftpTransfer + 3 * UNITS.sftpOther + UNITS.fileLoad + UNITS.fileSave;

export function runHistoricalUpload(deps: HistoricalUploadDeps): UploadSummary {
  const files = deps.listFiles();
  const summary: UploadSummary = { uploaded: [], failed: [], remaining: 0, paused: false };
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (!deps.budget.canAfford(PER_FILE)) {
      summary.paused = true;
      summary.remaining = files.length - i;
      break;
    }
    try {
      deps.upload(SFTP_FOLDERS.historical, f.name, deps.load(f.id));
    } catch (e) {
      const { code, message } = describeError(e);
      if (code === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
      summary.failed.push({ name: f.name, code, message });
      continue;
    }
    deps.archive(f.id);
    summary.uploaded.push(f.name);
  }
  return summary;
}
