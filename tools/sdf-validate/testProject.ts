// The SDF validator's tests share these: copies of the real project (src/, build/scripts.mjs, HotWax's
// object facts) broken in one way each, deploy projects generated from them, and the expectation that
// a problem names the file and says what is wrong. Needs the built SuiteScript files
// (npm run build:suitescript).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFacts } from '../sdf-deploy/facts';
import { generateDeployProject, type DeployMode } from '../sdf-deploy/generate';
import { type Problem, formatProblem, validateSdfProject } from './validate';
import {
  EXPORT_CUSTOMER_IDS,
  IMPORT_CUSTOMER,
} from '../../src/TypeScripts/HotWaxCustomerSync/core/scriptIds';

export const REPO = path.resolve(__dirname, '..', '..');
export const SRC = path.join(REPO, 'src');
export const BUILT = 'src/FileCabinet/SuiteScripts/HotWaxCustomerSync';

export const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A copy of src/ (without the TypeScript sources) and build/scripts.mjs in a temp dir; returns its src. */
export function copyProject(): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-validate-'));
  temps.push(tmp);
  fs.cpSync(SRC, path.join(tmp, 'src'), {
    recursive: true,
    filter: (p) => !p.startsWith(path.join(SRC, 'TypeScripts')),
  });
  fs.mkdirSync(path.join(tmp, 'build'));
  fs.copyFileSync(path.join(REPO, 'build', 'scripts.mjs'), path.join(tmp, 'build', 'scripts.mjs'));
  fs.mkdirSync(path.join(tmp, 'docs'));
  fs.copyFileSync(path.join(REPO, 'docs', 'HOTWAX-OBJECTS.md'), path.join(tmp, 'docs', 'HOTWAX-OBJECTS.md'));
  return path.join(tmp, 'src');
}

/** Copies the project, edits one file (path relative to the copy's parent, e.g. src/Objects/x.xml). */
export function broken(file: string, edit: (text: string) => string): string {
  const src = copyProject();
  const abs = path.join(path.dirname(src), file);
  const before = fs.readFileSync(abs, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(abs, after);
  return src;
}

export function expectProblem(problems: Problem[], file: string, message: RegExp): void {
  const hit = problems.find((p) => p.file === file && message.test(p.message));
  if (!hit)
    throw new Error(
      `expected a problem in ${file} matching ${message}; got:\n${problems.map(formatProblem).join('\n')}`,
    );
}

export const IMPORT = `src/Objects/${IMPORT_CUSTOMER.scriptId}.xml`;
export const EXPORT = `src/Objects/${EXPORT_CUSTOMER_IDS.scriptId}.xml`;

export const facts = loadFacts(REPO);
export const SFTP = 'src/Objects/customrecord_ns_sftp_configuration.xml';
export const CHECKPOINT = 'src/Objects/customrecord_hc_sync_checkpoint.xml';
export const STAMP = 'src/Objects/custentity_hc_sync_stamp.xml';

/** Generates a deploy project from src (or a broken copy), optionally edits one of its files, validates it. */
export function generated(
  mode: DeployMode,
  opts: {
    src?: string;
    emails?: string[];
    deployments?: string[];
    edit?: [string, (t: string) => string];
  } = {},
): Problem[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-generated-')), mode);
  temps.push(path.dirname(out));
  generateDeployProject(opts.src ?? SRC, out, {
    mode,
    hotwaxOwned: facts.hotwaxOwned,
    notifyEmails: opts.emails ?? ['ops@example.com'],
    deployments: opts.deployments,
  });
  if (opts.edit) {
    const [rel, edit] = opts.edit;
    const abs = path.join(out, rel);
    const before = fs.readFileSync(abs, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    fs.writeFileSync(abs, after);
  }
  return validateSdfProject(out, { mode, facts, buildList: false });
}
