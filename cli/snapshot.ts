/**
 * An account snapshot: what `check-feed` needs to know of a NetSuite account to tell what a feed
 * would do there. Produced by `snapshot` (from a generated merchant) and by `simulate --out`
 * (snapshot.json, the account after the sync), or written by hand / exported from a real account.
 *
 * {
 *   "format": "hc-customer-sync-snapshot", "version": 1,
 *   "oneWorld": true,
 *   "subsidiaries": [{ "id": 1, "name": "Parent Company", "parent": null }],
 *   "statuses":     [{ "id": 13, "stage": "CUSTOMER", "name": "Closed Won" }],   // shown as CUSTOMER-Closed Won
 *   "leadSources":  [{ "id": -6, "name": "Web" }],                              // optional
 *   "customers": [{ "id": 101, "externalid": "6620110000001", "email": "a@example.com",
 *                   "isinactive": false, "firstname": "Ada", "lastname": "Lovelace", "subsidiary": 2,
 *                   "custentity_hc_customer_id": "100001", "custentity_hc_shop_cust_id": "6620110000001",
 *                   "custentity_hc_sync_stamp": 1764190000000 }]
 * }
 * Only `id` is required on a customer; ids are kept, so verdicts name the real internal ids.
 *
 * The `snapshot` command writes one of a generated merchant (simulation/population.ts).
 */
import fs from 'node:fs';
import type { Account } from '../emulator/src';
import { SyncEnvironment } from '../simulation/environment';
import { HotWaxOms, LocalSftpFiles } from '../simulation/hotwax';
import { seedPopulation } from '../simulation/population';
import { intOption, outputFile, parse, str } from './args';
import type { Io } from './io';
import { CliError, UsageError } from './io';
import { checkHeapFor } from './memory';

export const SNAPSHOT_FORMAT = 'hc-customer-sync-snapshot';

export interface SnapshotCustomer {
  id: number;
  externalid?: string;
  entityid?: string;
  isperson?: boolean;
  firstname?: string;
  lastname?: string;
  companyname?: string;
  email?: string;
  isinactive?: boolean;
  subsidiary?: number;
  entitystatus?: number;
  custentity_hc_customer_id?: string;
  custentity_hc_shop_cust_id?: string;
  custentity_hc_sync_stamp?: number;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  oneWorld: boolean;
  subsidiaries: { id: number; name: string; parent?: number | null }[];
  statuses: { id: number; stage: string; name: string }[];
  leadSources?: { id: number; name: string }[];
  customers: SnapshotCustomer[];
}

const text = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);
const num = (v: unknown): number | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(typeof v === 'object' && v && 'value' in v ? (v as { value: unknown }).value : v);
  return Number.isFinite(n) ? n : undefined;
};

export function snapshotOf(account: Account): Snapshot {
  const r = account.records;
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    oneWorld: account.oneWorld,
    subsidiaries: [...r.all('subsidiary')].map((s) => ({
      id: s.id,
      name: String(s.values.name ?? ''),
      parent: num(s.values.parent) ?? null,
    })),
    statuses: [...r.all('customerstatus')].map((s) => ({
      id: s.id,
      stage: String(s.values.stage ?? ''),
      name: String(s.values.name ?? ''),
    })),
    leadSources: [...r.all('leadsource')].map((s) => ({ id: s.id, name: String(s.values.name ?? '') })),
    customers: [...r.all('customer')].map((c) => {
      const v = c.values;
      const out: SnapshotCustomer = { id: c.id };
      const put = (k: keyof SnapshotCustomer, x: unknown) => {
        if (x !== undefined) (out as unknown as Record<string, unknown>)[k] = x;
      };
      put('externalid', text(v.externalid));
      put('entityid', text(v.entityid));
      put('isperson', v.isperson === undefined ? undefined : v.isperson === 'T' || v.isperson === true);
      put('firstname', text(v.firstname));
      put('lastname', text(v.lastname));
      put('companyname', text(v.companyname));
      put('email', text(v.email));
      put('isinactive', v.isinactive === true || v.isinactive === 'T');
      put('subsidiary', num(v.subsidiary));
      put('entitystatus', num(v.entitystatus));
      put('custentity_hc_customer_id', text(v.custentity_hc_customer_id));
      put('custentity_hc_shop_cust_id', text(v.custentity_hc_shop_cust_id));
      put('custentity_hc_sync_stamp', num(v.custentity_hc_sync_stamp));
      return out;
    }),
  };
}

export function writeSnapshot(file: string, s: Snapshot): void {
  fs.writeFileSync(file, JSON.stringify(s, null, 1) + '\n');
}

export function readSnapshot(file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read the snapshot ${file}: ${(e as Error).message}`);
  }
  const s = data as Partial<Snapshot>;
  if (!s || s.format !== SNAPSHOT_FORMAT || s.version !== 1)
    throw new CliError(`${file} is not an account snapshot (format "${SNAPSHOT_FORMAT}", version 1)`);
  for (const k of ['subsidiaries', 'statuses', 'customers'] as const)
    if (!Array.isArray(s[k])) throw new CliError(`${file}: "${k}" must be a list`);
  for (const c of s.customers!)
    if (!Number.isInteger(c.id) || c.id <= 0) throw new CliError(`${file}: a customer has no valid "id"`);
  return s as Snapshot;
}

/**
 * Loads a snapshot into a fresh account (new Account(...) seeds subsidiary 1, the standard statuses
 * and lead source -6): what the snapshot lists replaces those defaults where ids meet.
 */
export function loadSnapshot(account: Account, s: Snapshot): void {
  const r = account.records;
  const upsert = (type: string, id: number, values: Record<string, unknown>) => {
    if (r.get(type, id)) r.update(type, id, values);
    else r.create(type, values, { id, validate: false });
  };
  const subs = [...s.subsidiaries].sort((a, b) => a.id - b.id);
  for (const x of subs)
    upsert('subsidiary', x.id, { name: x.name, ...(x.parent ? { parent: x.parent } : {}) });
  for (const x of s.statuses) upsert('customerstatus', x.id, { name: x.name, stage: x.stage });
  for (const x of s.leadSources ?? []) upsert('leadsource', x.id, { name: x.name });
  for (const c of s.customers) {
    const { id, isperson, isinactive, ...rest } = c;
    const values: Record<string, unknown> = { ...rest };
    for (const k of Object.keys(values)) if (values[k] === undefined || values[k] === null) delete values[k];
    values.isperson = isperson === false ? 'F' : 'T';
    values.isinactive = isinactive === true;
    r.create('customer', values, { id, validate: false });
  }
}

export const SNAPSHOT_HELP = `Usage: hc-customer-sync snapshot --out FILE [--customers N] [--seed N] [--no-oneworld]

Writes an account snapshot (JSON: customers with their ids, external ids, HotWax fields, emails and
inactive flags; subsidiaries; customer statuses; lead sources) of a generated merchant: the NetSuite
customers "simulate" starts from (some sharing an email, two sharing a Shopify id). "simulate --out DIR"
writes DIR/snapshot.json, the account after the whole sync. The format is described in cli/README.md.

Options:
  --out FILE        where to write the snapshot (required)
  --customers N     existing customers to generate (default 200)
  --seed N          random seed (default 1)
  --no-oneworld     a non-OneWorld account
`;

export async function snapshotCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    out: { type: 'string' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    'no-oneworld': { type: 'boolean' },
  });
  if (values.help) {
    io.out(SNAPSHOT_HELP);
    return 0;
  }
  const out = str(values, 'out');
  if (!out) throw new UsageError('--out FILE is required');
  const file = outputFile(io.cwd, 'out', out, 'snapshot.json');
  const customers = intOption(values, 'customers', 200, 2);
  const seed = intOption(values, 'seed', 1);
  checkHeapFor(customers, customers, `--customers ${customers}`);
  const env = await SyncEnvironment.start({ sftp: 'embedded', oneWorld: !values['no-oneworld'] });
  try {
    const oms = new HotWaxOms(new LocalSftpFiles(env.localBase));
    seedPopulation(env, oms, { existing: customers, newInHotWax: 0, seed });
    const s = snapshotOf(env.account);
    writeSnapshot(file, s);
    io.out(
      `Wrote ${out}: ${s.customers.length} customers, ${s.subsidiaries.length} subsidiaries, ${s.statuses.length} statuses\n`,
    );
  } finally {
    await env.stop();
  }
  return 0;
}
