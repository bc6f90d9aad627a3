import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { REPO_ROOT } from './stack.js';

interface Entry {
  server: { name: string; version: string };
}

/**
 * A small stand-in for the MCP Registry for browser tests: serves the first `count` entries of the real dump at
 * `/v0.1/servers` with the API's cursor paging (`name:version` of the last row, `nextCursor` only on full pages).
 */
export async function startRegistry(count: number): Promise<{ url: string; close(): Promise<void> }> {
  const file = resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'registry', 'registry-v0-dump-2025-12-02.json');
  const entries = (JSON.parse(readFileSync(file, 'utf8')) as { servers: Entry[] }).servers
    .slice(0, count)
    .sort((a, b) => (`${a.server.name}:${a.server.version}` < `${b.server.name}:${b.server.version}` ? -1 : 1));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry.invalid');
    if (url.pathname !== '/v0.1/servers') return void res.writeHead(404).end();
    const limit = Number(url.searchParams.get('limit') ?? 30);
    const cursor = url.searchParams.get('cursor');
    const start = cursor === null ? 0 : entries.findIndex((e) => `${e.server.name}:${e.server.version}` > cursor);
    const page = start < 0 ? [] : entries.slice(start, start + limit);
    const last = page[page.length - 1];
    const metadata = {
      count: page.length,
      ...(page.length === limit && last && { nextCursor: `${last.server.name}:${last.server.version}` }),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servers: page, metadata }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
