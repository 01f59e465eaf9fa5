/**
 * N/cache (help "N/cache Module", "cache.getCache(options)", "Cache.get(options)", "Cache.put(options)",
 * "Cache.remove(options)"; doc comments of @hitc/netsuite-types N/cache):
 * - getCache({ name, scope }) creates the cache or returns the existing one (no units; name at most 1 KB);
 * - get({ key, loader, ttl }) 1 unit: the value, else the loader's value (not a string → JSON.stringify),
 *   which is then cached; without a loader a missing value is null;
 * - put({ key, value, ttl }) 1 unit: value not a string → JSON.stringify; key at most 4 KB, value at most
 *   500 KB; ttl in seconds, default no limit, minimum 300;
 * - remove({ key }) 1 unit.
 * Scopes: PRIVATE (default) is the current script's, PROTECTED every script outside a bundle (there are no
 * bundles here), PUBLIC the account's. The cache lives as long as the Account (NetSuite may drop values at
 * any time: scripts must not rely on a value being there). Expiry uses the modeled clock.
 * Unverified: the error codes for a key / value / name over its limit and a ttl under 300 (raised to 300 here).
 */
import type * as cacheTypes from 'N/cache';
import type { AccountState, ExecutionContext } from '../core/context';
import { nsError } from '../core/errors';

export const Scope = Object.freeze({ PRIVATE: 'PRIVATE', PROTECTED: 'PROTECTED', PUBLIC: 'PUBLIC' });
export const CACHE_LIMITS = { keyBytes: 4096, valueBytes: 500 * 1024, nameBytes: 1024, minTtlSeconds: 300 };

type Entry = { value: string; expiresAt: number };
const stores = new WeakMap<AccountState, Map<string, Map<string, Entry>>>();

/** Empties every cache of the account (a test knob: NetSuite may evict values at any time). */
export function clearCaches(account: AccountState): void {
  stores.delete(account);
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const opts = (o: unknown, api: string): Record<string, unknown> => {
  if (!o || typeof o !== 'object') throw nsError('SSS_MISSING_REQD_ARGUMENT', `${api}: options are required`);
  return o as Record<string, unknown>;
};
function keyOf(o: Record<string, unknown>, api: string): string {
  if (o.key === undefined || o.key === null || o.key === '')
    throw nsError('SSS_MISSING_REQD_ARGUMENT', `${api}: missing a required argument: key`);
  const key = String(o.key);
  if (bytes(key) > CACHE_LIMITS.keyBytes)
    throw nsError('SSS_CACHE_KEY_TOO_LONG', `${api}: the key is longer than ${CACHE_LIMITS.keyBytes} bytes`);
  return key;
}
const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function createCacheModule(ctx: ExecutionContext): typeof cacheTypes {
  function getCache(options: unknown): cacheTypes.Cache {
    const o = opts(options, 'cache.getCache');
    if (o.name === undefined || o.name === null || o.name === '')
      throw nsError('SSS_MISSING_REQD_ARGUMENT', 'cache.getCache: missing a required argument: name');
    const name = String(o.name);
    if (bytes(name) > CACHE_LIMITS.nameBytes)
      throw nsError(
        'SSS_CACHE_NAME_TOO_LONG',
        `cache.getCache: the name is longer than ${CACHE_LIMITS.nameBytes} bytes`,
      );
    const scope = o.scope === undefined || o.scope === null ? Scope.PRIVATE : String(o.scope).toUpperCase();
    if (!(scope in Scope))
      throw nsError('SSS_INVALID_TYPE_ARG', `cache.getCache: invalid scope ${scope}; use cache.Scope`);
    const id = `${scope}\u0000${scope === Scope.PRIVATE ? ctx.script.scriptId : ''}\u0000${name}`;
    let all = stores.get(ctx.account);
    if (!all) stores.set(ctx.account, (all = new Map()));
    let map = all.get(id);
    if (!map) all.set(id, (map = new Map()));
    const entries = map;
    const now = () => ctx.account.now().getTime();
    const store = (key: string, value: unknown, ttl: unknown, api: string): string => {
      const text = asText(value);
      if (text === undefined)
        throw nsError('SSS_MISSING_REQD_ARGUMENT', `${api}: missing a required argument: value`);
      if (bytes(text) > CACHE_LIMITS.valueBytes)
        throw nsError(
          'SSS_CACHE_VALUE_TOO_LARGE',
          `${api}: the value is larger than 500 KB (${bytes(text)} bytes)`,
        );
      const t =
        ttl === undefined || ttl === null ? Infinity : Math.max(Number(ttl), CACHE_LIMITS.minTtlSeconds);
      if (Number.isNaN(t)) throw nsError('SSS_INVALID_TYPE_ARG', `${api}: ttl must be a number of seconds`);
      entries.set(key, { value: text, expiresAt: now() + t * 1000 });
      return text;
    };
    return {
      name,
      scope,
      get(options: unknown): string | null {
        const g = opts(options, 'Cache.get');
        ctx.charge('Cache.get', 1);
        const key = keyOf(g, 'Cache.get');
        const hit = entries.get(key);
        if (hit && hit.expiresAt > now()) return hit.value;
        entries.delete(key);
        if (typeof g.loader !== 'function') return null;
        const loaded = (g.loader as (c: { key: string }) => unknown)({ key });
        if (loaded === undefined || loaded === null) return null;
        return store(key, loaded, g.ttl, 'Cache.get');
      },
      put(options: unknown): void {
        const p = opts(options, 'Cache.put');
        ctx.charge('Cache.put', 1);
        store(keyOf(p, 'Cache.put'), p.value, p.ttl, 'Cache.put');
      },
      remove(options: unknown): void {
        const r = opts(options, 'Cache.remove');
        ctx.charge('Cache.remove', 1);
        entries.delete(keyOf(r, 'Cache.remove'));
      },
      toString: () => 'cache.Cache',
    } as unknown as cacheTypes.Cache;
  }
  return { getCache, Scope } as unknown as typeof cacheTypes;
}
