/** Shared pieces of the end-to-end tests: which SFTP server, feed files, account inspection. */
import fs from 'node:fs';
import path from 'node:path';
import { openSshAvailable, sftpServerUsable } from '../../emulator/src';
import type { SftpServerKind } from '../../emulator/src';
import type { SyncEnvironment } from '../../simulation/environment';
import { csvText, FEED_HEADER, parseCsv } from '../../simulation/hotwax';
import { HOTWAX_FEED_HEADER } from '../../src/TypeScripts/HotWaxCustomerSync/core/hotwaxFiles';

/**
 * OpenSSH whenever it can run here (in CI's main pass, where HC_REQUIRE_OPENSSH=1 makes it mandatory),
 * unless HC_SFTP_SERVER=embedded hides it; the embedded server otherwise.
 */
export function serverKind(): SftpServerKind {
  return sftpServerUsable('openssh') && openSshAvailable() ? 'openssh' : 'embedded';
}

/** Every server kind available here. */
export function serverKinds(): SftpServerKind[] {
  return sftpServerUsable('openssh') ? ['openssh', 'embedded'] : ['embedded'];
}

/** One row of a feed: HotWax's columns (core/hotwaxFiles.ts), good values for those not given. */
export type FeedCustomer = { HCCustomerId: string } & Partial<Record<FeedColumn, string>>;
type FeedColumn = (typeof HOTWAX_FEED_HEADER)[number];

export function feedRowsFor(rows: FeedCustomer[], subsidiary = '2'): string[][] {
  return rows.map((r) => {
    const shopify = r.HCShopifyCustomerId ?? `66${r.HCCustomerId.replace(/\D/g, '').padStart(11, '0')}`;
    const values: Record<FeedColumn, string> = {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: `${r.HCCustomerId.toLowerCase()}@example.com`,
      phone: '',
      HCShopifyCustomerId: shopify,
      externalId: shopify,
      individual: 'T',
      status: 'CUSTOMER-Closed Won',
      taxable: 'TRUE',
      defaultOrderPriority: '5',
      subsidiary,
      ...(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as FeedCustomer),
    };
    return HOTWAX_FEED_HEADER.map((c) => values[c]);
  });
}

export function writeFeed(env: SyncEnvironment, name: string, text: string): void {
  fs.writeFileSync(env.localPath(`customer/export/${name}`), text);
}

export function feedText(rows: FeedCustomer[], header = FEED_HEADER): string {
  return csvText(header, feedRowsFor(rows));
}

export function remoteCsv(env: SyncEnvironment, dir: string): { name: string; rows: string[][] }[] {
  const d = env.localPath(dir);
  if (!fs.existsSync(d)) return [];
  return fs
    .readdirSync(d)
    .filter((n) => fs.statSync(path.join(d, n)).isFile())
    .sort()
    .map((name) => ({ name, rows: parseCsv(fs.readFileSync(path.join(d, name), 'utf8')) }));
}

export function remoteNames(env: SyncEnvironment, dir: string): string[] {
  const d = env.localPath(dir);
  return fs.existsSync(d)
    ? fs
        .readdirSync(d)
        .filter((n) => fs.statSync(path.join(d, n)).isFile())
        .sort()
    : [];
}

/** NetSuite customers by their HC customer id. */
export function customersByHcId(env: SyncEnvironment): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of env.account.records.all('customer')) {
    const hc = String(c.values.custentity_hc_customer_id ?? '');
    if (hc) out.set(hc, [...(out.get(hc) ?? []), String(c.id)]);
  }
  return out;
}

/** Import outcomes added up over every execution's closing summary (each counts only its own work). */
export function importTotals(env: SyncEnvironment): {
  created: number;
  linked: number;
  alreadyLinked: number;
  errors: number;
} {
  const t = { created: 0, linked: 0, alreadyLinked: 0, errors: 0 };
  for (const e of env.account.executions)
    for (const l of e.logs)
      if (l.level === 'AUDIT' && /^HC_SC_ImportCustomer .*summary$/.test(l.title)) {
        const s = JSON.parse(l.details) as { totals?: typeof t };
        // An execution that stopped in error has no totals, only its `error`.
        for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += s.totals?.[k] ?? 0;
      }
  return t;
}
