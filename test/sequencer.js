// Jest's own sequencer orders test files by their last run's duration, kept in its cache; on a fresh
// clone (CI) there is none and it falls back to file size, which can start a slow file last and
// leave one worker idle while the other finishes it. Without cached durations, the files listed in
// test/durations.json (seconds of one `npm test` on a 2-core machine) start first, longest first,
// and the others follow in Jest's order. Refresh the list from `npm test`'s output when a file gets
// much slower or faster; a stale or missing entry only costs order, never a test.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const DURATIONS = require('./durations.json');

const known = (test) =>
  DURATIONS[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')] ?? 0;

class KnownDurationsFirst extends Sequencer {
  sort(tests) {
    const jestOrder = super.sort(tests);
    if (jestOrder.some((t) => t.duration != null)) return jestOrder;
    const position = new Map(jestOrder.map((t, i) => [t, i]));
    return [...jestOrder].sort((a, b) => known(b) - known(a) || position.get(a) - position.get(b));
  }
}
module.exports = KnownDurationsFirst;
