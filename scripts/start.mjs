#!/usr/bin/env node
// Quick start: builds what is missing, makes sure Redis answers, then runs backend and satellite on the embedded
// SQLite default and prints where to go. Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const env = { ...process.env };
env.PORT ??= '3000';
env.SATELLITE_PORT ??= '3001';
env.ORBIT_DATA_DIR = resolve(env.ORBIT_DATA_DIR ?? join(root, 'data'));
env.REDIS_URL ??= 'redis://127.0.0.1:6379';
// The terminal shows warnings and errors; LOG_LEVEL=info npm start shows every request.
env.LOG_LEVEL ??= 'warn';
const consoleUrl = env.ORBIT_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`;

const children = [];
let stopping = false;

function say(line) {
  process.stdout.write(`${line}\n`);
}

function die(message) {
  process.stderr.write(`\norbit: ${message}\n`);
  void stopAll(1);
}

function build() {
  if (args.has('--no-build')) return;
  say('Building Orbit (the first start takes a minute; later starts reuse the build cache)…');
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      'run-many',
      '-t',
      'build',
      '--projects=contracts,backend,satellite,admin-ui',
      '--output-style=static',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    },
  );
  if (result.status !== 0) die('the build failed (see above)');
}

function tcpAnswers(host, port, timeoutMs = 1000) {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => finish(/^\+PONG|^-NOAUTH|^-ERR/.test(data.toString())));
    });
  });
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function ensureRedis() {
  const url = new URL(env.REDIS_URL);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 6379);
  if (await tcpAnswers(host, port)) return;
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
  if (!loopback || !onPath('redis-server')) {
    die(
      `Redis does not answer at ${url.host}. Start one (Debian: apt-get install redis-server; ` +
        `Docker: docker run -p 6379:6379 redis:7) or point REDIS_URL at yours.`,
    );
    return;
  }
  say(`Starting redis-server on ${host}:${port} for this session…`);
  start('redis', 'redis-server', [
    '--port',
    String(port),
    '--bind',
    host === 'localhost' ? '127.0.0.1' : host,
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  for (let i = 0; i < 50; i++) {
    if (await tcpAnswers(host, port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  die(`redis-server did not come up on port ${port}`);
}

function start(name, command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  const relay = (stream, target) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '' && name !== 'redis') target.write(`${prefix}${line}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    child.exited = true;
    if (!stopping) die(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`})`);
  });
  children.push({ name, child });
  return child;
}

async function waitForHttp(name, url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited || stopping) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  die(`${name} did not answer at ${url} within ${timeoutMs / 1000} s`);
  return false;
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const { child } of [...children].reverse()) if (!child.exited) child.kill('SIGTERM');
  const deadline = Date.now() + 15_000;
  while (children.some(({ child }) => !child.exited) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const { child } of children) if (!child.exited) child.kill('SIGKILL');
  process.exit(code);
}

function adminLogin() {
  if (env.ORBIT_ADMIN_EMAIL) return `${env.ORBIT_ADMIN_EMAIL} (password from ORBIT_ADMIN_PASSWORD)`;
  const file = join(env.ORBIT_DATA_DIR, 'admin-login.json');
  if (!existsSync(file)) return 'not generated (see the backend log)';
  const { email, password } = JSON.parse(readFileSync(file, 'utf8'));
  return `${email} / ${password}`;
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

build();
await ensureRedis();
if (!stopping) {
  const backend = start('backend', process.execPath, [join(root, 'backend', 'dist', 'main.js')]);
  if (await waitForHttp('backend', `http://127.0.0.1:${env.PORT}/api/health`, backend)) {
    const satellite = start('satellite', process.execPath, [join(root, 'satellite', 'dist', 'main.js')]);
    if (await waitForHttp('satellite', `http://127.0.0.1:${env.SATELLITE_PORT}/health`, satellite)) {
      say('');
      say('  Orbit is running.');
      say(`  Console:     ${consoleUrl}/`);
      say(`  Admin login: ${adminLogin()}`);
      say(`  API docs:    ${consoleUrl}/api/docs`);
      say(`  Satellite:   http://127.0.0.1:${env.SATELLITE_PORT} (MCP endpoint arrives with the satellite runtime)`);
      say(`  Data:        ${env.ORBIT_DATA_DIR}`);
      say('  Press Ctrl-C to stop.');
      say('');
    }
  }
}
