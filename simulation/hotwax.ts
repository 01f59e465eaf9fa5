/**
 * The HotWax side of the sync, simulated from HotWax's documented behaviour
 * (docs/CONTRACTS.md §1–2): the customer feed job writes customer-Feed-*.csv exactly as
 * HotWax does (header from a map's keys, Commons CSV DEFAULT quoting, CRLF, names cut to 13
 * characters and `X` when empty), and the import jobs read the historical and party identification
 * files and move them to archive/.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CUSTOMER_FEED_COLUMNS,
  HOTWAX_FEED_HEADER,
} from '../src/TypeScripts/HotWaxCustomerSync/core/hotwaxFiles';

export interface HotWaxParty {
  partyId: string;
  shopifyCustomerId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** NETSUITE_CUSTOMER_ID identification, once it has come back. */
  netsuiteCustomerId?: string;
}

/** Commons CSV DEFAULT: quote a field only when it holds a delimiter, quote, CR or LF. */
function field(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvText(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(field).join(',') + '\r\n').join('');
}

/** HotWax's feed columns in its map's key order (2025+ names): the product's record of the contract. */
export const FEED_HEADER: string[] = [...HOTWAX_FEED_HEADER];

/**
 * Pre-2025 files used Title Case headers: the alias table's first spelling of each column, except
 * HCCustomerId, email and phone, written as they are today.
 */
export const LEGACY_FEED_HEADER: string[] = HOTWAX_FEED_HEADER.map((name) =>
  name === 'HCCustomerId' || name === 'email' || name === 'phone'
    ? name
    : (CUSTOMER_FEED_COLUMNS.find((c) => c.name === name)?.aliases[0] ?? name),
);

const cut = (s: string) => (s.trim() ? s.trim().slice(0, 13) : 'X');

export function feedRow(p: HotWaxParty, subsidiary: string): string[] {
  const values: Record<(typeof HOTWAX_FEED_HEADER)[number], string> = {
    HCCustomerId: p.partyId,
    firstName: cut(p.firstName),
    lastName: cut(p.lastName),
    email: p.email,
    phone: p.phone,
    HCShopifyCustomerId: p.shopifyCustomerId,
    externalId: p.shopifyCustomerId,
    individual: 'T',
    status: 'CUSTOMER-Closed Won',
    taxable: 'TRUE',
    defaultOrderPriority: '5',
    subsidiary,
  };
  return HOTWAX_FEED_HEADER.map((c) => values[c]);
}

/** customer-Feed-yyyy-MM-dd-HH-mm-ss-SSS.csv */
export function feedFileName(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `customer-Feed-${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${p(d.getUTCHours())}-${p(d.getUTCMinutes())}-${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}.csv`;
}

/** Minimal RFC 4180 reader for the files NetSuite wrote (the simulated HotWax reads them independently of our library). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cur);
      cur = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += c;
  }
  if (cur !== '' || row.length) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}

/** How the OMS reaches the SFTP default directory (…/netsuite/): paths are relative to it. */
export interface SftpFiles {
  listCsv(dir: string): string[];
  read(file: string): string;
  write(file: string, text: string): void;
  /** Move into `dir`/archive/. */
  archive(dir: string, name: string): void;
}

/** The SFTP folder as the server's local disk (the embedded server and a local sshd). */
export class LocalSftpFiles implements SftpFiles {
  constructor(private readonly root: string) {}
  private dir(rel: string): string {
    const d = path.join(this.root, rel);
    fs.mkdirSync(d, { recursive: true });
    return d;
  }
  listCsv(dir: string): string[] {
    const d = this.dir(dir);
    return fs
      .readdirSync(d)
      .filter((n) => n.endsWith('.csv') && fs.statSync(path.join(d, n)).isFile())
      .sort();
  }
  read(file: string): string {
    return fs.readFileSync(path.join(this.root, file), 'utf8');
  }
  write(file: string, text: string): void {
    this.dir(path.dirname(file));
    fs.writeFileSync(path.join(this.root, file), text);
  }
  archive(dir: string, name: string): void {
    this.dir(path.join(dir, 'archive'));
    fs.renameSync(path.join(this.root, dir, name), path.join(this.root, dir, 'archive', name));
  }
}

/** The OMS: its parties and the jobs that exchange files with NetSuite over SFTP. */
export class HotWaxOms {
  readonly parties = new Map<string, HotWaxParty>();
  private readonly byShopifyId = new Map<string, HotWaxParty>();

  constructor(private readonly files: SftpFiles) {}

  add(p: HotWaxParty): void {
    this.parties.set(p.partyId, p);
    this.byShopifyId.set(p.shopifyCustomerId, p);
  }

  private consume(dir: string, onFile: (rows: string[][], name: string) => void): string[] {
    const names = this.files.listCsv(dir);
    for (const n of names) {
      onFile(parseCsv(this.files.read(`${dir}/${n}`)), n);
      this.files.archive(dir, n);
    }
    return names;
  }

  /** "Import Historical Shopify Customer" (IMP_HIS_SHOP_CUST): link parties to NetSuite customers. */
  importHistorical(): { files: string[]; rows: number; linked: number; unknown: number } {
    let rows = 0;
    let linked = 0;
    let unknown = 0;
    const files = this.consume('historicalshopifycustomer/csv', (data) => {
      const [header, ...body] = data;
      const ids = header.indexOf('party-identifications');
      for (const r of body) {
        rows++;
        const idents = Object.fromEntries(r[ids].split('|').map((kv) => kv.split(':') as [string, string]));
        const party = this.byShopifyId.get(idents.SHOPIFY_CUST_ID);
        if (!party) {
          unknown++;
          continue;
        }
        if (!party.netsuiteCustomerId) linked++;
        party.netsuiteCustomerId = idents.NETSUITE_CUSTOMER_ID;
      }
    });
    return { files, rows, linked, unknown };
  }

  /** Parties the feed job selects: a Shopify id and no NetSuite id yet. */
  pending(): HotWaxParty[] {
    return [...this.parties.values()].filter((p) => p.shopifyCustomerId && !p.netsuiteCustomerId);
  }

  /** "generate_CustomerFeed": writes files of at most `perFile` customers into customer/export/. */
  writeCustomerFeed(opts: {
    perFile?: number;
    subsidiary: string;
    now: Date;
    extraRows?: string[][];
    legacy?: boolean;
  }): {
    files: string[];
    rows: number;
  } {
    const perFile = opts.perFile ?? 500;
    const rows = this.pending().map((p) => feedRow(p, opts.subsidiary));
    rows.push(...(opts.extraRows ?? []));
    const files: string[] = [];
    for (let i = 0; i < rows.length; i += perFile) {
      const name = feedFileName(new Date(opts.now.getTime() + files.length));
      const header = opts.legacy ? LEGACY_FEED_HEADER : FEED_HEADER;
      this.files.write(`customer/export/${name}`, csvText(header, rows.slice(i, i + perFile)));
      files.push(name);
    }
    return { files, rows: rows.length };
  }

  /** "Import Party Identification" (IMP_PARTY_IDENT, add or update): store NETSUITE_CUSTOMER_ID. */
  importPartyIdentifications(): { files: string[]; rows: number; unknownParties: number } {
    let rows = 0;
    let unknownParties = 0;
    const files = this.consume('customer/import', (data) => {
      const [header, ...body] = data;
      const [pi, ti, vi] = ['partyId', 'partyIdentificationTypeId', 'idValue'].map((h) => header.indexOf(h));
      for (const r of body) {
        rows++;
        const party = this.parties.get(r[pi]);
        if (!party || r[ti] !== 'NETSUITE_CUSTOMER_ID') {
          unknownParties++;
          continue;
        }
        party.netsuiteCustomerId = r[vi];
      }
    });
    return { files, rows, unknownParties };
  }
}
