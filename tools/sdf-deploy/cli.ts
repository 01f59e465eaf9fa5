#!/usr/bin/env node
// node dist/tools/sdf-deploy/cli.js prepare <update|first-install|add-deployments>
//   Generates dist/sdf/<mode> from src/ and validates it (what the npm deploy* scripts run before
//   `suitecloud project:deploy`). Settings from the environment:
//     HC_SYNC_NOTIFY_EMAILS  who is emailed when a script fails (comma-separated); unset: administrators
//     HC_ADD_DEPLOYMENTS     add-deployments: the deployment ids to create (comma-separated)
// node dist/tools/sdf-deploy/cli.js check-preview <file>
//   Reads the output of `suitecloud project:deploy --dryrun` of the update project and fails when it
//   would create or update a script deployment or an object HotWax owns.
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, validateSdfProject } from '../sdf-validate/validate';
import { loadFacts } from './facts';
import {
  DEPLOY_MODES,
  GenerateError,
  generateDeployProject,
  parseNotifyEmails,
  type DeployMode,
} from './generate';

const USAGE = `usage: sdf-deploy prepare <${DEPLOY_MODES.join('|')}>
       sdf-deploy check-preview <file with the output of suitecloud project:deploy --dryrun>
`;

export function projectFolder(mode: DeployMode, root = process.cwd()): string {
  return path.join(root, 'dist', 'sdf', mode);
}

function prepare(mode: DeployMode, root: string): number {
  const facts = loadFacts(root);
  const emails = parseNotifyEmails(process.env.HC_SYNC_NOTIFY_EMAILS);
  const deployments = (process.env.HC_ADD_DEPLOYMENTS ?? '').split(/[,\s]+/).filter(Boolean);
  const out = projectFolder(mode, root);
  const p = generateDeployProject(path.join(root, 'src'), out, {
    mode,
    hotwaxOwned: facts.hotwaxOwned,
    notifyEmails: emails,
    deployments: mode === 'add-deployments' ? deployments : undefined,
  });
  const rel = path.relative(root, out);
  process.stdout.write(
    `${rel}: ${p.objects.length} objects, deployments: ${p.deployments.join(', ') || 'none (the account keeps its own)'}; ` +
      `depends on ${p.dependencies.join(', ') || 'nothing'}\n`,
  );
  if (emails.length === 0)
    process.stdout.write(
      'HC_SYNC_NOTIFY_EMAILS is not set: script failures are emailed to the account administrators\n',
    );
  const problems = validateSdfProject(out, { mode, facts, buildList: false });
  for (const pr of problems) process.stderr.write(`${formatProblem(pr)}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${rel}: ${problems.length} problem(s); not deploying\n`);
    return 1;
  }
  return 0;
}

export interface PreviewFinding {
  line: string;
  reason: string;
}

/** Lines of a deploy preview that the default (update) deploy must never contain. */
export function checkPreview(text: string, hotwaxOwned: ReadonlySet<string>): PreviewFinding[] | 'empty' {
  const findings: PreviewFinding[] = [];
  let objects = 0;
  for (const line of text.split(/\r?\n/)) {
    const m = /\b(Create|Update|Delete) object -- ([a-z0-9_.]+) \((\w+)\)/.exec(line);
    if (!m) continue;
    objects += 1;
    const [, action, id, type] = m;
    if (type === 'scriptdeployment')
      findings.push({
        line: line.trim(),
        reason: `${action} of a script deployment: it would reset what an administrator set`,
      });
    else if (hotwaxOwned.has(id.split('.')[0]))
      findings.push({ line: line.trim(), reason: `${id} belongs to HotWax` });
  }
  return objects === 0 ? 'empty' : findings;
}

function main(argv: string[]): number {
  const [cmd, arg] = argv;
  const root = process.cwd();
  try {
    if (cmd === 'prepare' && DEPLOY_MODES.includes(arg as DeployMode))
      return prepare(arg as DeployMode, root);
    if (cmd === 'check-preview' && arg) {
      const result = checkPreview(fs.readFileSync(arg, 'utf8'), loadFacts(root).hotwaxOwned);
      if (result === 'empty') {
        process.stderr.write(`${arg}: no "Create/Update object" lines: the preview did not run\n`);
        return 1;
      }
      for (const f of result) process.stderr.write(`${f.line}\n  → ${f.reason}\n`);
      if (result.length > 0) return 1;
      process.stdout.write(`${arg}: no script deployment and no HotWax object in the preview\n`);
      return 0;
    }
  } catch (e) {
    if (e instanceof GenerateError) {
      process.stderr.write(`sdf-deploy: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  process.stderr.write(USAGE);
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
