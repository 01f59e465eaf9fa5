/**
 * Memory of a run, for simulate's report: the process's peak resident set (from the OS:
 * `process.resourceUsage().maxRSS`) and the largest V8 heap in use seen at a sample point (each
 * step's start and end), with the heap limit.
 */
import v8 from 'node:v8';

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
