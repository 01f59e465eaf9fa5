/**
 * N/crypto/random (NetSuite help "N/crypto/random Module"): cryptographically strong random values
 * from Node's crypto. No units.
 */
import crypto from 'node:crypto';
import { SuiteScriptError } from '../core/errors';

export function createCryptoRandomModule(): unknown {
  return {
    generateUUID: () => crypto.randomUUID(),
    generateBytes(o: { size: number }) {
      const size = Number(o?.size);
      if (!Number.isInteger(size) || size < 1)
        throw new SuiteScriptError(
          'SSS_INVALID_ARG',
          'random.generateBytes: size must be a positive integer',
        );
      return new Uint8Array(crypto.randomBytes(size));
    },
    generateInt(o: { min: number; max: number }) {
      const min = Number(o?.min);
      const max = Number(o?.max);
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min)
        throw new SuiteScriptError(
          'SSS_INVALID_ARG',
          'random.generateInt: min and max must be integers, min <= max',
        );
      return crypto.randomInt(min, max + 1);
    },
  };
}
