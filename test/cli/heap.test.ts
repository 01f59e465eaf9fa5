/** cli/heap.ts: which simulate command lines run again under a heap sized to the run. */
import { simulateHeapMB } from '../../cli/heap';

const env = {} as NodeJS.ProcessEnv;

describe('simulate heap', () => {
  it('sizes the heap of a 1,000,000-customer run (plus 10% new) at 1.25 KB a customer plus 256 MB', () => {
    expect(simulateHeapMB(['simulate', '--customers', '1000000'], env, [])).toBe(
      Math.ceil((1_100_000 * 1.25 * 1024) / 1048576) + 256,
    );
    expect(simulateHeapMB(['simulate', '--customers=300000', '--new', '0'], env, [])).toBe(
      Math.ceil((300_000 * 1.25 * 1024) / 1048576) + 256,
    );
  });

  it('leaves small runs, other commands and a heap size of your own alone', () => {
    expect(simulateHeapMB(['simulate', '--customers', '2000'], env, [])).toBeNull();
    expect(simulateHeapMB(['simulate'], env, [])).toBeNull();
    expect(simulateHeapMB(['snapshot', '--customers', '1000000'], env, [])).toBeNull();
    expect(
      simulateHeapMB(
        ['simulate', '--customers', '1000000'],
        { NODE_OPTIONS: '--max-old-space-size=8000' },
        [],
      ),
    ).toBeNull();
    expect(
      simulateHeapMB(['simulate', '--customers', '1000000'], env, ['--max-old-space-size=900']),
    ).toBeNull();
    expect(
      simulateHeapMB(['simulate', '--customers', '1000000'], { HC_SIMULATE_HEAP_SIZED: '1' }, []),
    ).toBeNull();
  });
});
