#!/usr/bin/env node
// @ts-check
/**
 * Deploy preflight: run first by every `npm run deploy*` script, before any build, so a machine that
 * cannot deploy says so in a second instead of after a 30-100 s build ("sh: 1: suitecloud: not found").
 * Plain JavaScript on purpose: it must run before `npm run build` has produced anything.
 *
 *   node tools/sdf-deploy/preflight.js [--root DIR]
 *
 * Checks (one line per problem, each with what to run; exit 1 when any is missing, 0 otherwise):
 * - the SuiteCloud CLI: node_modules/.bin/suitecloud of the project, or `suitecloud` on PATH;
 * - the SDK JAR its install script downloads from Oracle: the CLI's package.json names it
 *   (`sdkFilename`) and its SdkProperties keeps it in ~/.suitecloud-sdk/cli/ (oracle/netsuite-suitecloud-sdk,
 *   packages/node-cli/src/core/sdksetup/SdkProperties.js). npm drops an optional dependency whose
 *   install script fails and still reports "up to date" (npm docs, package.json "optionalDependencies":
 *   npm proceeds when one fails to install), which is how `npm install --include=optional
 *   @oracle/suitecloud-cli` can install nothing;
 * - Java 17 or 21 (`java -version`): "Oracle JDK version 17 or 21" (npm page of @oracle/suitecloud-cli,
 *   "Prerequisites"; NetSuite help "SuiteCloud CLI for Node.js Installation Prerequisites");
 * - an account auth id: `suitecloud account:setup` / `account:setup:ci` "configures the default auth ID
 *   for the SuiteCloud project" (NetSuite help "account:setup", "account:setup:ci"), which the CLI keeps
 *   as `defaultAuthId` in project.json of the folder it runs in, beside suitecloud.config.js ("SuiteCloud
 *   Project Types in SuiteCloud CLI for Node.js"; AuthenticationUtils.js of the CLI). The credentials
 *   themselves are stored under ~/.suitecloud-sdk/ (credentials*.p12 by what users report: unverified),
 *   so their absence is a warning only.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const CLI_PACKAGE = '@oracle/suitecloud-cli';
const INSTALL = `npm install -g ${CLI_PACKAGE}`;
const SETUP =
  'npx suitecloud account:setup (a browser login; from CI: npx suitecloud account:setup:ci, README "Deploying")';

/** The first executable `name` on PATH, or null. */
function onPath(name, envPath) {
  for (const dir of (envPath || '').split(path.delimiter).filter(Boolean)) {
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** The package folder of the CLI a `suitecloud` executable belongs to (a symlink into it), or null. */
function packageDirOf(bin) {
  let dir;
  try {
    dir = path.dirname(fs.realpathSync(bin));
  } catch {
    return null;
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === CLI_PACKAGE)
        return dir;
    } catch {
      /* keep going up */
    }
  }
  return null;
}

/** The SDK JAR the CLI package expects, and whether it is there. */
function sdkJar(pkgDir, home) {
  const sdkHome = path.join(home, '.suitecloud-sdk');
  let file;
  try {
    file = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).sdkFilename;
  } catch {
    file = undefined;
  }
  if (typeof file === 'string' && file) {
    const p = path.join(sdkHome, 'cli', file);
    return { where: p, present: fs.existsSync(p) };
  }
  // A CLI that does not name its JAR: any JAR where the CLI versions keep it.
  const any = [path.join(sdkHome, 'cli'), sdkHome].some((d) => {
    try {
      return fs.readdirSync(d).some((n) => n.endsWith('.jar'));
    } catch {
      return false;
    }
  });
  return { where: path.join(sdkHome, 'cli', '*.jar'), present: any };
}

/** The major version `java -version` reports (stderr, `version "17.0.15"` or `"1.8.0_x"`), or an error. */
function javaVersion(env) {
  const r = spawnSync('java', ['-version'], { env, encoding: 'utf8', timeout: 20000 });
  if (r.error)
    return {
      error: /** @type {NodeJS.ErrnoException} */ (r.error).code === 'ENOENT' ? 'missing' : r.error.message,
    };
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}\n${r.stdout}`);
  if (!m) return { error: `"java -version" printed no version (exit ${r.status})` };
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
  return { major };
}

/**
 * Runs the checks; returns the lines to print and whether a deploy can go on.
 * @param {{ root: string, env: NodeJS.ProcessEnv }} o
 */
function preflight(o) {
  const { root, env } = o;
  const home = env.HOME || os.homedir();
  const problems = [];
  const warnings = [];
  const found = [];

  const localBin = path.join(root, 'node_modules', '.bin', 'suitecloud');
  const bin = fs.existsSync(localBin) ? localBin : onPath('suitecloud', env.PATH);
  const localPkg = path.join(root, 'node_modules', ...CLI_PACKAGE.split('/'));
  const pkgDir = bin ? packageDirOf(bin) : fs.existsSync(localPkg) ? localPkg : null;
  if (!bin && !pkgDir)
    problems.push(
      `SuiteCloud CLI not found (neither node_modules/.bin/suitecloud nor suitecloud on PATH). If "npm install --include=optional ${CLI_PACKAGE}" said "up to date", it installed nothing: npm drops an optional package whose install script fails, and this one downloads its SDK from Oracle (system.netsuite.com). Run: ${INSTALL} (shows the error, if any)`,
    );
  else if (!bin)
    problems.push(
      `${path.relative(root, pkgDir) || pkgDir} is there but has no node_modules/.bin/suitecloud: its install did not finish. Run: ${INSTALL}`,
    );
  else
    found.push(
      `SuiteCloud CLI ${path.relative(root, bin).startsWith('..') ? bin : path.relative(root, bin)}`,
    );
  if (pkgDir) {
    const jar = sdkJar(pkgDir, home);
    if (!jar.present)
      problems.push(
        `the SuiteCloud CLI is installed but its SDK JAR (${jar.where.replace(home, '~')}) is missing: its install script downloads it from Oracle (system.netsuite.com) and could not. Run where Oracle can be reached: ${INSTALL}`,
      );
  }

  const java = javaVersion(env);
  if (java.error === 'missing')
    problems.push(
      'Java not found (java on PATH): the SuiteCloud CLI needs Java 17 or 21. Install a JDK 17 or 21 (e.g. sudo apt-get install openjdk-17-jdk-headless) and put its bin/ on PATH',
    );
  else if (java.error) problems.push(`Java: ${java.error}. The SuiteCloud CLI needs Java 17 or 21 on PATH`);
  else if (java.major !== 17 && java.major !== 21)
    problems.push(
      `Java ${java.major} is first on PATH; the SuiteCloud CLI needs Java 17 or 21: install one and put its bin/ first on PATH`,
    );
  else found.push(`Java ${java.major}`);

  const projectJson = path.join(root, 'project.json');
  let authId;
  try {
    authId = JSON.parse(fs.readFileSync(projectJson, 'utf8')).defaultAuthId;
  } catch (e) {
    authId = /** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT' ? undefined : null;
  }
  if (authId === null) problems.push(`project.json cannot be read as JSON: run ${SETUP} again`);
  else if (typeof authId !== 'string' || !authId.trim())
    problems.push(`no account auth id (project.json has no defaultAuthId): run ${SETUP} in ${root}`);
  else {
    found.push(`auth id ${authId}`);
    let stored = false;
    try {
      stored = fs.readdirSync(path.join(home, '.suitecloud-sdk')).some((n) => n.startsWith('credentials'));
    } catch {
      stored = false;
    }
    if (!stored)
      warnings.push(
        `project.json names auth id "${authId}" but ~/.suitecloud-sdk/ holds no credentials file on this machine: if the deploy fails to authenticate, run ${SETUP}`,
      );
  }

  const lines = [
    ...problems.map((p) => `deploy preflight: ${p}`),
    ...warnings.map((w) => `deploy preflight (warning): ${w}`),
  ];
  if (!problems.length) lines.push(`deploy preflight: OK (${found.join(', ')})`);
  return { ok: problems.length === 0, lines };
}

module.exports = { preflight };

if (require.main === module) {
  const i = process.argv.indexOf('--root');
  const root = path.resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1] : process.cwd());
  const r = preflight({ root, env: process.env });
  for (const l of r.lines) (r.ok ? process.stdout : process.stderr).write(`${l}\n`);
  process.exitCode = r.ok ? 0 : 1;
}
