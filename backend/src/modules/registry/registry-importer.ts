import {
  validateDefinition,
  validateTransport,
  type CatalogStatus,
  type SyncSkip,
  type SyncWarning,
  type Transport,
} from '@orbit/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { Not, type EntityManager } from 'typeorm';
import { CatalogServer } from '../catalog/catalog-server.entity.js';
import { CatalogVersion } from '../catalog/catalog-version.entity.js';
import { searchTextOf } from '../catalog/catalog.mapper.js';
import { mapServerJson } from '../catalog/drafts/registry-mapping.js';
import { Installation } from '../installations/installation.entity.js';
import type { RegistryEntry } from './registry-client.js';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';
const STATUSES = new Set(['active', 'deprecated', 'deleted']);
const NAME = /^[A-Za-z0-9.-]+\/[A-Za-z0-9._-]+$/;

export type EntryOutcome = { kind: 'imported' | 'updated' | 'unchanged' } | { kind: 'skipped'; reason: string };

export interface PageResult {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: SyncSkip[];
  warnings: SyncWarning[];
  /** Teams whose installations use a version whose upstream status changed. */
  teamsToWake: Set<string>;
}

interface KnownServer {
  id: string;
  source: 'registry' | 'manual';
}

interface KnownVersion {
  id: string;
  sourceHash: string | null;
  mappingOverridden: boolean;
  isLatest: boolean;
  status: string;
}

/**
 * Imports registry entries into the catalog, one page per transaction. It knows every global entry and version by
 * name at the start of a run, so an entry seen before with the same content (its SHA-256) costs no query and no
 * write: a second run with no changes writes nothing but its own progress. Curation (hidden, featured) is never
 * touched, and a version whose mapping an admin overrode keeps it.
 */
export class RegistryImporter {
  private constructor(
    private readonly servers: Map<string, KnownServer>,
    private readonly versions: Map<string, KnownVersion>,
  ) {}

  static async load(manager: EntityManager): Promise<RegistryImporter> {
    const servers = new Map<string, KnownServer>();
    for (const s of await manager.getRepository(CatalogServer).find({
      where: { ownerKey: 'global' },
      select: { id: true, name: true, source: true },
    })) {
      servers.set(s.name, { id: s.id, source: s.source });
    }
    const versions = new Map<string, KnownVersion>();
    for (const v of await manager.getRepository(CatalogVersion).find({
      select: {
        id: true,
        serverId: true,
        version: true,
        sourceHash: true,
        mappingOverridden: true,
        isLatest: true,
        status: true,
      },
    })) {
      versions.set(versionKey(v.serverId, v.version), {
        id: v.id,
        sourceHash: v.sourceHash,
        mappingOverridden: v.mappingOverridden,
        isLatest: v.isLatest,
        status: v.status,
      });
    }
    return new RegistryImporter(servers, versions);
  }

  async importPage(manager: EntityManager, entries: unknown[]): Promise<PageResult> {
    const result: PageResult = { imported: 0, updated: 0, unchanged: 0, skipped: [], warnings: [], teamsToWake: new Set() };
    for (const raw of entries) {
      const name = nameOf(raw);
      const version = versionOf(raw);
      let outcome: EntryOutcome;
      try {
        outcome = await this.importEntry(manager, raw, result.warnings, result.teamsToWake);
      } catch (error) {
        outcome = { kind: 'skipped', reason: `could not be stored: ${(error as Error).message}` };
      }
      if (outcome.kind === 'skipped') result.skipped.push({ name, version, reason: outcome.reason });
      else result[outcome.kind]++;
    }
    return result;
  }

  private async importEntry(
    manager: EntityManager,
    raw: unknown,
    warnings: SyncWarning[],
    teamsToWake: Set<string>,
  ): Promise<EntryOutcome> {
    if (typeof raw !== 'object' || raw === null || typeof (raw as RegistryEntry).server !== 'object') {
      return { kind: 'skipped', reason: 'not a registry entry (no server object)' };
    }
    const entry = raw as RegistryEntry;
    const server = entry.server;
    const name = server.name;
    const version = server.version;
    if (typeof name !== 'string' || !NAME.test(name) || name.length > 200) {
      return { kind: 'skipped', reason: `name ${JSON.stringify(name)} is not a reverse-DNS server name` };
    }
    if (typeof version !== 'string' || version.trim() === '' || version.length > 100) {
      return { kind: 'skipped', reason: `version ${JSON.stringify(version)} is missing or too long` };
    }
    const meta = entry._meta?.[OFFICIAL] ?? {};
    let status = typeof meta.status === 'string' ? meta.status : 'active';
    if (!STATUSES.has(status)) {
      warnings.push({ name, version, field: '_meta.status', reason: `unknown status ${JSON.stringify(status)}, read as active` });
      status = 'active';
    }
    const isLatest = meta.isLatest === true;
    const hash = createHash('sha256').update(JSON.stringify(entry)).digest('hex');

    const knownServer = this.servers.get(name);
    if (knownServer?.source === 'manual') {
      return { kind: 'skipped', reason: 'a catalog entry made by an admin has this name; it is left as it is' };
    }
    const known = knownServer ? this.versions.get(versionKey(knownServer.id, version)) : undefined;
    if (known && known.sourceHash === hash) return { kind: 'unchanged' };

    let mapped: ReturnType<typeof mapServerJson> | undefined;
    if (!known?.mappingOverridden) {
      try {
        mapped = mapServerJson(server);
      } catch (error) {
        return { kind: 'skipped', reason: (error as Error).message };
      }
      const problems = [...validateTransport(mapped.transport), ...validateDefinition(mapped.config, mapped.transport)];
      if (problems.length > 0) {
        return {
          kind: 'skipped',
          reason: problems
            .slice(0, 3)
            .map((p) => `${p.field}: ${p.message}`)
            .join('; '),
        };
      }
      for (const w of mapped.warnings) warnings.push({ name, version, field: w.field, reason: w.reason });
    }

    const servers = manager.getRepository(CatalogServer);
    const versions = manager.getRepository(CatalogVersion);
    let serverId = knownServer?.id;
    const created = !serverId;
    if (!serverId) {
      const row = newServer(name, entry, mapped!.transport, version);
      await servers.insert(row);
      serverId = row.id;
      this.servers.set(name, { id: serverId, source: 'registry' });
    }

    const dates = {
      publishedAt: parseDate(meta.publishedAt),
      registryUpdatedAt: parseDate(meta.updatedAt),
    };
    const versionStatus = status as CatalogStatus | 'deleted';
    if (known) {
      await versions.update(
        { id: known.id },
        {
          ...dates,
          isLatest,
          status: versionStatus,
          sourceHash: hash,
          ...(mapped && {
            transport: JSON.stringify(mapped.transport),
            configDefinition: JSON.stringify(mapped.config),
            runnable: mapped.runnable,
          }),
        },
      );
      if (known.status !== versionStatus) {
        const users = await manager
          .getRepository(Installation)
          .find({ where: { versionId: known.id }, select: { teamId: true } });
        for (const { teamId } of users) teamsToWake.add(teamId);
      }
      this.versions.set(versionKey(serverId, version), { ...known, sourceHash: hash, isLatest, status: versionStatus });
    } else {
      const row = versions.create({
        id: randomUUID(),
        serverId,
        version,
        isLatest,
        status: versionStatus,
        transport: JSON.stringify(mapped!.transport),
        configDefinition: JSON.stringify(mapped!.config),
        ...dates,
        sourceHash: hash,
        mappingOverridden: false,
        runnable: mapped!.runnable,
        createdAt: new Date(),
      });
      await versions.insert(row);
      this.versions.set(versionKey(serverId, version), {
        id: row.id,
        sourceHash: hash,
        mappingOverridden: false,
        isLatest,
        status: versionStatus,
      });
    }

    if (isLatest) {
      // The latest version speaks for the entry: its texts, transport and status (curation is left alone).
      const self = versionKey(serverId, version);
      const formerLatest = [...this.versions].filter(([key, v]) => v.isLatest && key !== self && key.startsWith(`${serverId}\n`));
      if (formerLatest.length > 0) {
        await manager
          .createQueryBuilder()
          .update(CatalogVersion)
          .set({ isLatest: false })
          .where('server_id = :serverId AND version <> :version AND is_latest = :yes', { serverId, version, yes: true })
          .execute();
        for (const [, v] of formerLatest) v.isLatest = false;
      }
      // A server created from this very entry already says all this.
      if (!created || status !== 'active') {
        const texts = textsOf(name, entry);
        await manager
          .createQueryBuilder()
          .update(CatalogServer)
          .set({
            title: texts.title,
            description: texts.description,
            repository: texts.repository,
            icons: JSON.stringify(texts.icons),
            searchText: searchTextOf({ name, title: texts.title, description: texts.description }),
            latestVersion: version,
            ...(mapped && { transportType: mapped.transport.type }),
            upstreamDeleted: status === 'deleted' && !(await this.hasLiveVersion(manager, serverId)),
          })
          .where('id = :serverId', { serverId })
          .execute();
        // Curation may disable an entry; the registry's status never re-enables it.
        const entryStatus = status === 'deprecated' ? 'deprecated' : 'active';
        const changed = await manager
          .createQueryBuilder()
          .update(CatalogServer)
          .set({ status: entryStatus })
          .where("id = :serverId AND status <> 'disabled' AND status <> :entryStatus", { serverId, entryStatus })
          .execute();
        if ((changed.affected ?? 0) > 0) {
          // The entry's status shows on every installation of it, whichever version each one pins.
          const users = await manager.getRepository(Installation).find({ where: { serverId }, select: { teamId: true } });
          for (const { teamId } of users) teamsToWake.add(teamId);
        }
      }
    } else if (known?.isLatest || status === 'deleted') {
      // The registry moves the latest flag off a deleted or superseded version without touching the others' dates,
      // so an incremental run never hears which one has it now: pick it as the registry does (newest published).
      await this.settleLatest(manager, serverId);
    }
    return { kind: known ? 'updated' : 'imported' };
  }

  private async hasLiveVersion(manager: EntityManager, serverId: string): Promise<boolean> {
    return manager.getRepository(CatalogVersion).existsBy({ serverId, status: Not('deleted') });
  }

  private async settleLatest(manager: EntityManager, serverId: string): Promise<void> {
    const versions = manager.getRepository(CatalogVersion);
    const all = await versions.find({
      where: { serverId },
      select: { id: true, version: true, status: true, isLatest: true, publishedAt: true, transport: true },
    });
    const live = all.filter((v) => v.status !== 'deleted');
    const current = live.find((v) => v.isLatest);
    const next = current ?? [...live].sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))[0];
    for (const v of all) {
      const latest = v.id === next?.id;
      if (v.isLatest !== latest) await versions.update({ id: v.id }, { isLatest: latest });
      const cached = this.versions.get(versionKey(serverId, v.version));
      if (cached) cached.isLatest = latest;
    }
    const server = await manager.getRepository(CatalogServer).findOneByOrFail({ id: serverId });
    server.upstreamDeleted = next === undefined;
    if (next) {
      server.latestVersion = next.version;
      server.transportType = (JSON.parse(next.transport) as Transport).type;
    }
    await manager.getRepository(CatalogServer).save(server);
  }
}

function versionKey(serverId: string, version: string): string {
  return `${serverId}\n${version}`;
}

function nameOf(raw: unknown): string {
  const name = (raw as RegistryEntry | null)?.server?.name;
  return typeof name === 'string' ? name.slice(0, 200) : '(no name)';
}

function versionOf(raw: unknown): string {
  const version = (raw as RegistryEntry | null)?.server?.version;
  return typeof version === 'string' ? version.slice(0, 100) : '(no version)';
}

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

function textsOf(name: string, entry: RegistryEntry) {
  const server = entry.server as RegistryEntry['server'] & { icons?: { src?: unknown }[] };
  const repository = typeof server.repository?.url === 'string' ? server.repository.url.slice(0, 500) : null;
  return {
    title: (typeof server.title === 'string' && server.title.trim() !== '' ? server.title : name).slice(0, 200),
    description: typeof server.description === 'string' ? server.description.slice(0, 5_000) : '',
    repository,
    icons: Array.isArray(server.icons)
      ? server.icons
          .map((i) => i.src)
          .filter((src): src is string => typeof src === 'string' && src.startsWith('https://'))
          .slice(0, 5)
      : [],
  };
}

function newServer(name: string, entry: RegistryEntry, transport: Transport, version: string): CatalogServer {
  const texts = textsOf(name, entry);
  const row = new CatalogServer();
  row.id = randomUUID();
  row.name = name;
  row.ownerTeamId = null;
  row.ownerKey = 'global';
  row.title = texts.title;
  row.description = texts.description;
  row.repository = texts.repository;
  row.icons = JSON.stringify(texts.icons);
  row.tags = '';
  row.source = 'registry';
  row.status = 'active';
  row.hidden = false;
  row.featured = false;
  row.availableToAll = true;
  row.latestVersion = version;
  row.transportType = transport.type;
  row.upstreamDeleted = false;
  row.searchText = searchTextOf(row);
  return row;
}
