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
  return [...csvRows(text)];
}

/** The rows of a CSV text one at a time, so a million-row file is never held as arrays all at once. */
export function* csvRows(text: string): Generator<string[]> {
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let value = '';
    // A field: plain runs up to a delimiter or a quote, and quoted runs where "" stands for one quote.
    for (;;) {
      let k = i;
      while (k < n && !isSpecial(text.charCodeAt(k))) k++;
      value += text.slice(i, k);
      i = k;
      if (i >= n || text.charCodeAt(i) !== 34) break;
      for (i++; ;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, q);
        i = q + 1;
        if (text.charCodeAt(i) !== 34) break;
        value += '"';
        i++;
      }
    }
    if (i >= n) {
      // The text ends without a line break (an unclosed empty quote at a line's start is no row).
      if (value !== '' || row.length) yield [...row, value];
      return;
    }
    row.push(value);
    const c = text.charCodeAt(i++);
    if (c === 44) {
      if (i >= n) yield [...row, ''];
      continue;
    }
    if (c === 13 && text.charCodeAt(i) === 10) i++;
    yield row;
    row = [];
  }
}

/** Comma, LF, CR and the quote. */
const isSpecial = (c: number) => c === 44 || c === 10 || c === 13 || c === 34;

/**
 * The value of `type` in a party-identifications cell ("TYPE:value|TYPE:value"), as
 * Object.fromEntries over the pairs would give it: the last pair of that type, cut at its second colon.
 */
function identification(cell: string, type: string): string | undefined {
  let found: string | undefined;
  for (const kv of cell.split('|')) {
    const parts = kv.split(':');
    if (parts[0] === type) found = parts[1];
  }
  return found;
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

  /** Hands each file's header and its other rows (read one at a time) to `onFile`, then archives it. */
  private consume(dir: string, onFile: (header: string[], body: Iterable<string[]>) => void): string[] {
    const names = this.files.listCsv(dir);
    for (const n of names) {
      const rows = csvRows(this.files.read(`${dir}/${n}`));
      onFile(rows.next().value ?? [], { [Symbol.iterator]: () => rows });
      this.files.archive(dir, n);
    }
    return names;
  }

  /** "Import Historical Shopify Customer" (IMP_HIS_SHOP_CUST): link parties to NetSuite customers. */
  importHistorical(): { files: string[]; rows: number; linked: number; unknown: number } {
    let rows = 0;
    let linked = 0;
    let unknown = 0;
    const files = this.consume('historicalshopifycustomer/csv', (header, body) => {
      const ids = header.indexOf('party-identifications');
      for (const r of body) {
        rows++;
        const idents = r[ids];
        const party = this.byShopifyId.get(identification(idents, 'SHOPIFY_CUST_ID') as string);
        if (!party) {
          unknown++;
          continue;
        }
        if (!party.netsuiteCustomerId) linked++;
        party.netsuiteCustomerId = identification(idents, 'NETSUITE_CUSTOMER_ID');
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
    const files = this.consume('customer/import', (header, body) => {
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
