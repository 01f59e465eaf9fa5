/**
 * The deploy preflight (preflight.js) on fake machines: a PATH of stub executables, a HOME, a project
 * folder. What it finds missing is printed one line each, with what to run, before any build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'preflight.js');
const JAR = 'cli-2026.1.0.jar';
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hc-preflight-'));
  for (const d of ['bin', 'home', 'project']) fs.mkdirSync(path.join(tmp, d));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const bin = (...p: string[]) => path.join(tmp, 'bin', ...p);
const home = (...p: string[]) => path.join(tmp, 'home', ...p);
const project = (...p: string[]) => path.join(tmp, 'project', ...p);

function write(file: string, text: string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
}

/** A `java` that reports `version` the way the JDK does (on stderr). */
function java(version: string): void {
  write(bin('java'), `#!/bin/sh\necho 'openjdk version "${version}" 2025-04-15' >&2\n`, 0o755);
}

/** The CLI package in `dir` (as npm installs it), with `suitecloud` linked from `linkDir`. */
function cliPackage(dir: string, linkDir: string | null): void {
  write(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: '@oracle/suitecloud-cli',
      sdkFilename: JAR,
      bin: { suitecloud: 'src/suitecloud.js' },
    }),
  );
  write(path.join(dir, 'src/suitecloud.js'), '#!/usr/bin/env node\n', 0o755);
  if (linkDir) {
    fs.mkdirSync(linkDir, { recursive: true });
    fs.symlinkSync(path.join(dir, 'src/suitecloud.js'), path.join(linkDir, 'suitecloud'));
  }
}

function run(): { code: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, [SCRIPT, '--root', project()], {
    env: { PATH: bin(), HOME: home() },
    encoding: 'utf8',
  });
  return { code: r.status, lines: `${r.stdout}${r.stderr}`.trim().split('\n') };
}

test('a bare machine: the CLI, Java and the auth id are missing, one line each with what to run', () => {
  const r = run();
  expect(r.code).toBe(1);
  expect(r.lines).toHaveLength(3);
  expect(r.lines[0]).toMatch(
    /SuiteCloud CLI not found.*"up to date", it installed nothing.*Run: npm install -g @oracle\/suitecloud-cli/,
  );
  expect(r.lines[1]).toMatch(/Java not found.*17 or 21/);
  expect(r.lines[2]).toMatch(
    /no account auth id \(project.json has no defaultAuthId\): run npx suitecloud account:setup/,
  );
  expect(r.lines.join('\n')).not.toMatch(/at .*\.js:\d+/); // no stack
});

test('an install whose JAR download failed: the package is there, its SDK JAR is not', () => {
  cliPackage(project('node_modules/@oracle/suitecloud-cli'), project('node_modules/.bin'));
  java('17.0.15');
  write(project('project.json'), JSON.stringify({ defaultAuthId: 'sandbox' }));
  write(home('.suitecloud-sdk/credentials_browser_based.p12'), 'x');
  const r = run();
  expect(r.code).toBe(1);
  expect(r.lines).toEqual([
    expect.stringMatching(
      new RegExp(
        `SDK JAR \\(~/.suitecloud-sdk/cli/${JAR.replace(/\./g, '\\.')}\\) is missing: its install script downloads it from Oracle`,
      ),
    ),
  ]);
});

test('the package folder without its .bin link: the install did not finish', () => {
  cliPackage(project('node_modules/@oracle/suitecloud-cli'), null);
  java('21.0.2');
  write(project('project.json'), JSON.stringify({ defaultAuthId: 'sandbox' }));
  write(home('.suitecloud-sdk/cli', JAR), 'jar');
  write(home('.suitecloud-sdk/credentials_browser_based.p12'), 'x');
  const r = run();
  expect(r.code).toBe(1);
  expect(r.lines[0]).toMatch(
    /node_modules\/@oracle\/suitecloud-cli is there but has no node_modules\/\.bin\/suitecloud/,
  );
});

test('Java 11 or 1.8 first on PATH is named, with the versions the CLI needs', () => {
  for (const v of ['11.0.2', '1.8.0_392']) {
    java(v);
    const r = run();
    expect(r.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `Java ${v.startsWith('1.') ? 8 : 11} is first on PATH; the SuiteCloud CLI needs Java 17 or 21`,
        ),
      ),
    );
  }
});

test('everything in place (a global CLI on PATH, Java 21, an auth id): OK, exit 0', () => {
  cliPackage(path.join(tmp, 'global/lib/node_modules/@oracle/suitecloud-cli'), bin());
  java('21.0.2');
  write(project('project.json'), JSON.stringify({ defaultAuthId: 'sandbox' }));
  write(home('.suitecloud-sdk/cli', JAR), 'jar');
  write(home('.suitecloud-sdk/credentials_browser_based.p12'), 'x');
  const r = run();
  expect(r.lines).toEqual([
    `deploy preflight: OK (SuiteCloud CLI ${bin('suitecloud')}, Java 21, auth id sandbox)`,
  ]);
  expect(r.code).toBe(0);
});

test('an auth id with no credentials stored on this machine is a warning, not a failure', () => {
  cliPackage(project('node_modules/@oracle/suitecloud-cli'), project('node_modules/.bin'));
  java('17.0.15');
  write(project('project.json'), JSON.stringify({ defaultAuthId: 'prod' }));
  write(home('.suitecloud-sdk/cli', JAR), 'jar');
  const r = run();
  expect(r.code).toBe(0);
  expect(r.lines[0]).toMatch(/warning.*auth id "prod" but ~\/.suitecloud-sdk\/ holds no credentials file/);
});

test('every deploy script runs the preflight before anything else', () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'))
    .scripts as Record<string, string>;
  const deploys = Object.keys(scripts).filter((k) => k.startsWith('deploy'));
  expect(deploys.length).toBeGreaterThanOrEqual(5);
  for (const k of deploys) expect(scripts[k]).toMatch(/^node tools\/sdf-deploy\/preflight\.js && /);
});
