/**
 * `simulate` at large sizes runs under a V8 heap sized to the run. Under Node's default limit (about
 * a quarter of the machine's memory) V8 lets garbage pile up before collecting it: a 1,000,000-customer
 * run then peaks near 3 GB resident, where a heap of 1.25 KB a customer plus 256 MB keeps the same run
 * under 2 GB (cli/README.md, "Memory"). Nothing changes when the heap size was chosen (a
 * --max-old-space-size in NODE_OPTIONS or on the command line), nor for runs under 200,000 customers.
 */
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { HEAP_BYTES_PER_CUSTOMER } from './memory';

const SIZED = 'HC_SIMULATE_HEAP_SIZED';
const MIN_CUSTOMERS = 200_000;
const BASE_MB = 256;

function option(argv: string[], name: string): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return Number(argv[i + 1]);
    if (argv[i].startsWith(`--${name}=`)) return Number(argv[i].slice(name.length + 3));
  }
  return undefined;
}

/** The heap (MB) a simulate command line should run under, or null to run as it is. */
export function simulateHeapMB(argv: string[], env: NodeJS.ProcessEnv, execArgv: string[]): number | null {
  if (argv[0] !== 'simulate' || env[SIZED]) return null;
  if ([...execArgv, env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'))) return null;
  const customers = option(argv, 'customers') ?? 0;
  const total = customers + (option(argv, 'new') ?? Math.max(5, Math.round(customers / 10)));
  if (!Number.isFinite(total) || customers < MIN_CUSTOMERS) return null;
  const mb = Math.ceil((total * HEAP_BYTES_PER_CUSTOMER) / 1048576) + BASE_MB;
  return mb < v8.getHeapStatistics().heap_size_limit / 1048576 ? mb : null;
}

/** Runs this command line again under that heap; returns its exit status. */
export function rerunWithHeap(script: string, argv: string[], mb: number): number {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${mb}`, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [SIZED]: '1' },
  });
  return r.status ?? 1;
}
