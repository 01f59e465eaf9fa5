/**
 * The global `util` object and N/util (NetSuite help "N/util Module", "util Object"; members as in the
 * SuiteCloud unit-testing stub util.js: each, extend, deepExtend, isArray, isAsyncFunction, isBoolean,
 * isDate, isFunction, isNumber, isObject, isRegExp, isString, nanoTime). Tests use Object.prototype.toString
 * so they hold for values of any realm (script values and emulator values alike).
 */
import type * as utilTypes from 'N/util';

const tag = (v: unknown): string => Object.prototype.toString.call(v);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || tag(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function deepExtend(
  receiver: Record<string, unknown>,
  contributor: Record<string, unknown>,
): Record<string, unknown> {
  for (const k of Object.keys(contributor ?? {})) {
    const v = contributor[k];
    if (Array.isArray(v)) {
      receiver[k] = deepExtend(
        Array.isArray(receiver[k]) ? (receiver[k] as never) : ([] as never),
        v as never,
      );
    } else if (isPlainObject(v)) {
      receiver[k] = deepExtend(isPlainObject(receiver[k]) ? receiver[k] : {}, v);
    } else {
      receiver[k] = v;
    }
  }
  return receiver;
}

export function createUtil(): typeof utilTypes & {
  deepExtend: typeof deepExtend;
  isAsyncFunction(o: unknown): boolean;
} {
  const util = {
    isArray: (o: unknown): o is unknown[] => Array.isArray(o),
    isBoolean: (o: unknown): o is boolean => tag(o) === '[object Boolean]',
    isDate: (o: unknown): o is Date => tag(o) === '[object Date]',
    isFunction: (o: unknown): o is (...a: unknown[]) => unknown => typeof o === 'function',
    isAsyncFunction: (o: unknown): boolean => tag(o) === '[object AsyncFunction]',
    isNumber: (o: unknown): o is number => tag(o) === '[object Number]',
    isObject: (o: unknown): o is object => isPlainObject(o),
    isRegExp: (o: unknown): o is RegExp => tag(o) === '[object RegExp]',
    isString: (o: unknown): o is string => tag(o) === '[object String]',
    nanoTime: (): number => Number(process.hrtime.bigint()),
    each(iterable: unknown, callback: (v: unknown, k: unknown, it: unknown) => unknown): unknown {
      if (Array.isArray(iterable)) {
        for (let i = 0; i < iterable.length; i++) if (callback(iterable[i], i, iterable) === false) break;
      } else if (iterable !== null && typeof iterable === 'object') {
        const o = iterable as Record<string, unknown>;
        for (const k of Object.keys(o)) if (callback(o[k], k, o) === false) break;
      }
      return iterable;
    },
    extend(receiver: Record<string, unknown>, contributor: Record<string, unknown>): unknown {
      for (const k of Object.keys(contributor ?? {})) receiver[k] = contributor[k];
      return receiver;
    },
    deepExtend,
  };
  return util as never;
}
