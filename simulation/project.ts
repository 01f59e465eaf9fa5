/**
 * Where this project is on disk, for the callers of the emulator (simulation, CLI, benchmarks, tests):
 * the emulator takes the SDF project folder explicitly and never guesses it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The repository root: the folder holding suitecloud.config.js, above simulation/ or dist/simulation/. */
export const PROJECT_ROOT = ((): string => {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'suitecloud.config.js'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`suitecloud.config.js not found above ${__dirname}`);
})();

/** The SDF project folder (suitecloud.config.js defaultProjectFolder): Objects/ and FileCabinet/. */
export const SDF_PROJECT_DIR = path.join(PROJECT_ROOT, 'src');
