/** node:util parseArgs with the project's conventions: unknown options are usage errors. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(
  argv: string[],
  options: O,
  allowPositionals = false,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' } };
  // "--customers -5": parseArgs calls a value starting with a dash "ambiguous"; a negative number is
  // a value here, joined so the option's own check says what is wrong with it.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([^=]+)$/.exec(argv[i])?.[1];
    if (name && all[name]?.type === 'string' && /^-\d/.test(argv[i + 1] ?? ''))
      args.push(`${argv[i]}=${argv[++i]}`);
    else args.push(argv[i]);
  }
  try {
    const r = parseArgs({ args, options: all, allowPositionals, strict: true } as ParseArgsConfig);
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError(parseError(e as Error & { code?: string }, all));
  }
}

/** parseArgs' messages, as one line saying what is wrong and what to do (values are never repeated). */
function parseError(e: Error & { code?: string }, options: Options): string {
  const option = /Option '(-[-\w]+)/.exec(e.message)?.[1] ?? /option '(-[-\w]+)/i.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = (option ?? '').replace(/^-+/, '');
    const near = Object.keys(options).find(
      (k) => given.length > 2 && (k.startsWith(given) || given.startsWith(k) || editDistance(k, given) <= 2),
    );
    return `unknown option ${option ?? ''}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take an argument/.test(e.message)) return `${option} takes no value (write just ${option})`;
    return `${option} needs a value (${option} VALUE, or ${option}=VALUE for a value starting with "-")`;
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return 'unexpected argument (not shown): this command takes only options; put a value right after its option';
  return withoutValues(e.message).split('\n')[0];
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

export function intOption(
  values: Record<string, string | boolean | undefined>,
  name: string,
  def: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const v = values[name];
  if (v === undefined) return def;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(
      `--${name} takes a whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : min ? ` of at least ${min}` : ''} (got "${String(v).slice(0, 20)}")`,
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

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? '';

/**
 * A file the command reads, checked before any work: exists, is a file, can be read. `shown` is
 * false for files whose name must not be repeated (a private key: a pasted key would be echoed).
 */
export function inputFile(cwd: string, label: string, value: string, what: string, shown = true): string {
  const file = path.resolve(cwd, value);
  const name = shown ? ` ${value}` : '';
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new UsageError(
      errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR'
        ? `${label}: no such file${name}; give the path of the ${what}`
        : `${label}: cannot open${name} (${errno(e) || (e as Error).message}); give the path of the ${what}`,
    );
  }
  if (st.isDirectory())
    throw new UsageError(
      `${label}:${name || ' the path given'} is a folder; give the ${what} file inside it`,
    );
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new UsageError(
      `${label}:${name || ' the file given'} cannot be read (permission denied); make it readable by you`,
    );
  }
  return file;
}

/** A file the command writes, checked before any work: its folder exists and can be written; not a folder. */
export function outputFile(cwd: string, option: string, value: string, example: string): string {
  const file = path.resolve(cwd, value);
  const dir = path.dirname(file);
  if (value.endsWith('/') || isDir(file))
    throw new UsageError(
      `--${option} ${value} is a folder; give a file name, e.g. ${path.join(value, example)}`,
    );
  if (!isDir(dir))
    throw new UsageError(
      `--${option}: the folder ${path.dirname(value)} does not exist; create it first (mkdir -p ${path.dirname(value)}) or write elsewhere`,
    );
  writable(dir, option, path.dirname(value));
  return file;
}

/** A folder the command writes into: created when missing; not a file. */
export function outputDir(cwd: string, option: string, value: string): string {
  const dir = path.resolve(cwd, value);
  if (fs.existsSync(dir) && !isDir(dir))
    throw new UsageError(`--${option} ${value} is a file; give a folder (it is created when missing)`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(
      errno(e) === 'ENOTDIR' || errno(e) === 'EEXIST'
        ? `--${option} ${value}: part of this path is a file, not a folder; give a folder path`
        : `--${option} ${value}: cannot create the folder (${errno(e) || (e as Error).message}); choose a folder you can write to`,
    );
  }
  writable(dir, option, value);
  return dir;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function writable(dir: string, option: string, shown: string): void {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(
      `--${option}: cannot write in ${shown} (permission denied); choose a folder you can write to`,
    );
  }
}
