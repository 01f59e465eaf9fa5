/** Reading a whole search result set. */
import type * as searchTypes from 'N/search';

const PAGE = 1000;

/** Every result of a search, 1,000 per getRange call (10 units each). */
export function allResults(s: searchTypes.Search): searchTypes.Result[] {
  const set = s.run();
  const out: searchTypes.Result[] = [];
  for (let start = 0; ; start += PAGE) {
    const page = set.getRange({ start, end: start + PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}
