/** Scripts and deployments as an account holds them (read from SDF objects or registered by a test). */
import type { LogLevel, ScriptKind } from './context';

export interface ScriptParameterDef {
  id: string;
  /** SDF fieldtype: CHECKBOX, INTEGER, FLOAT, TEXT, SELECT, CLOBTEXT, DATE, ... */
  type: string;
  /** Default as NetSuite stores it ('T'/'F' for checkboxes, '' when none). */
  defaultValue: string;
  label?: string;
  /**
   * The parameter's Preference (help "Setting Script Parameter Preferences"): COMPANY reads the value
   * set once under Setup > Company > General Preferences > Custom Preferences for every deployment;
   * empty: a deployment parameter, set on each deployment.
   */
  preference?: string;
}

export type DeploymentStatus = 'SCHEDULED' | 'NOTSCHEDULED' | 'TESTING' | 'RELEASED' | string;

export interface DeploymentDef {
  deploymentId: string;
  title?: string;
  status: DeploymentStatus;
  /** "Deployed" box: an undeployed deployment cannot be submitted. */
  isDeployed: boolean;
  logLevel: LogLevel;
  /** Parameter values set on the deployment (id → stored string). */
  params: Record<string, string>;
  /** Map/reduce: most processors (jobs) the map and reduce stages use; empty = all the account's. */
  concurrencyLimit?: number;
  /** Map/reduce "Yield After Minutes" (3–60, default 60). */
  yieldAfterMins?: number;
  /** Map/reduce "Buffer Size" (pairs a job processes before saving progress; default 1). */
  bufferSize?: number;
  /** Raw recurrence as read from SDF (for schedulers that want it). */
  recurrence?: unknown;
  /** User event deployments: the record type it runs on (SDF `recordtype`, e.g. CUSTOMER → customer). */
  recordType?: string;
}

export interface ScriptDef {
  scriptId: string;
  /** Internal id, so task.create({ scriptId: 123 }) also works. */
  internalId: number;
  name: string;
  kind: ScriptKind;
  /** File Cabinet path of the script file, e.g. /SuiteScripts/App/MyScript.js */
  scriptFile: string;
  params: Record<string, ScriptParameterDef>;
  deployments: DeploymentDef[];
  /** See ScriptDefInput.fileCabinetRoot. */
  fileCabinetRoot?: string;
}

export interface ScriptDefInput {
  scriptId: string;
  name?: string;
  kind: ScriptKind;
  scriptFile: string;
  params?: Array<Partial<ScriptParameterDef> & { id: string; type: string }>;
  deployments?: Array<Partial<DeploymentDef> & { deploymentId: string }>;
  /** Where this script's files are on disk when not under the account's File Cabinet root (another SDF project's scripts, e.g. a merchant's user event script). */
  fileCabinetRoot?: string;
}
