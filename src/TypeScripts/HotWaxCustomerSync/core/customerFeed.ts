/** A HotWax customer feed read through its column table (hotwaxFiles.ts) by the CSV engine (csv.ts). */
import { normalizeHeaderName, readCsv } from './csv';
import type { ReadCsvResult } from './csv';
import { CUSTOMER_FEED_COLUMNS } from './hotwaxFiles';
import type { CustomerFeedColumn } from './hotwaxFiles';

export interface CustomerFeed extends ReadCsvResult<CustomerFeedColumn> {
  /** Legacy feed: the header name whose values are HotWax's customer ids ("External Id"), else null. */
  legacyKeyColumn: string | null;
  /**
   * Why the whole file is refused though it has a key column, else null: a column named twice (two
   * `email`s, two `HCCustomerId`s, in any spelling) leaves no way to tell which one HotWax meant.
   */
  refusal: string | null;
}

/**
 * A customer feed through the alias table. A legacy Title Case feed (no HCCustomerId column, an
 * "External Id" column written with a space) has HotWax's customer id in "External Id" (HotWax's old
 * CSV import map put it in NetSuite's external id): its rows read it as HCCustomerId, and keep it as
 * externalId, as the old import did. A 2025+ `externalId` (no space) is the Shopify customer id and is
 * never taken for the key.
 */
export function readCustomerFeed(text: string, fileName = ''): CustomerFeed {
  const feed = readCsv(text, { columns: CUSTOMER_FEED_COLUMNS, fileName });
  const names = feed.header.map(normalizeHeaderName);
  let dup = feed.problems.filter((p) => p.code === 'DUPLICATE_COLUMN').map((p) => p.message);
  if (!dup.length)
    dup = feed.header.filter((_h, i) => names[i] && names.indexOf(names[i]) < i).map((h) => `"${h}"`);
  const refusal = dup.length
    ? `a column is named twice, which one is meant is unknown (${dup.join('; ')}): have HotWax send it once`
    : null;
  const ext = feed.matched.externalId;
  const legacy = feed.matched.HCCustomerId === undefined && ext !== undefined && /\s/.test(ext);
  if (!legacy) return { ...feed, legacyKeyColumn: null, refusal };
  for (const row of feed.rows) row.values.HCCustomerId = row.values.externalId;
  return {
    ...feed,
    missingColumns: feed.missingColumns.filter((c) => c !== 'HCCustomerId'),
    legacyKeyColumn: ext,
    refusal,
  };
}
