/**
 * A merchant's NetSuite account (the emulator) wired to an SFTP server, with the sync's SDF objects
 * deployed and its SFTP settings record filled in as HotWax's setup does. Used by the end-to-end
 * tests, the benchmarks and `simulate`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Account, Scheduler, startSftpServer } from '../emulator/src';
import { SDF_PROJECT_DIR } from './project';
import { SCRIPT_IDS } from '../src/TypeScripts/HotWaxCustomerSync/core/scriptTable';
import type {
  ExecutionResult,
  FaultPlan,
  LatencyTable,
  SftpTarget,
  UserPreferences,
  RunningSftpServer,
  SftpServerKind,
} from '../emulator/src';

const ids = (s: { scriptId: string; deploymentId: string }) => ({
  scriptId: s.scriptId,
  deploymentId: s.deploymentId,
});
/** The sync's scripts and the deployment the simulation runs, from the product's table (core/scriptTable.ts). */
export const SCRIPTS = {
  generate: ids(SCRIPT_IDS.generate),
  upload: ids(SCRIPT_IDS.upload),
  import: ids(SCRIPT_IDS.import),
  export: ids(SCRIPT_IDS.export),
  importMr: ids(SCRIPT_IDS.importMr),
};
export type ScriptKey = keyof typeof SCRIPTS;

export const SCRIPT_NAMES = Object.fromEntries(
  (Object.keys(SCRIPTS) as ScriptKey[]).map((k) => [k, SCRIPT_IDS[k].name]),
) as Record<ScriptKey, string>;

export interface EnvironmentOptions {
  /** A local server kind, or a server the user names instead (e.g. `simulate --sftp-host`). */
  sftp?: SftpServerKind | SftpTarget;
  oneWorld?: boolean;
  preferences?: Partial<UserPreferences>;
  /** Credential kind stored in the settings record (custrecord_ns_sftp_guid). */
  credential?: 'secret' | 'key';
  /** Modeled call durations (the emulator's latency table), e.g. a slow account's record saves. */
  latency?: LatencyTable;
  /** SuiteCloud processors of the account (map/reduce concurrency; emulator default 2). */
  processors?: number;
  /** Concurrency seed of map/reduce interleavings (emulator default). */
  seed?: number;
}

export const SFTP_LAYOUT = [
  'customer/export/archive',
  'customer/export/error',
  'customer/export/failed',
  'customer/export/required_fields_missing',
  'customer/import/archive',
  'historicalshopifycustomer/csv/archive',
];

export const SECRET_ID = 'custsecret_hc_sftp_password';
export const KEY_ID = 'custkey_hc_sftp';

export class SyncEnvironment {
  readonly subsidiaries: string[] = [];
  sftpRecordId = 0;

  private constructor(
    readonly account: Account,
    readonly server: RunningSftpServer | null,
    readonly external: SftpTarget | null,
    /** Remote default directory, ending in '/'. */
    readonly baseDir: string,
  ) {}

  static async start(opts: EnvironmentOptions = {}): Promise<SyncEnvironment> {
    const account = new Account({
      sdfProjectDir: SDF_PROJECT_DIR,
      oneWorld: opts.oneWorld ?? true,
      preferences: opts.preferences,
      latency: opts.latency,
      processors: opts.processors,
      seed: opts.seed,
    });
    const sftp = opts.sftp ?? 'embedded';
    const server = typeof sftp === 'string' ? await startSftpServer(sftp) : null;
    const external = typeof sftp === 'string' ? null : sftp;
    const baseDir = server
      ? `${server.homeDir.replace(/\/$/, '')}/netsuite/`
      : external!.directory.replace(/\/?$/, '/');
    const env = new SyncEnvironment(account, server, external, baseDir);
    // HotWax's SFTP setup creates the folder layout (docs/CONTRACTS.md §3).
    if (server)
      for (const dir of SFTP_LAYOUT)
        fs.mkdirSync(path.join(server.localPath(baseDir), dir), { recursive: true });
    env.seedAccount(opts.credential ?? (server?.password ? 'secret' : 'key'));
    return env;
  }

  /** Local folder behind the remote default directory (local servers only). */
  get localBase(): string {
    if (!this.server) throw new Error('the SFTP server is not local');
    return this.server.localPath(this.baseDir);
  }

  private seedAccount(credential: 'secret' | 'key'): void {
    const r = this.account.records;
    this.subsidiaries.push('1');
    if (this.account.oneWorld) {
      this.subsidiaries.push(String(r.create('subsidiary', { name: 'Acme US', parent: 1 })));
      this.subsidiaries.push(String(r.create('subsidiary', { name: 'Acme CA', parent: 1 })));
    }
    const s = this.server ?? this.external!;
    const password = this.server ? this.server.password : this.external!.password;
    const privateKey = this.server ? this.server.privateKey : this.external!.privateKey;
    let guid = '';
    if (credential === 'secret' && password) {
      this.account.secrets.set(SECRET_ID, password);
      guid = SECRET_ID;
    } else if (privateKey) {
      this.account.keys.set(KEY_ID, privateKey);
      guid = KEY_ID;
    } else throw new Error('the SFTP server offers neither a password nor a key');
    const hostKey = 'hostKeyType' in s ? `ecdsa-sha2-nistp256 ${s.hostKey}` : s.hostKey;
    this.sftpRecordId = r.create('customrecord_ns_sftp_configuration', {
      name: 'HotWax SFTP',
      custrecord_ns_sftp_server: s.host,
      custrecord_ns_sftp_userid: s.username,
      custrecord_ns_sftp_port_no: s.port,
      custrecord_ns_sftp_host_key: hostKey,
      custrecord_ns_sftp_guid: guid,
      custrecord_ns_sftp_default_file_dir: this.baseDir,
    });
  }

  /**
   * Sets parameter values as an administrator would: a company-preference parameter once, in
   * Custom Preferences; the others on every deployment of the script.
   */
  setParams(key: ScriptKey, values: Record<string, unknown>): void {
    const script = this.account.script(SCRIPTS[key].scriptId);
    const company = (k: string) => script.params[k.toLowerCase()]?.preference === 'COMPANY';
    const pick = (c: boolean) => Object.fromEntries(Object.entries(values).filter(([k]) => company(k) === c));
    this.account.setCompanyPreferences(pick(true));
    for (const d of script.deployments)
      this.account.setDeploymentParams(script.scriptId, d.deploymentId, pick(false));
  }

  /**
   * Runs a script's deployment as NetSuite would (the schedule firing, or "Save and Execute"), then
   * every execution it queues (reschedules) until the queue is empty.
   */
  run(
    key: ScriptKey,
    opts: { maxExecutions?: number; faults?: (n: number) => FaultPlan | undefined } = {},
  ): ExecutionResult[] {
    const { scriptId, deploymentId } = SCRIPTS[key];
    const script = this.account.script(scriptId);
    this.account.tasks.add({
      taskType: script.kind === 'MAPREDUCE' ? 'MAP_REDUCE' : 'SCHEDULED_SCRIPT',
      scriptId,
      deploymentId,
      params: {},
      status: 'PENDING',
      submittedAt: this.account.now(),
    });
    const scheduler = new Scheduler(this.account, {
      maxExecutions: opts.maxExecutions ?? 1000,
      faults: opts.faults ? (_task, n) => opts.faults!(n) : undefined,
    });
    return scheduler.run();
  }

  /** The JSON of each execution's closing AUDIT "… summary" line. */
  static summaries(results: ExecutionResult[]): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const r of results)
      for (const l of r.logs)
        if (l.level === 'AUDIT' && / summary$/.test(l.title)) {
          try {
            out.push(JSON.parse(l.details) as Record<string, unknown>);
          } catch {
            out.push({ text: l.details });
          }
        }
    return out;
  }

  localPath(rel: string): string {
    return path.join(this.localBase, rel);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}
