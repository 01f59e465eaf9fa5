/**
 * A record's internal id kept in the script's private N/cache, so an execution reads the record by id
 * (1 unit) instead of finding it by a search (10). Only a hint: NetSuite may drop a value at any time
 * (help "N/cache Module"), and the caller checks that the record it names is still the one it wants,
 * searching when not. Cache.get 1 unit, once per execution; Cache.put 1, after a search or a create.
 */
import type * as cacheTypes from 'N/cache';

export interface IdHint {
  readonly id: string;
  remember(id: string): void;
}

export function cachedId(
  cache: Pick<typeof cacheTypes, 'getCache' | 'Scope'>,
  name: string,
  key: string,
): IdHint {
  const c = cache.getCache({ name, scope: cache.Scope.PRIVATE });
  let id: string | undefined;
  return {
    get id() {
      return (id ??= String(c.get({ key }) ?? ''));
    },
    remember(found) {
      c.put({ key, value: (id = found), ttl: 86400 });
    },
  };
}
