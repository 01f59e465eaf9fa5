/**
 * The ports: what each script's logic needs from NetSuite and the SFTP server, as small interfaces.
 * The adapters (adapters/) implement them over N/ modules; tests implement them over fakes. sync/
 * imports only these, its own files and the pure helpers in core/, never N/ or an adapter.
 */
import type { NewCustomer } from './customerRows';
import type { ExistingCustomer } from './customerMatching';

export type { ExistingCustomer } from './customerMatching';
export type { CabinetFile, HistoricalUploadDeps } from './historicalUpload';
export type { HistoricalExportDeps } from './historicalExport';
export type { UsageMeter } from '../core/governance';

/** The keys one candidate search looks a batch of feed rows up by (adapters/customers.ts). */
export interface MatchKeys {
  hcCustomerIds: string[];
  externalIds: string[];
  shopifyCustomerIds: string[];
  emails: string[];
}

/** NetSuite customer records, behind an adapter (adapters/customers.ts). */
export interface CustomerStore {
  findCandidates(keys: MatchKeys): ExistingCustomer[];
  create(customer: NewCustomer, statusId: string, stamp: number): string;
  update(id: string, values: Record<string, string | number>): void;
  /** Entity status internal id by its name as HotWax sends it (e.g. CUSTOMER-Closed Won). */
  statusId(name: string): string | null;
  /** Whether a subsidiary with this internal id exists (checked before a create, in both modes). */
  subsidiaryExists(id: string): boolean;
  /** Whether a lead source with this internal id exists; null when the account cannot tell. */
  leadSourceExists(id: string): boolean | null;
}

/** An entry of customer/export/ as N/sftp lists it. */
export interface FeedEntry {
  name: string;
  directory?: boolean;
  size?: number;
  lastModified?: Date;
}

export interface FeedFolder {
  list(): FeedEntry[];
  /** The feed's text (a large one read line by line); throws NetSuite's errors. */
  download(name: string): string;
  /** Write a report atomically (replacing one of the same name). */
  writeReport(folder: string, name: string, csv: string): void;
  /** Move the feed into archive/ or failed/ without overwriting (else as `alternative`); returns the name used. */
  moveFeed(name: string, folder: string, alternative?: string): string;
  /** Remove the temporary files a crashed upload left in `folder`; returns their names. */
  removeLeftovers?(folder: string): string[];
}

/** Where a copy of the feed in progress is kept in the File Cabinet (import checkpoint: feedCopy). */
export interface FeedCopyRef {
  folderId: string;
  name: string;
  /** Known once the copy is saved (a crash before the checkpoint: found by name in the folder). */
  fileId?: string;
}

/** Copies of the feed in progress in a File Cabinet folder of our own (adapters/fileCabinet.ts). */
export interface FeedCopies {
  /** The folder's internal id (found by name, created when missing); null when it cannot be had. */
  folder(): string | null;
  /** Saves the copy (a file of the same name in the folder is overwritten); its file id, or null. */
  save(folderId: string, name: string, text: string): string | null;
  /** The copy's id and text; null when it is missing or cannot be read. */
  load(copy: FeedCopyRef): { id: string; text: string } | null;
  /** Deletes the copy when it is there. */
  remove(copy: FeedCopyRef): void;
}

/** What the scheduled import needs of the map/reduce import (sync/customerImportMapReduce.ts). */
export interface MapReducePort {
  /** Rows from which a backlog (the feed taken up and the feeds waiting after it) is handed over. */
  minRows: number;
  /** The map/reduce deployment and script the lease names while it holds the feeds. */
  scriptId: string;
  deploymentId: string;
  /** Most feeds one handoff takes (what one summarize can finish). */
  maxFeeds: number;
  /** The scheduled script's parameter values at the handoff (the map/reduce has none of its own). */
  settings: {
    sftpConfig: string;
    sftpDirectory: string;
    defaultSubsidiary: string;
    matchByEmail: boolean;
    fieldMap: string;
  };
  /** Whether the map/reduce deployment has a task queued or running. */
  running(): boolean;
  /** Queues the map/reduce deployment; 'unavailable': it cannot run (not deployed, say). */
  submit(): 'submitted' | 'already queued' | 'unavailable';
}

export type RunOutcome = 'complete' | 'rescheduled' | 'failed';

/** One row of a feed's error report (customer/export/error/<feed>-errors.csv). */
export interface ErrorReportRow {
  fileName: string;
  /** The report in customer/export/error/ the row was read from. */
  report?: string;
  lineNumber: number;
  hcCustomerId: string;
  errorCode: string;
  errorMessage: string;
}

export interface RunEntry {
  id: string;
  scriptId: string;
  deploymentId: string;
  ended: number;
  outcome: RunOutcome;
  errorCount: number;
  summary: Record<string, unknown>;
}
