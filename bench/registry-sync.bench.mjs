// Registry sync: the full import of registry-v0-dump-2025-12-02.json (2,354 entries) through the real sync (API →
// BullMQ job → pages from a local registry server with the real API's paging → import on MariaDB). Absolute target
// (DESIGN, issue 8): under 60 s on this machine, printed with the core count and load, never asserted.
// Baseline from the same run: a second full run over the same data, which reads every page and writes nothing
// (the cost of paging, parsing and hashing alone), and the ratio of the two.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN, FIXTURES, fmt, int, machineLine, requireBuild, runBenchmark, startBenchApp, table } from './support.mjs';

const DUMP = 'registry-v0-dump-2025-12-02.json';
const TARGET_SECONDS = 60;

/** The registry API's list paging: sorted by name then version, cursor = "name:version", nextCursor on full pages. */
async function startRegistry(entries) {
  const sorted = [...entries].sort((a, b) => {
    const x = `${a.server.name}:${a.server.version}`;
    const y = `${b.server.name}:${b.server.version}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry.invalid');
    if (url.pathname !== '/v0.1/servers') return void res.writeHead(404).end();
    const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 30));
    const cursor = url.searchParams.get('cursor');
    const start = cursor === null ? 0 : sorted.findIndex((e) => `${e.server.name}:${e.server.version}` > cursor);
    const page = start < 0 ? [] : sorted.slice(start, start + limit);
    const last = page.at(-1);
    const metadata = {
      count: page.length,
      ...(page.length === limit && last && { nextCursor: `${last.server.name}:${last.server.version}` }),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servers: page, metadata }));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

async function runSync(api, token, body) {
  const started = performance.now();
  const { runId } = (await api.call('POST', '/api/admin/registry/sync', { token, body, expect: 202 })).body;
  for (;;) {
    const run = (await api.call('GET', `/api/admin/registry/sync/${runId}`, { token, expect: 200 })).body;
    if (run.status === 'succeeded' || run.status === 'failed') return { run, seconds: (performance.now() - started) / 1000 };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

runBenchmark(async (onCleanup) => {
  requireBuild();
  console.log('== Registry sync: full import of the 2,354-entry dump on MariaDB ==');
  const entries = JSON.parse(readFileSync(join(FIXTURES, DUMP), 'utf8')).servers;
  const registry = await startRegistry(entries);
  onCleanup(registry.close);
  const bench = await startBenchApp({ REGISTRY_URL: registry.url, REGISTRY_SYNC_CRON: 'off' });
  onCleanup(bench.close);
  const token = await bench.api.login(ADMIN.email, ADMIN.password);

  console.log(`machine before: ${machineLine()}`);
  const first = await runSync(bench.api, token, { full: true });
  const again = await runSync(bench.api, token, { full: true });
  console.log(`machine after:  ${machineLine()}`);
  if (first.run.status !== 'succeeded') throw new Error(`the import failed: ${first.run.error}`);

  const [{ n: versions }] = await bench.dataSource.query('SELECT COUNT(*) AS n FROM catalog_versions');
  const [{ n: servers }] = await bench.dataSource.query('SELECT COUNT(*) AS n FROM catalog_servers');
  const rows = (r) => r.run.seen / r.seconds;
  console.log(
    table(
      [
        ['run', 'entries', 'pages', 'imported', 'unchanged', 'skipped', 'seconds', 'rows/s', 'target'],
        [
          'full import (empty catalog)',
          int(first.run.seen),
          int(first.run.pages),
          int(first.run.imported),
          int(first.run.unchanged),
          int(first.run.skippedCount),
          fmt(first.seconds, 1),
          int(rows(first)),
          `< ${TARGET_SECONDS} s  ${first.seconds < TARGET_SECONDS ? 'PASS' : 'MISS'}`,
        ],
        [
          'baseline: same data again (no writes)',
          int(again.run.seen),
          int(again.run.pages),
          int(again.run.imported),
          int(again.run.unchanged),
          int(again.run.skippedCount),
          fmt(again.seconds, 1),
          int(rows(again)),
          '',
        ],
      ],
      ['left'],
    ),
  );
  console.log(
    `stored: ${int(Number(servers))} catalog entries, ${int(Number(versions))} versions; ` +
      `the import took ${fmt(first.seconds / again.seconds, 1)}x the time of reading and hashing the same pages without writing.`,
  );
});
