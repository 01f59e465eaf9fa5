/**
 * `npm run bench`: governance units, executions and wall time of each script on generated accounts
 * of 1,000 and 10,000 customers, in the NetSuite emulator with an embedded SFTP server. Prints a
 * table and a pass/fail line per target, and writes bench/results.json (see bench/README.md).
 *
 *   node dist/bench/run.js [--sizes 1000,10000] [--seed 1] [--out bench/results.json]
 *
 * Exit 0 when every correctness check holds, even if a target is missed (the bench reports; tests
 * assert). Exit 1 when a check fails: then results.json is left as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../simulation/project';
import type { CaseResult } from './cases';
import {
  BenchCheckError,
  exportIds,
  FEED_ROWS_PER_FILE,
  historical,
  importCreate,
  importLink,
} from './cases';
import { evaluate, render, toJson } from './report';

const DEFAULT_SIZES = [1000, 10000];

interface Args {
  sizes: number[];
  seed: number;
  out: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: DEFAULT_SIZES, seed: 1, out: null };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes')
      args.sizes = value()
        .split(',')
        .map((s) => Number(s.replace(/_/g, '')));
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--out') {
      args.out = value();
      outGiven = true;
    } else throw new Error(`unknown argument ${argv[i]} (use --sizes 1000,10000 --seed 1 --out file)`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: positive integers');
  // The committed results are the default sizes; a partial run writes only where it is told to.
  if (!outGiven && args.sizes.join() === DEFAULT_SIZES.join())
    args.out = path.join(PROJECT_ROOT, 'bench', 'results.json');
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const cases: CaseResult[] = [];
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    process.stdout.write(`  ${label} … `);
    const r = await fn();
    process.stdout.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return r;
  };

  console.log(`Benchmark: ${args.sizes.join(', ')} customers, seed ${args.seed}`);
  try {
    for (const n of args.sizes) {
      cases.push(...(await step(`historical export + upload, ${n}`, () => historical(n, args.seed))));
      cases.push(await step(`import (create), ${n}`, () => importCreate(n, args.seed)));
      cases.push(await step(`import (link), ${n}`, () => importLink(n, args.seed)));
      cases.push(await step(`id export, ${n}`, () => exportIds(n, args.seed)));
    }
  } catch (e) {
    process.stdout.write('\n');
    if (e instanceof BenchCheckError) {
      console.error(`\nBENCH FAILED: wrong output, figures not written.\n${e.message}`);
      return 1;
    }
    throw e;
  }

  // One table, script by script.
  const order = [
    'HC_SC_GenerateHistoricalCustomerCSV',
    'HC_SC_UploadHistoricalCustomerCSV',
    'HC_SC_ImportCustomer',
    'HC_SC_ImportCustomer (link)',
    'HC_MR_ExportedCustomerCSV',
  ];
  cases.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key) || a.customers - b.customers);
  const targets = evaluate(cases);
  console.log(`\n${render(cases, targets)}`);

  const totalSeconds = (performance.now() - started) / 1000;
  const meta = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    sftp: 'embedded',
    seed: args.seed,
    feedRowsPerFile: FEED_ROWS_PER_FILE,
    benchSeconds: Math.round(totalSeconds * 10) / 10,
  };
  if (args.out) {
    fs.writeFileSync(args.out, JSON.stringify(toJson(cases, targets, meta), null, 2) + '\n');
    console.log(`\nWrote ${path.relative(process.cwd(), args.out) || args.out}`);
  } else console.log('\n(not written: sizes differ from the default; pass --out to write the JSON)');
  console.log(`Bench took ${totalSeconds.toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
