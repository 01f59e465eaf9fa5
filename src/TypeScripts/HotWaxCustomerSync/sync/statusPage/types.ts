/**
 * The status page's types: the sources it reads (adapters/statusSources.ts implements them), the
 * view model (what the page says, as text and pieces, never HTML) and the page model the rendering
 * makes of it (./html.ts: cells and rich values as escaped HTML), which adapters/statusForm.ts draws.
 */
import type { ImportState } from '../importTypes';
import type { ExportState } from '../idExport';
import type { RunEntry } from '../ports';

// ------------------------------------------------------------------------------------- sources

export interface DeploymentInfo {
  scriptId: string;
  deploymentId: string;
  title: string;
  /** SCHEDULED, NOTSCHEDULED, TESTING, RELEASED */
  status: string;
  isDeployed: boolean;
}

/** A scheduled script instance as NetSuite keeps it (Customization > Scripting > Script Status), newest first. */
export interface InstanceInfo {
  scriptId: string;
  deploymentId: string;
  /** PENDING, PROCESSING, COMPLETE, FAILED, ... */
  status: string;
  created: number;
  ended: number | null;
  /** The task id: a map/reduce instance has one row per job (stage), all with its task id. */
  taskId?: string;
  /** A map/reduce job's stage: GET_INPUT, MAP, SHUFFLE, REDUCE, SUMMARIZE. */
  stage?: string;
}

export interface RemoteFileInfo {
  name: string;
  size: number;
  lastModified: number;
}

export interface CabinetFileInfo {
  id: string;
  name: string;
  size: number;
  created: number;
}

export interface HistoricalInfo {
  /** The output folder's description (its human part), or null when the folder does not exist. */
  status: string | null;
  state: {
    exported: number;
    nextPart: number;
    done: boolean;
    /** The execution that saved the state (HistoricalState.run): the one that finished writes no run history. */
    run?: { ended: number; exported: number; parts: number; duplicates: number; unitsUsed: number };
  } | null;
  waiting: CabinetFileInfo[];
  archived: CabinetFileInfo[];
}

export interface StatusSources {
  deployments(): DeploymentInfo[];
  instances(): InstanceInfo[];
  /** The latest entries of these scripts, newest first, with one search. */
  runs(scriptIds: string[], count: number): RunEntry[];
  /** The latest entries of the import scripts (IMPORT_SCRIPT_IDS) with error rows. */
  runsWithErrors(count: number): RunEntry[];
  importState(): ImportState | null;
  exportState(): ExportState | null;
  historical(): HistoricalInfo;
  /** NetSuite customers by HC customer id, for the given ids. */
  customersByHcId(hcIds: string[]): Map<string, string>;
  /** The import's company-preference settings (IMPORT_COMPANY_SETTINGS ids), as every deployment reads them. */
  importSettings(): Record<string, string>;
}

export interface PageEnv {
  now: number;
  /** A time in the user's format and time zone. */
  time(ms: number): string;
  /** The page's own URL with these parameters. */
  pageUrl(params: Record<string, string>): string;
  /** The URL of a customer record. */
  customerUrl(id: string): string;
  /** The user's time zone (Set Preferences), which env.time follows: every time on the page says it. */
  zone?: string;
}

// ------------------------------------------------------------------------------------- page model (rendered)

export interface FieldModel {
  id: string;
  label: string;
  /** Text (escaped by the form) or, with html, markup ./html.ts drew. */
  value: string;
  html?: boolean;
}

export interface FieldBlock {
  kind: 'fields';
  id: string;
  label: string;
  fields: FieldModel[];
}

export interface TableBlock {
  kind: 'table';
  id: string;
  label: string;
  columns: { id: string; label: string }[];
  /** Cells are HTML (every text escaped by ./html.ts). */
  rows: string[][];
  empty: string;
}

export type Block = FieldBlock | TableBlock;

export interface TabModel {
  id: string;
  label: string;
  blocks: Block[];
}

export interface MessageModel {
  kind: 'confirmation' | 'information' | 'warning' | 'error';
  title: string;
  text: string;
}

export interface HealthRow {
  flow: string;
  state: 'healthy' | 'attention' | 'failing' | 'not run yet';
  cause: string;
  fix: string;
  lastGood: string;
  feeds: string;
  errors: string;
}

export interface PageModel {
  title: string;
  message: MessageModel | null;
  /** The first screen: one line per flow. */
  health: HealthRow[];
  /** "Times in <zone>". */
  zoneNote: string;
  tabs: TabModel[];
  /** The action form: choices and the feed list (names only, when listed). */
  actions: { feeds: string[]; csrf: string };
}

// ------------------------------------------------------------------------------------- view

/**
 * A piece of what the page says where it is more than text: text (a string), a link, bold text,
 * a problem marked in red, a line break, a submit button of the page's one form (it posts the CSRF
 * token with it; works without JavaScript), or markup that is a constant of this module (never
 * text from a request, a feed, a report or a record). ./html.ts draws them, escaping every text.
 */
export type Piece =
  | string
  | { link: string; text: string }
  | { strong: string }
  | { bad: string }
  | { br: true }
  | { button: { name: string; value: string; label: string } }
  | { markup: string };

/** A table cell: one piece or several in a row. */
export type Cell = Piece | Piece[];

export interface FieldView {
  id: string;
  label: string;
  /** Text (the form escapes it), or pieces (drawn as HTML). */
  value: string | Piece[];
}

export interface FieldsView {
  kind: 'fields';
  id: string;
  label: string;
  fields: FieldView[];
}

export interface TableView {
  kind: 'table';
  id: string;
  label: string;
  columns: { id: string; label: string }[];
  rows: Cell[][];
  empty: string;
}

export type BlockView = FieldsView | TableView;

export interface TabView {
  id: string;
  label: string;
  blocks: BlockView[];
}

/** What the page says: PageModel before rendering. */
export interface PageView extends Omit<PageModel, 'tabs'> {
  tabs: TabView[];
}

/** What the sections read, once per page load. */
export interface PageData {
  src: StatusSources;
  env: PageEnv;
  /** Each script's runs, newest first, with the executions NetSuite ended before they recorded one. */
  runsByScript: Map<string, RunEntry[]>;
  /** Both import scripts' runs, from one search. */
  importRuns: RunEntry[];
  deployments: DeploymentInfo[];
  instances: InstanceInfo[];
}
