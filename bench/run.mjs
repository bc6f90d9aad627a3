// `npm run bench`: runs every bench/*.bench.mjs in turn, each in its own Node process, against the built code.
// Figures are printed with the machine's core count and load; targets are goals, never assertions: the exit code
// is non-zero only when a benchmark could not run. `npm run bench -- catalog` runs the files whose name matches.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { ROOT, requireBuild } from './support.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = Number(process.env['BENCH_TIMEOUT_MS'] ?? 30 * 60_000);

const filters = process.argv.slice(2);
const files = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

requireBuild();
const cpuList = cpus();
console.log('Orbit benchmarks');
console.log(`date:    ${new Date().toISOString()}`);
console.log(`node:    ${process.version} (${process.platform}/${process.arch})`);
console.log(
  `machine: ${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min)`,
);
console.log('Absolute targets are goals printed for comparison, never assertions; other work on the machine adds noise.');
if (files.length === 0) {
  console.error(`No benchmark matches ${filters.join(' ')}`);
  process.exit(2);
}

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(BENCH_DIR, file)], { cwd: ROOT, stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.error(`${file} ran longer than ${TIMEOUT_MS / 60_000} min: stopping it`);
      child.kill('SIGTERM');
    }, TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ file, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const results = [];
for (const file of files) {
  console.log(`\n---- ${relative(ROOT, join(BENCH_DIR, file))} ----`);
  results.push(await runFile(file));
}

console.log('\n---- summary ----');
for (const r of results) {
  const outcome = r.code === 0 ? 'ran' : `FAILED (${r.signal ?? `exit ${r.code}`})`;
  console.log(`${r.file}: ${outcome} in ${r.seconds.toFixed(1)} s`);
}
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
