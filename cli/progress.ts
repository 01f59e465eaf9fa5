/** simulate's progress display. */
import type { Io } from './io';

/** A step bar drawn in place on a terminal; plain lines otherwise. */
export class Progress {
  private drawn = false;
  private readonly started = Date.now();
  constructor(
    private readonly io: Io,
    private readonly enabled: boolean,
  ) {}

  line(text: string): void {
    if (!this.enabled) return;
    this.clear();
    this.io.err(text + '\n');
  }

  step(index: number, total: number, name: string, done = false): void {
    if (!this.enabled) return;
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    if (!this.io.isTTY) {
      this.io.err(`[${index}/${total}] ${name} ${done ? 'done' : '...'} (${secs} s)\n`);
      return;
    }
    const width = 24;
    const filled = Math.round(((done ? index : index - 1) / total) * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const text = `[${bar}] ${index}/${total} ${name}${done ? ' done' : ' ...'} ${secs} s`;
    this.io.err(`\r${text.padEnd(78).slice(0, 78)}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.io.err(`\r${' '.repeat(78)}\r`);
    this.drawn = false;
  }
}
