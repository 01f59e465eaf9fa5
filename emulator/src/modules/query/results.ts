/** The ResultSet and PagedData that Query.run, Query.runPaged and SuiteQL objects give. */
import type { QColumn } from './components';
import { err, type Opts } from './common';

/** The ResultSet of Query.run / a page: results, types, columns, asMappedResults, iterator. */
export function queryResultSet(columns: QColumn[], rows: unknown[][]) {
  const labels = columns.map((c) => c.label);
  const types = columns.map((c) => c.valueType);
  const results = rows.map((values) => ({
    values,
    asMap: () => Object.fromEntries(labels.map((l, i) => [l, values[i]])),
    toJSON: () => ({ types, values }),
  }));
  return {
    columns,
    types,
    results,
    asMappedResults: () => results.map((r) => r.asMap()),
    iterator: () => ({
      each(cb: (r: { value: unknown }) => unknown) {
        for (const r of results) if (cb({ value: r }) !== true) break;
      },
    }),
  };
}

/** PagedData over rows already computed: pages of `size`, fetch free (help "PagedData.fetch(options)"). */
export function pagedData(
  rows: unknown[][],
  size: number,
  page: (slice: unknown[][]) => unknown,
  onFetch: () => void = () => {},
) {
  const count = rows.length;
  const pageRanges = Array.from({ length: Math.ceil(count / size) }, (_, index) => ({
    index,
    size: Math.min(size, count - index * size),
  }));
  const data: Opts = { count, pageSize: size, pageRanges };
  const fetch = (o: unknown) => {
    const index = typeof o === 'number' ? o : Number((o as { index?: unknown })?.index);
    if (Number.isNaN(index)) throw err('INVALID_PAGE_INDEX', 'PagedData.fetch: index must be a number');
    if (!(index >= 0 && index < pageRanges.length)) {
      throw err('INVALID_PAGE_RANGE', `PagedData.fetch: no page ${index}`);
    }
    onFetch();
    return {
      data: page(rows.slice(index * size, (index + 1) * size)),
      pageRange: pageRanges[index],
      isFirst: index === 0,
      isLast: index === pageRanges.length - 1,
      pagedData: data,
    };
  };
  data.fetch = fetch;
  data.iterator = () => ({
    each(cb: (p: { value: unknown }) => unknown) {
      for (const r of pageRanges) if (cb({ value: fetch({ index: r.index }) }) !== true) break;
    },
  });
  return data;
}

export function pageSizeOf(api: string, o: unknown): number {
  const raw = (o as { pageSize?: unknown } | undefined)?.pageSize;
  const size = raw === undefined ? 50 : Number(raw);
  if (!Number.isInteger(size) || size < 5 || size > 1000) {
    throw err('INVALID_PAGE_RANGE', `${api}: pageSize must be 5 to 1000`);
  }
  return size;
}
