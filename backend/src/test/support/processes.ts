import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The built entry point of an app; integration tests run the real processes, so `npm run build` comes first. */
export function builtEntry(app: 'backend' | 'satellite'): string {
  const entry = resolve(REPO_ROOT, app, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" before the integration tests`);
  return entry;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
}

/** Starts `node entry` with exactly the given environment (plus PATH), collecting its output. */
export function runNode(entry: string, env: Record<string, string>): RunningProcess {
  const started = Date.now();
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, afterMs: Date.now() - started })),
  );
  return { child, output: () => output, exited };
}

/** Polls a URL until it answers 200, failing with the process output if it does not within the deadline. */
export async function waitForOk(url: string, proc: RunningProcess, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`process exited early:\n${proc.output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms:\n${proc.output()}`);
}

/** Waits until the process has printed `text` (its pipes may deliver a line after the work it reports is done). */
export async function waitForOutput(proc: RunningProcess, text: string, deadlineMs = 10_000): Promise<string> {
  const until = Date.now() + deadlineMs;
  while (!proc.output().includes(text)) {
    if (Date.now() > until) throw new Error(`the process never printed ${JSON.stringify(text)}:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return proc.output();
}
