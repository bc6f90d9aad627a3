import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addFailureReporter } from './failure-report.js';

/** Lines of the stack's log a failed test shows. */
const LOG_LINES_SHOWN = 25;

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Stack {
  url: string;
  satelliteUrl: string;
  dataDir: string;
  process: ChildProcess;
  output(): string;
  /** Milliseconds from spawn until /api/health answered ok. */
  healthyAfterMs: number;
  /** Sends Ctrl-C (SIGINT) to the start script and resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * The real quick start (`node scripts/start.mjs`), already built by `npm test`, on a fresh data folder, free
 * ports and its own Redis key prefix.
 */
export async function startStack(env: Record<string, string> = {}, ports: { port?: number } = {}): Promise<Stack> {
  const port = ports.port ?? (await freePort());
  const satellitePort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'orbit-e2e-'));
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), '--no-build'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      PORT: String(port),
      SATELLITE_PORT: String(satellitePort),
      ORBIT_DATA_DIR: dataDir,
      ORBIT_REDIS_PREFIX: `orbit-e2e-${randomBytes(3).toString('hex')}`,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let healthyAfterMs = -1;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok && output.includes('Orbit is running')) {
        healthyAfterMs = Date.now() - started;
        break;
      }
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (healthyAfterMs < 0) {
    child.kill('SIGKILL');
    throw new Error(`the quick start did not come up within 120 s:\n${output}`);
  }
  // A failed test shows the stack's last warnings and errors: a 500 or a refused job explains many a browser failure.
  const removeReporter = addFailureReporter(() => {
    const lines = output.split('\n').filter((line) => line.trim() !== '' && !/"level":(10|20|30)\b/.test(line));
    const shown = lines.slice(-LOG_LINES_SHOWN).map((line) => line.replace(/(Admin login: \S+ \/ )\S+/, '$1*****'));
    return `stack ${url}, last warnings and errors:\n${shown.join('\n') || '(none)'}`;
  });
  return {
    url,
    satelliteUrl: `http://127.0.0.1:${satellitePort}`,
    dataDir,
    process: child,
    output: () => output,
    healthyAfterMs,
    stop: async () => {
      removeReporter();
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
