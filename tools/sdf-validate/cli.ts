#!/usr/bin/env node
// npm run validate → node dist/tools/sdf-validate/cli.js src
import { formatProblem, validateSdfProject } from './validate';

function main(argv: string[]): number {
  const dir = argv[0];
  if (!dir || argv.length > 1 || dir === '-h' || dir === '--help') {
    process.stderr.write('usage: sdf-validate <sdf project folder, e.g. src>\n');
    return 2;
  }
  const problems = validateSdfProject(dir);
  if (problems.length === 0) {
    process.stdout.write(`SDF project ${dir}: no problems found\n`);
    return 0;
  }
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.stderr.write(`SDF project ${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
