/** node:util parseArgs with the project's conventions: unknown options are usage errors. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(
  argv: string[],
  options: O,
  allowPositionals = false,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    } as ParseArgsConfig);
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError(withoutValues((e as Error).message));
  }
}

export function intOption(
  values: Record<string, string | boolean | undefined>,
  name: string,
  def: number,
  min = 0,
): number {
  const v = values[name];
  if (v === undefined) return def;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(
      `--${name} must be a whole number${min ? ` of at least ${min}` : ''} (got "${String(v)}")`,
    );
  return n;
}

export function str(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * parseArgs quotes a stray argument back ("Unexpected argument 'hunter2'"): a password typed after
 * the wrong option would be echoed. Option names are kept; argument values never are.
 */
export function withoutValues(message: string): string {
  return message
    .replace(/^Unexpected argument '[\s\S]*?'\. /, 'Unexpected argument (not shown). ')
    .replace(/-- "[\s\S]*"/g, '-- "…"');
}
