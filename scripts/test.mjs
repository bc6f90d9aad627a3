#!/usr/bin/env node
// `npm test`: lint, build, typecheck, then every Jest project (unit, integration on the real MariaDB and Redis,
// browser e2e in Debian's Chromium). Ends with one "N passed, N failed" line summing all Jest runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.env.ORBIT_TEST_ONLY?.split(',').map((s) => s.trim()); // e.g. ORBIT_TEST_ONLY=unit,integration
const resultsDir = join(root, '.cache', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const jest = (name, projects, extra = []) => ({
  name,
  command: process.execPath,
  args: [
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    bin('jest', 'bin/jest.js'),
    '--selectProjects',
    ...projects,
    '--json',
    `--outputFile=${join(resultsDir, `${name}.json`)}`,
    ...extra,
  ],
  timeoutMs: 15 * 60_000,
});

const steps = [
  // Build first: lint and typecheck resolve @orbit/contracts through its built declarations.
  {
    name: 'build',
    command: process.execPath,
    args: [
      bin('nx', 'dist/bin/nx.js'),
      'run-many',
      '-t',
      'build',
      '--projects=contracts,backend,satellite,admin-ui',
      '--output-style=static',
    ],
    timeoutMs: 10 * 60_000,
  },
  {
    name: 'lint',
    command: process.execPath,
    args: [bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.'],
    timeoutMs: 5 * 60_000,
  },
  {
    name: 'format',
    command: process.execPath,
    args: [bin('prettier', 'bin/prettier.cjs'), '--check', '.', '--log-level=warn'],
    timeoutMs: 2 * 60_000,
  },
  {
    name: 'typecheck',
    command: process.execPath,
    args: [bin('nx', 'dist/bin/nx.js'), 'run-many', '-t', 'typecheck', '--output-style=static'],
    timeoutMs: 10 * 60_000,
  },
  jest('unit', ['contracts', 'backend', 'satellite', 'admin-ui', 'tools']),
  jest('integration', ['backend-integration']),
  // The browser suite starts whole stacks: one file at a time keeps the two cores for the app under test.
  jest('e2e', ['e2e'], ['--runInBand']),
];

let failedStep;
for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  const started = Date.now();
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const result = spawnSync(step.command, step.args, {
    cwd: root,
    env,
    stdio: 'inherit',
    timeout: step.timeoutMs,
    killSignal: 'SIGKILL',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    const why =
      result.error?.message ??
      (result.signal ? `killed by ${result.signal} (time limit ${step.timeoutMs / 60_000} min)` : `exit code ${result.status}`);
    process.stdout.write(`=== ${step.name} failed after ${seconds} s: ${why}\n`);
    failedStep = step.name;
    break;
  }
  process.stdout.write(`=== ${step.name} ok (${seconds} s)\n`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['unit', 'integration', 'e2e']) {
  const file = join(resultsDir, `${name}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (failedStep && failed === 0) failed = 1; // a failed lint, build or typecheck step counts as a failure
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedStep || failed > 0 ? 1 : 0);
