import { readFileSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute } from 'node:path';
import { registryFixture } from './fixtures.js';

export const OFFICIAL = 'io.modelcontextprotocol.registry/official';

export type RegistryStatus = 'active' | 'deprecated' | 'deleted';

/** `_meta["io.modelcontextprotocol.registry/official"]`: set by the registry, never by the publisher. */
export interface OfficialMeta {
  status: RegistryStatus;
  publishedAt: string;
  updatedAt: string;
  isLatest: boolean;
  /** Only in entries written after the registry added status changes (none of the fixture dumps). */
  statusChangedAt?: string;
  statusMessage?: string;
}

/** A server.json as the registry stores it; only what the test server reads is typed. */
export interface RegistryServerJson {
  $schema?: string;
  name: string;
  version: string;
  description?: string;
  title?: string;
  packages?: unknown[];
  remotes?: unknown[];
  [field: string]: unknown;
}

/** One item of `GET /v0.1/servers`: a version of a server with the registry's metadata. */
export interface RegistryEntry {
  server: RegistryServerJson;
  _meta: { [OFFICIAL]: OfficialMeta; [namespace: string]: unknown };
}

/**
 * Reads a dump from `../shared/fixtures/registry` (or an absolute path): the list envelope `{servers, metadata}` or a
 * bare array of entries, with or without a UTF-8 BOM. Every call parses afresh, so callers may mutate the result.
 */
export function loadRegistryDump(file: string): RegistryEntry[] {
  const text = readFileSync(isAbsolute(file) ? file : registryFixture(file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : (parsed as { servers?: unknown } | null)?.servers;
  if (!Array.isArray(list)) throw new Error(`${file} is neither a {servers:[…]} envelope nor an array of entries`);
  list.forEach((item: Partial<RegistryEntry> | null, i) => {
    const meta = item?._meta?.[OFFICIAL];
    if (typeof item?.server?.name !== 'string' || typeof item.server.version !== 'string' || !meta?.updatedAt) {
      throw new Error(`${file}: entry ${i} has no server.name, server.version or official updatedAt`);
    }
  });
  return list as RegistryEntry[];
}

export interface RegistryFaults {
  /** Answer the next N list requests with 500 and the registry's problem body. */
  failNext: number;
  /** Delay every response by this long. */
  delayMs: number;
  /** Send the next N successful list bodies cut in half, with a Content-Length that matches the cut body. */
  truncateNext: number;
  /** Prefix every body with U+FEFF. Note that fetch's `text()` and `json()` strip a BOM; raw bytes show it. */
  bom: boolean;
  /** Never answer the next N list requests (their sockets are destroyed by `close()`). */
  hangNext: number;
}

export interface RegistryRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** null while unanswered, and forever for a hung request. */
  status: number | null;
  fault?: 'fail' | 'truncate' | 'hang';
}

export interface TestRegistry {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`: the sync's REGISTRY_URL. */
  url: string;
  /** What the server lists, read on every request: edit it freely, or use the helpers below. */
  entries: RegistryEntry[];
  readonly requests: RegistryRequest[];
  faults: RegistryFaults;
  /** Changes a version's server.json and bumps its updatedAt, as the registry's edit endpoint does. */
  update(name: string, version: string, patch: Partial<RegistryServerJson>): RegistryEntry;
  /** Sets a version's status and bumps updatedAt; moves `isLatest` as the registry does (see `recalculateLatest`). */
  setStatus(name: string, version: string, status: RegistryStatus, message?: string): RegistryEntry;
  /** `setStatus(name, version, 'deleted')`: the entry stays listed for `updated_since` and `include_deleted`. */
  remove(name: string, version: string): RegistryEntry;
  /** Publishes a new version, latest unless told otherwise; the previous latest loses the flag without an updatedAt bump. */
  publish(server: RegistryServerJson, options?: { latest?: boolean }): RegistryEntry;
  close(): Promise<void>;
}

const LIST_PATHS = new Set(['/v0.1/servers', '/v0/servers']);
const DEFAULT_LIMIT = 30;
const MAX_LIMIT = 100;

/**
 * A stand-in for the official MCP Registry serving `GET /v0.1/servers` (and `/v0/servers`) over `entries` with the
 * real handler's behaviour (modelcontextprotocol/registry, internal/api/handlers/v0/servers.go and
 * internal/database/postgres.go): rows ordered by (name, version) in byte order; the cursor is `name:version` of the
 * last row and the next page is the rows after it (keyset, so edits between pages neither skip nor repeat rows);
 * `nextCursor` is present whenever the page is full, so a full last page is followed by an empty one; deleted rows
 * are left out unless `include_deleted=true` or `updated_since` is given. Validation errors answer huma's RFC 9457
 * problem bodies: `limit` outside 1..100 or not an integer is a 422, a bad `updated_since` a 400.
 */
export async function startRegistryServer(
  initial: RegistryEntry[],
  options: { faults?: Partial<RegistryFaults> } = {},
): Promise<TestRegistry> {
  const hung = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  // Microsecond steps like Postgres' timestamptz, always after every updatedAt listed so far, whatever the wall clock.
  const stamp = (): string => {
    const latest = registry.entries.reduce((max, e) => bigMax(max, parseTime(e._meta[OFFICIAL].updatedAt) ?? 0n), 0n);
    const now = BigInt(Date.now()) * 1_000_000n;
    return formatTime(now > latest ? now : latest + 1_000n);
  };

  const registry: TestRegistry = {
    url: '',
    entries: [...initial],
    requests: [],
    faults: { failNext: 0, delayMs: 0, truncateNext: 0, bom: false, hangNext: 0, ...options.faults },
    update(name, version, patch) {
      return replace(name, version, (e) => ({
        server: { ...e.server, ...patch, name, version },
        _meta: { ...e._meta, [OFFICIAL]: { ...e._meta[OFFICIAL], updatedAt: stamp() } },
      }));
    },
    setStatus(name, version, status, message) {
      const now = stamp();
      replace(name, version, (e) => {
        const meta: OfficialMeta = { ...e._meta[OFFICIAL], status, updatedAt: now };
        if (e._meta[OFFICIAL].status !== status) meta.statusChangedAt = now;
        // The registry writes the message given, or none: a status change without one clears the old message.
        if (message === undefined) delete meta.statusMessage;
        else meta.statusMessage = message;
        return { ...e, _meta: { ...e._meta, [OFFICIAL]: meta } };
      });
      recalculateLatest(name);
      return find(name, version).entry;
    },
    remove(name, version) {
      return registry.setStatus(name, version, 'deleted');
    },
    publish(server, { latest = true } = {}) {
      if (registry.entries.some((e) => e.server.name === server.name && e.server.version === server.version)) {
        throw new Error(`${server.name}@${server.version} is already published`);
      }
      if (latest) setLatest(server.name, undefined);
      const now = stamp();
      const entry: RegistryEntry = {
        server,
        _meta: { [OFFICIAL]: { status: 'active', publishedAt: now, updatedAt: now, statusChangedAt: now, isLatest: latest } },
      };
      registry.entries.push(entry);
      return entry;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
        for (const res of hung) res.destroy();
      }),
  };

  function find(name: string, version: string): { index: number; entry: RegistryEntry } {
    const index = registry.entries.findIndex((e) => e.server.name === name && e.server.version === version);
    const entry = registry.entries[index];
    if (!entry) throw new Error(`the test registry has no ${name}@${version}`);
    return { index, entry };
  }

  // Entries are replaced, never mutated, so a dump shared by several test registries stays as loaded.
  function replace(name: string, version: string, change: (entry: RegistryEntry) => RegistryEntry): RegistryEntry {
    const { index, entry } = find(name, version);
    const next = change(entry);
    registry.entries[index] = next;
    return next;
  }

  /** Flags one version of `name` as latest and clears the others, touching no updatedAt (SetLatestVersion). */
  function setLatest(name: string, version: string | undefined): void {
    registry.entries.forEach((e, i) => {
      const meta = e._meta[OFFICIAL];
      const isLatest = e.server.name === name && e.server.version === version;
      if (e.server.name === name && meta.isLatest !== isLatest) {
        registry.entries[i] = { ...e, _meta: { ...e._meta, [OFFICIAL]: { ...meta, isLatest } } };
      }
    });
  }

  /**
   * After a status change the registry flags the highest non-deleted version as latest (the highest deleted one if
   * all are deleted). It compares versions as semver with publishedAt as the tiebreak; this stand-in takes the most
   * recently published, which agrees for versions published in order.
   */
  function recalculateLatest(name: string): void {
    const versions = registry.entries.filter((e) => e.server.name === name);
    const newest = (list: RegistryEntry[]) =>
      list.reduce<RegistryEntry | undefined>((best, e) => (!best || publishedAt(e) > publishedAt(best) ? e : best), undefined);
    const winner = newest(versions.filter((e) => e._meta[OFFICIAL].status !== 'deleted')) ?? newest(versions);
    setLatest(name, winner?.server.version);
  }

  const server: Server = createServer((req, res) => handle(req, res));

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://registry.test');
    const record: RegistryRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: null,
    };
    registry.requests.push(record);
    const faults = registry.faults;
    let answer: Answer;
    if (req.method !== 'GET' || !LIST_PATHS.has(url.pathname)) {
      answer = problem(404, `Endpoint not found: this test registry serves GET ${[...LIST_PATHS].join(' and GET ')}.`);
    } else if (faults.hangNext > 0) {
      faults.hangNext--;
      record.fault = 'hang';
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    } else if (faults.failNext > 0) {
      faults.failNext--;
      record.fault = 'fail';
      answer = problem(500, 'Failed to get registry list');
    } else {
      answer = listServers(registry.entries, url.searchParams);
      if (answer.status === 200 && faults.truncateNext > 0) {
        faults.truncateNext--;
        record.fault = 'truncate';
        answer.truncate = true;
      }
    }
    let body = Buffer.from((faults.bom ? '\uFEFF' : '') + JSON.stringify(answer.body), 'utf8');
    if (answer.truncate) body = body.subarray(0, Math.floor(body.length / 2));
    const send = () => {
      if (res.destroyed) return;
      record.status = answer.status;
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': body.length }).end(body);
    };
    if (faults.delayMs <= 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, faults.delayMs);
    timers.add(timer);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return registry;
}

interface Answer {
  status: number;
  contentType: string;
  body: unknown;
  truncate?: boolean;
}

interface ProblemDetail {
  message: string;
  location: string;
  value: unknown;
}

/** huma's error model (the registry turns off its `$schema` link). */
function problem(status: number, detail: string, errors?: ProblemDetail[]): Answer {
  return {
    status,
    contentType: 'application/problem+json',
    body: { title: STATUS_CODES[status], status, detail, ...(errors ? { errors } : {}) },
  };
}

function listServers(entries: RegistryEntry[], query: URLSearchParams): Answer {
  // huma reads each parameter with Query().Get: the first value, and an empty one counts as absent.
  const param = (name: string) => query.get(name) || undefined;
  const errors: ProblemDetail[] = [];
  const rawLimit = param('limit');
  const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
  if (rawLimit !== undefined && !/^[+-]?\d+$/.test(rawLimit)) {
    errors.push({ message: 'invalid integer', location: 'query.limit', value: rawLimit });
  } else if (limit < 1) {
    errors.push({ message: 'expected number >= 1', location: 'query.limit', value: limit });
  } else if (limit > MAX_LIMIT) {
    errors.push({ message: `expected number <= ${MAX_LIMIT}`, location: 'query.limit', value: limit });
  }
  const rawDeleted = param('include_deleted');
  const includeDeleted = rawDeleted === undefined ? undefined : parseGoBool(rawDeleted);
  if (rawDeleted !== undefined && includeDeleted === undefined) {
    errors.push({ message: 'invalid boolean', location: 'query.include_deleted', value: rawDeleted });
  }
  if (errors.length > 0) return problem(422, 'validation failed', errors);

  const rawSince = param('updated_since');
  const since = rawSince === undefined ? undefined : parseTime(rawSince);
  if (rawSince !== undefined && since === undefined) {
    return problem(400, 'Invalid updated_since format: expected RFC3339 timestamp (e.g., 2025-08-07T13:15:04.280Z)');
  }
  if (since !== undefined && includeDeleted === false) {
    return problem(400, 'Cannot set include_deleted=false when using updated_since (incremental sync requires deleted servers)');
  }
  const withDeleted = since !== undefined || includeDeleted === true;
  const search = param('search')?.toLowerCase();
  const version = param('version');
  const after = cursorKey(param('cursor'));

  const page = entries
    .filter((e) => {
      const meta = e._meta[OFFICIAL];
      if (!withDeleted && meta.status === 'deleted') return false;
      if (since !== undefined && !((parseTime(meta.updatedAt) ?? 0n) > since)) return false;
      if (search !== undefined && !e.server.name.toLowerCase().includes(search)) return false;
      if (version === 'latest' ? !meta.isLatest : version !== undefined && e.server.version !== version) return false;
      return after === undefined || after(e.server);
    })
    .sort((a, b) => compare(a.server.name, b.server.name) || compare(a.server.version, b.server.version))
    .slice(0, limit);
  const last = page.length >= limit ? page[page.length - 1] : undefined;
  const metadata = last
    ? { nextCursor: `${last.server.name}:${last.server.version}`, count: page.length }
    : { count: page.length };
  return { status: 200, contentType: 'application/json', body: { servers: page, metadata } };
}

/** `name:version` seeks past that row; a cursor without a colon is read as a bare name, as the registry does. */
function cursorKey(cursor: string | undefined): ((server: RegistryServerJson) => boolean) | undefined {
  if (cursor === undefined) return undefined;
  const colon = cursor.indexOf(':');
  if (colon < 0) return (s) => s.name > cursor;
  const name = cursor.slice(0, colon);
  const version = cursor.slice(colon + 1);
  return (s) => s.name > name || (s.name === name && s.version > version);
}

/** Byte order, as the registry's Postgres sorts server_name and version (C collation: `Z` before `a`). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Nanoseconds since the epoch, or undefined where Go's `time.Parse(time.RFC3339, …)` refuses the text. Exact to the
 * nanosecond because the registry's timestamps carry microseconds, which a JS Date would round away.
 */
export function parseTime(text: string): bigint | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const field = (i: number) => Number(m[i]);
  const [month, day, hour, minute, second] = [field(2), field(3), field(4), field(5), field(6)];
  const ms = Date.UTC(field(1), month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const offsetMinutes = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  const nanos = BigInt((m[7] ?? '').padEnd(9, '0').slice(0, 9));
  return (BigInt(ms / 1000) - BigInt(offsetMinutes * 60)) * 1_000_000_000n + nanos;
}

/** RFC 3339 in UTC with trailing zeros of the fraction trimmed, as Go's RFC3339Nano prints it. */
function formatTime(nanos: bigint): string {
  const seconds = new Date(Number(nanos / 1_000_000n)).toISOString().slice(0, 19);
  const fraction = (nanos % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${seconds}${fraction ? `.${fraction}` : ''}Z`;
}

function publishedAt(entry: RegistryEntry): bigint {
  return parseTime(entry._meta[OFFICIAL].publishedAt) ?? 0n;
}

function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
