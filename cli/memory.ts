/**
 * Memory of a run, for simulate's report: the process's peak resident set (from the OS:
 * `process.resourceUsage().maxRSS`) and the largest V8 heap in use seen at a sample point (each
 * step's start and end), with the heap limit.
 */
import v8 from 'node:v8';
import { UsageError } from './io';

export interface MemoryReport {
  peakRssMB: number;
  peakHeapUsedMB: number;
  heapLimitMB: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1048576);

export class MemoryTracker {
  private peakHeap = 0;

  sample(): void {
    this.peakHeap = Math.max(this.peakHeap, process.memoryUsage().heapUsed);
  }

  report(): MemoryReport {
    this.sample();
    return {
      peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
      peakHeapUsedMB: mb(this.peakHeap),
      heapLimitMB: mb(v8.getHeapStatistics().heap_size_limit),
    };
  }
}

export function renderMemory(m: MemoryReport): string {
  return `Memory: peak RSS ${m.peakRssMB} MB, peak heap used ${m.peakHeapUsedMB} MB (heap limit ${m.heapLimitMB} MB)`;
}

/**
 * A generous bound on the peak heap per generated customer (simulate's "Memory" line shows the peak
 * heap used of a run). A size that cannot fit is refused before minutes of work end in V8's
 * out-of-memory crash.
 */
export const HEAP_BYTES_PER_CUSTOMER = 1.25 * 1024;

/** `customers`: the option's value; `total`: every customer it generates (simulate adds the new ones). */
export function checkHeapFor(customers: number, total: number, what: string): void {
  const limit = v8.getHeapStatistics().heap_size_limit;
  const need = total * HEAP_BYTES_PER_CUSTOMER;
  if (need <= limit) return;
  const gb = (b: number) => (b / 1024 ** 3).toFixed(1);
  throw new UsageError(
    `${what} needs about ${gb(need)} GB of memory and this Node allows ${gb(limit)} GB: choose at most ${total === customers || /--new/.test(what) ? `${Math.floor(limit / HEAP_BYTES_PER_CUSTOMER)} customers in all` : `--customers ${Math.floor((limit / need) * customers)}`}, or raise the limit (NODE_OPTIONS=--max-old-space-size=${Math.ceil((need * 1.2) / 1048576)})`,
  );
}
