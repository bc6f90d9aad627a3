import {
  loadRegistryDump,
  OFFICIAL,
  parseTime,
  startRegistryServer,
  type RegistryEntry,
  type TestRegistry,
} from './registry-server.js';

interface ListBody {
  servers: RegistryEntry[];
  metadata: { nextCursor?: string; count: number };
}

const dump = loadRegistryDump('registry-v0-dump-2025-12-02.json');
const meta = (e: RegistryEntry) => e._meta[OFFICIAL];
const key = (e: RegistryEntry) => `${e.server.name}@${e.server.version}`;

async function list(registry: TestRegistry, query: Record<string, string | number | boolean> = {}, path = '/v0.1/servers') {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await fetch(`${registry.url}${path}?${params.toString()}`);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as ListBody };
}

async function listAll(registry: TestRegistry, query: Record<string, string | number | boolean> = {}) {
  const pages: ListBody[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await list(registry, { ...query, ...(cursor ? { cursor } : {}) });
    expect(status).toBe(200);
    pages.push(body);
    cursor = body.metadata.nextCursor;
  } while (cursor);
  return { pages, entries: pages.flatMap((p) => p.servers) };
}

describe('test registry server', () => {
  let registry: TestRegistry;
  beforeEach(async () => (registry = await startRegistryServer(dump)));
  afterEach(() => registry.close());

  describe('loadRegistryDump', () => {
    it('reads the list envelope of the v0 dump', () => {
      expect(dump).toHaveLength(2354);
      expect(dump.filter((e) => meta(e).isLatest)).toHaveLength(964);
    });

    it('reads a bare array that starts with a UTF-8 BOM', () => {
      const all = loadRegistryDump('registry-all-versions-2025-12-18.json');
      expect(all).toHaveLength(2794);
      expect(all.filter((e) => meta(e).isLatest)).toHaveLength(1108);
    });
  });

  describe('listing', () => {
    it('pages through the whole dump at limit=100 without a duplicate, in (name, version) byte order', async () => {
      const { pages, entries } = await listAll(registry, { limit: 100 });
      expect(entries).toHaveLength(2354);
      expect(new Set(entries.map(key)).size).toBe(2354);
      expect(entries.filter((e) => meta(e).isLatest)).toHaveLength(964);
      expect(pages).toHaveLength(24);
      expect(pages.at(-1)?.metadata).toEqual({ count: 54 });
      expect(pages.slice(0, -1).every((p) => p.metadata.count === 100 && p.metadata.nextCursor)).toBe(true);
      // The real dump came in this order too: capitals sort before lower case.
      expect(entries.map(key)).toEqual(dump.map(key));
    });

    it('serves 30 entries by default, under /v0.1 and /v0 alike, with the last row as cursor', async () => {
      for (const path of ['/v0.1/servers', '/v0/servers']) {
        const { status, type, body } = await list(registry, {}, path);
        expect(status).toBe(200);
        expect(type).toBe('application/json');
        expect(body.metadata.count).toBe(30);
        const last = body.servers[29]!;
        expect(body.metadata.nextCursor).toBe(`${last.server.name}:${last.server.version}`);
      }
    });

    it('lists only latest versions with version=latest, and one exact version otherwise', async () => {
      expect((await listAll(registry, { version: 'latest', limit: 100 })).entries).toHaveLength(964);
      const { body } = await list(registry, { version: '1.0.0', limit: 100 });
      expect(body.servers.length).toBeGreaterThan(0);
      expect(body.servers.every((e) => e.server.version === '1.0.0')).toBe(true);
    });

    it('searches a substring of the name, ignoring case', async () => {
      const { entries } = await listAll(registry, { search: 'COUCHBASE', limit: 100 });
      expect(entries.map(key)).toEqual(dump.filter((e) => /couchbase/i.test(e.server.name)).map(key));
    });

    it('answers a limit outside 1..100 with the registry’s 422 problem body', async () => {
      for (const [limit, error] of [
        ['101', { message: 'expected number <= 100', location: 'query.limit', value: 101 }],
        ['0', { message: 'expected number >= 1', location: 'query.limit', value: 0 }],
        ['many', { message: 'invalid integer', location: 'query.limit', value: 'many' }],
      ] as const) {
        const res = await fetch(`${registry.url}/v0.1/servers?limit=${limit}`);
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(await res.json()).toEqual({
          title: 'Unprocessable Entity',
          status: 422,
          detail: 'validation failed',
          errors: [error],
        });
      }
      expect((await list(registry, { limit: 100 })).body.metadata.count).toBe(100);
    });

    it('gives a full last page a cursor, which leads to an empty page', async () => {
      const small = await startRegistryServer(dump.slice(0, 60));
      try {
        const { pages } = await listAll(small, { limit: 30 });
        expect(pages.map((p) => p.metadata.count)).toEqual([30, 30, 0]);
        expect(pages[1]?.metadata.nextCursor).toBeDefined();
        expect(pages[2]).toEqual({ servers: [], metadata: { count: 0 } });
      } finally {
        await small.close();
      }
    });

    it('seeks past the cursor row, so an entry added before it between pages is not served', async () => {
      const first = (await list(registry, { limit: 10 })).body;
      registry.publish({ name: first.servers[0]!.server.name, version: '0.0.0-test', description: 'late' });
      const { entries } = await listAll(registry, { limit: 100, cursor: first.metadata.nextCursor! });
      expect(entries).toHaveLength(2354 - 10);
      expect(entries.map(key)).not.toContain(`${first.servers[0]!.server.name}@0.0.0-test`);
    });
  });

  describe('updated_since and deleted entries', () => {
    const byUpdate = [...dump].sort((a, b) => Number(parseTime(meta(a).updatedAt)! - parseTime(meta(b).updatedAt)!));
    const since = meta(byUpdate[2300]!).updatedAt;
    const later = byUpdate.slice(2301);

    it('lists the entries updated strictly after the timestamp, to the microsecond', async () => {
      const { entries } = await listAll(registry, { updated_since: since, limit: 100 });
      expect(new Set(entries.map(key))).toEqual(new Set(later.map(key)));
      expect(entries.map(key)).not.toContain(key(byUpdate[2300]!));
    });

    it('includes an entry deleted since then, which plain lists leave out', async () => {
      const old = byUpdate[0]!;
      const removed = registry.remove(old.server.name, old.server.version);
      expect(meta(removed)).toMatchObject({ status: 'deleted', statusChangedAt: meta(removed).updatedAt });
      expect(parseTime(meta(removed).updatedAt)! > parseTime(meta(byUpdate.at(-1)!).updatedAt)!).toBe(true);

      const changed = (await listAll(registry, { updated_since: since, limit: 100 })).entries;
      expect(changed.find((e) => key(e) === key(old))).toMatchObject({ _meta: { [OFFICIAL]: { status: 'deleted' } } });
      expect(changed).toHaveLength(later.length + 1);

      const exactly = { search: old.server.name, version: old.server.version };
      expect((await list(registry, exactly)).body.servers.map(key)).not.toContain(key(old));
      expect((await list(registry, { ...exactly, include_deleted: true })).body.servers.map(key)).toContain(key(old));
      const refused = await fetch(`${registry.url}/v0.1/servers?updated_since=${since}&include_deleted=false`);
      expect(refused.status).toBe(400);
    });

    it('moves isLatest off a deleted latest version without touching the promoted one’s updatedAt', async () => {
      const name = dump.find((e) => meta(e).isLatest && dump.filter((o) => o.server.name === e.server.name).length > 1)!.server
        .name;
      const versions = dump.filter((e) => e.server.name === name);
      const latest = versions.find((e) => meta(e).isLatest)!;
      const before = meta(byUpdate.at(-1)!).updatedAt;
      registry.remove(name, latest.server.version);

      const listed = await list(registry, { search: name, include_deleted: true, limit: 100 });
      const now = listed.body.servers.filter((e) => e.server.name === name);
      const promoted = now.find((e) => meta(e).isLatest)!;
      expect(promoted.server.version).not.toBe(latest.server.version);
      expect(meta(promoted).updatedAt).toBe(meta(versions.find((v) => key(v) === key(promoted))!).updatedAt);
      // An incremental sync sees the deletion only; it has to work out the new latest itself.
      const changed = (await list(registry, { updated_since: before })).body.servers;
      expect(changed.map(key)).toEqual([key(latest)]);
      expect(meta(changed[0]!)).toMatchObject({ status: 'deleted', isLatest: false });
    });

    it('bumps updatedAt on update and on publish, and unflags the old latest quietly', async () => {
      const latest = dump.find((e) => meta(e).isLatest)!;
      const updated = registry.update(latest.server.name, latest.server.version, { description: 'changed upstream' });
      expect(updated.server).toMatchObject({ name: latest.server.name, description: 'changed upstream' });
      const published = registry.publish({ ...latest.server, version: '999.0.0' });
      expect(parseTime(meta(published).updatedAt)! > parseTime(meta(updated).updatedAt)!).toBe(true);

      const changed = (await list(registry, { updated_since: meta(updated).updatedAt })).body.servers;
      expect(changed.map(key)).toEqual([key(published)]);
      const versions = (await list(registry, { search: latest.server.name, limit: 100 })).body.servers;
      expect(versions.filter((e) => e.server.name === latest.server.name && meta(e).isLatest).map(key)).toEqual([key(published)]);
    });

    it('refuses an updated_since that is not RFC 3339, such as an offset whose + was not encoded', async () => {
      for (const raw of ['2025-10-01', '2025-10-01T00:00:00+02:00', 'yesterday']) {
        const res = await fetch(`${registry.url}/v0.1/servers?updated_since=${raw}`);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ status: 400, detail: expect.stringMatching(/^Invalid updated_since format/) });
      }
      expect((await list(registry, { updated_since: '2025-12-01T00:00:00+02:00' })).status).toBe(200);
    });
  });

  describe('faults', () => {
    it('fails the next N list requests with 500, then serves again', async () => {
      registry.faults.failNext = 2;
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${registry.url}/v0.1/servers`);
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ title: 'Internal Server Error', status: 500, detail: 'Failed to get registry list' });
      }
      expect((await list(registry)).status).toBe(200);
      expect(registry.faults.failNext).toBe(0);
      expect(registry.requests.map((r) => [r.status, r.fault])).toEqual([
        [500, 'fail'],
        [500, 'fail'],
        [200, undefined],
      ]);
    });

    it('cuts the next body in half with a matching Content-Length, then serves whole bodies', async () => {
      registry.faults.truncateNext = 1;
      const cut = await fetch(`${registry.url}/v0.1/servers?limit=5`);
      const text = await cut.text();
      expect(cut.status).toBe(200);
      expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
      const whole = await fetch(`${registry.url}/v0.1/servers?limit=5`);
      const bytes = Buffer.from(await whole.arrayBuffer());
      expect(Number(cut.headers.get('content-length'))).toBe(Math.floor(bytes.length / 2));
      expect(bytes.subarray(0, Buffer.byteLength(text)).toString('utf8')).toBe(text);
      expect((JSON.parse(bytes.toString('utf8')) as ListBody).metadata.count).toBe(5);
    });

    it('prefixes bodies with a BOM while set, which fetch’s text() hides but the bytes show', async () => {
      registry.faults.bom = true;
      const bytes = Buffer.from(await (await fetch(`${registry.url}/v0.1/servers?limit=1`)).arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(() => JSON.parse(bytes.toString('utf8')) as unknown).toThrow(SyntaxError);
      expect((await (await fetch(`${registry.url}/v0.1/servers?limit=1`)).text()).startsWith('{')).toBe(true);
      registry.faults.bom = false;
      const plain = Buffer.from(await (await fetch(`${registry.url}/v0.1/servers?limit=1`)).arrayBuffer());
      expect(plain[0]).toBe(0x7b);
    });

    it('delays responses while delayMs is set', async () => {
      registry.faults.delayMs = 150;
      const started = Date.now();
      expect((await list(registry, { limit: 1 })).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('never answers the next N requests, then answers again; close() ends a hung request', async () => {
      registry.faults.hangNext = 1;
      await expect(fetch(`${registry.url}/v0.1/servers`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
      expect((await list(registry, { limit: 1 })).status).toBe(200);
      expect(registry.requests.map((r) => [r.status, r.fault])).toEqual([
        [null, 'hang'],
        [200, undefined],
      ]);

      registry.faults.hangNext = 1;
      const pending = fetch(`${registry.url}/v0.1/servers`);
      while (registry.requests.length < 3) await new Promise((r) => setTimeout(r, 10));
      await registry.close();
      await expect(pending).rejects.toThrow();
    });
  });

  it('logs each request’s path, query and status', async () => {
    await list(registry, { limit: 2, search: 'github' }, '/v0/servers');
    await fetch(`${registry.url}/v0.1/unknown`);
    expect(registry.requests).toEqual([
      { method: 'GET', path: '/v0/servers', query: { limit: '2', search: 'github' }, status: 200 },
      { method: 'GET', path: '/v0.1/unknown', query: {}, status: 404 },
    ]);
  });
});
