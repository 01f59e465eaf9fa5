/**
 * The bundle raises one error type, SyncError, under a code an administrator can search for: every
 * HC_… code thrown is one of SYNC_ERROR_CODES (docs/ARCHITECTURE.md "Errors"), and no source throws a
 * bare Error (its name would be "Error", no code; core/csvBuffer.ts's TypeErrors are the ones Node's
 * Buffer throws, kept). Read from the TypeScript sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SYNC_ERROR_CODES } from '../../src/TypeScripts/HotWaxCustomerSync/core/errors';

const SRC = path.resolve(__dirname, '../../src/TypeScripts/HotWaxCustomerSync');

function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts')
      ? [{ file: path.relative(SRC, full), text: fs.readFileSync(full, 'utf8') }]
      : [];
  });
}

const ALL = sources(SRC);

describe('error codes', () => {
  it('reads the sources', () => {
    expect(ALL.length).toBeGreaterThan(30);
  });

  it('throws no bare Error anywhere in the bundle', () => {
    const bare = ALL.flatMap(({ file, text }) =>
      [...text.matchAll(/\bnew Error\(/g)].map((m) => `${file}: ${m[0]}`),
    );
    expect(bare).toEqual([]);
  });

  it('raises only the HC_ codes SYNC_ERROR_CODES lists', () => {
    const known = new Set<string>(Object.values(SYNC_ERROR_CODES));
    const used = ALL.flatMap(({ file, text }) =>
      [...text.matchAll(/'(HC_[A-Z_]+)'/g)]
        .map((m) => m[1])
        .filter((code) => !/^HC_(?:MR|SC|SL)_/.test(code))
        .map((code) => ({ file, code })),
    ).filter(({ file }) => file !== path.join('core', 'errors.ts'));
    expect(used.filter(({ code }) => !known.has(code))).toEqual([]);
  });
});
