import { Injectable } from '@nestjs/common';
import {
  validateDefinition,
  validateTransport,
  type CatalogServerDto,
  type CatalogVersionDto,
  type ConfigChangeReason,
  type ConfigDefinition,
  type Page,
  type Transport,
} from '@orbit/contracts';
import { randomUUID } from 'node:crypto';
import { can, isGlobalAdmin, type AuthContext } from '../../core/auth/auth-context.js';
import { AppException, ErrorCode } from '../../core/errors/app.exception.js';
import { pageWindow, toPage, type PageQueryDto } from '../../core/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { CatalogServer } from './catalog-server.entity.js';
import { CatalogVersion } from './catalog-version.entity.js';
import { searchTextOf, tagsToColumn, toServerDto, toVersionDto } from './catalog.mapper.js';
import { CatalogRepository } from './catalog.repository.js';
import { compareVersions } from './version-order.js';
import type {
  CatalogQueryDto,
  CreateCatalogServerDto,
  CreateCatalogVersionDto,
  UpdateCatalogServerDto,
  UpdateCatalogVersionDto,
} from './dto/catalog.dto.js';
import { isId } from '../../core/ids.js';

@Injectable()
export class CatalogService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly audit: AuditService,
    private readonly teams: TeamsRepository,
    private readonly wakeups: WakeupService,
  ) {}

  async list(auth: AuthContext, query: CatalogQueryDto): Promise<Page<CatalogServerDto>> {
    const window = pageWindow(query);
    if (query.teamId !== undefined && !isGlobalAdmin(auth) && !auth.memberships.has(query.teamId))
      throw AppException.notFound('Team');
    const teamIds = query.teamId !== undefined ? [query.teamId] : isGlobalAdmin(auth) ? undefined : [...auth.memberships.keys()];
    const [rows, total] = await this.catalog.search(
      {
        ...(query.q && { q: query.q.trim() }),
        ...(query.tag && { tag: query.tag }),
        ...(query.transport && { transport: query.transport }),
        ...(teamIds && { teamIds }),
        includeHidden: isGlobalAdmin(auth) && query.teamId === undefined,
      },
      window.limit,
      window.offset,
    );
    const availability = await this.catalog.availabilityOf(rows.filter((r) => !r.availableToAll).map((r) => r.id));
    return toPage(
      rows.map((r) => toServerDto(r, availability.get(r.id) ?? [])),
      total,
      window,
    );
  }

  async get(auth: AuthContext, serverId: string): Promise<CatalogServerDto> {
    const { server, availableTeamIds } = await this.visible(auth, serverId);
    return toServerDto(server, availableTeamIds);
  }

  /** An entry the caller may see, or 404. */
  async visible(auth: AuthContext, serverId: string): Promise<{ server: CatalogServer; availableTeamIds: string[] }> {
    const server = isId(serverId) ? await this.catalog.findServer(serverId) : null;
    if (!server) throw AppException.notFound('Catalog entry');
    const availableTeamIds = server.availableToAll ? [] : await this.catalog.availability(server.id);
    if (!this.canSee(auth, server, availableTeamIds)) throw AppException.notFound('Catalog entry');
    return { server, availableTeamIds };
  }

  /** Whether a team may install an entry: its own private entries, or global ones available to it. */
  availableTo(server: CatalogServer, availableTeamIds: string[], teamId: string): boolean {
    if (server.status === 'disabled') return false;
    if (server.ownerTeamId !== null) return server.ownerTeamId === teamId;
    return server.availableToAll || availableTeamIds.includes(teamId);
  }

  private canSee(auth: AuthContext, server: CatalogServer, availableTeamIds: string[]): boolean {
    if (isGlobalAdmin(auth)) return true;
    if (server.ownerTeamId !== null) return auth.memberships.has(server.ownerTeamId);
    if (server.hidden || server.status === 'disabled') return false;
    return server.availableToAll || availableTeamIds.some((id) => auth.memberships.has(id));
  }

  async create(auth: AuthContext, dto: CreateCatalogServerDto): Promise<CatalogServerDto> {
    const known = await this.teams.existing([...(dto.teamId ? [dto.teamId] : []), ...(dto.availability?.teamIds ?? [])]);
    this.checkCanCreate(auth, dto.teamId, dto.transport, known);
    this.checkAvailability(dto.availability?.teamIds ?? [], known);
    this.validate(dto.transport, dto.config);
    if (dto.teamId !== undefined && dto.availability !== undefined) {
      throw AppException.validation([{ field: 'availability', message: 'availability applies to global entries only' }]);
    }
    const ownerKey = dto.teamId ?? 'global';
    if (await this.catalog.nameTaken(dto.name, ownerKey)) {
      throw AppException.conflict(
        'duplicate',
        `A catalog entry named ${dto.name} already exists${dto.teamId ? ' in this team' : ''}`,
      );
    }
    const server = new CatalogServer();
    server.id = randomUUID();
    server.name = dto.name;
    server.ownerTeamId = dto.teamId ?? null;
    server.ownerKey = ownerKey;
    server.title = dto.title;
    server.description = dto.description;
    server.repository = dto.repository ?? null;
    server.icons = JSON.stringify(dto.icons ?? []);
    server.tags = tagsToColumn(dto.tags ?? []);
    server.source = 'manual';
    server.upstreamDeleted = false;
    server.status = 'active';
    server.hidden = false;
    server.featured = false;
    server.availableToAll = dto.availability?.allTeams ?? true;
    server.latestVersion = dto.version;
    server.transportType = dto.transport.type;
    server.searchText = searchTextOf(server);
    const version = this.newVersion(server.id, dto);
    await this.catalog.transaction(async (manager) => {
      await this.catalog.saveServer(server, manager);
      await this.catalog.addVersion(version, manager);
      if (!server.availableToAll) await this.catalog.setAvailability(server.id, dto.availability?.teamIds ?? [], manager);
    });
    await this.audit.record({
      action: 'catalog.create',
      target: { type: 'catalog_server', id: server.id },
      teamId: server.ownerTeamId,
      after: { name: server.name, version: dto.version, transport: dto.transport },
    });
    return this.get(auth, server.id);
  }

  async update(auth: AuthContext, serverId: string, dto: UpdateCatalogServerDto): Promise<CatalogServerDto> {
    const { server } = await this.visible(auth, serverId);
    this.checkCanManage(auth, server);
    if (
      server.ownerTeamId !== null &&
      (dto.availability !== undefined || dto.hidden !== undefined || dto.featured !== undefined)
    ) {
      throw AppException.validation([
        { field: 'availability', message: 'availability, hidden and featured apply to global entries only' },
      ]);
    }
    if (dto.availability !== undefined)
      this.checkAvailability(dto.availability.teamIds, await this.teams.existing(dto.availability.teamIds));
    const before = toServerDto(server, []);
    if (dto.title !== undefined) server.title = dto.title;
    if (dto.description !== undefined) server.description = dto.description;
    if (dto.repository !== undefined) server.repository = dto.repository;
    if (dto.icons !== undefined) server.icons = JSON.stringify(dto.icons);
    if (dto.tags !== undefined) server.tags = tagsToColumn(dto.tags);
    if (dto.status !== undefined) server.status = dto.status;
    if (dto.hidden !== undefined) server.hidden = dto.hidden;
    if (dto.featured !== undefined) server.featured = dto.featured;
    if (dto.availability !== undefined) server.availableToAll = dto.availability.allTeams;
    server.searchText = searchTextOf(server);
    await this.catalog.transaction(async (manager) => {
      await this.catalog.saveServer(server, manager);
      if (dto.availability !== undefined)
        await this.catalog.setAvailability(server.id, dto.availability.allTeams ? [] : dto.availability.teamIds, manager);
    });
    if (dto.status !== undefined && dto.status !== before.status) {
      // Disabling (or re-enabling) an entry changes what satellites run for every team that installed it.
      await this.wakeTeams(await this.catalog.teamsUsing({ serverId: server.id }), 'server-status');
    }
    const after = await this.get(auth, server.id);
    await this.audit.record({
      action: 'catalog.update',
      target: { type: 'catalog_server', id: server.id },
      teamId: server.ownerTeamId,
      before,
      after,
    });
    return after;
  }

  async remove(auth: AuthContext, serverId: string): Promise<void> {
    const { server } = await this.visible(auth, serverId);
    this.checkCanManage(auth, server);
    const used = await this.catalog.installationCount(server.id);
    if (used > 0)
      throw AppException.conflict(
        'in_use',
        `${used} installation(s) use this entry: uninstall them or mark the entry deprecated`,
      );
    await this.catalog.transaction((manager) => this.catalog.deleteServer(server.id, manager));
    await this.audit.record({
      action: 'catalog.delete',
      target: { type: 'catalog_server', id: server.id },
      teamId: server.ownerTeamId,
      before: { name: server.name },
    });
  }

  async versions(auth: AuthContext, serverId: string, query: PageQueryDto): Promise<Page<CatalogVersionDto>> {
    const { server } = await this.visible(auth, serverId);
    const window = pageWindow(query);
    const [rows, total] = await this.catalog.versions(server.id, window.limit, window.offset);
    return toPage(rows.map(toVersionDto), total, window);
  }

  async addVersion(auth: AuthContext, serverId: string, dto: CreateCatalogVersionDto): Promise<CatalogVersionDto> {
    const { server } = await this.visible(auth, serverId);
    this.checkCanManage(auth, server);
    this.checkCanCreate(
      auth,
      server.ownerTeamId ?? undefined,
      dto.transport,
      new Set(server.ownerTeamId ? [server.ownerTeamId] : []),
    );
    this.validate(dto.transport, dto.config);
    if (await this.catalog.findVersion(server.id, dto.version))
      throw AppException.conflict('duplicate', `Version ${dto.version} already exists`);
    const version = this.newVersion(server.id, dto);
    // An older version added later (a backport) does not become the latest.
    version.isLatest = server.latestVersion === null || compareVersions(dto.version, server.latestVersion) >= 0;
    if (version.isLatest) {
      server.latestVersion = dto.version;
      server.transportType = dto.transport.type;
    }
    await this.catalog.transaction(async (manager) => {
      await this.catalog.addVersion(version, manager);
      await this.catalog.saveServer(server, manager);
    });
    await this.audit.record({
      action: 'catalog.version.add',
      target: { type: 'catalog_server', id: server.id },
      teamId: server.ownerTeamId,
      after: { version: dto.version },
    });
    return toVersionDto(version);
  }

  /**
   * Overrides a version's transport or definition (the admin "moves an element between tiers" of an imported entry).
   * The version is marked overridden: registry syncs keep updating its status and dates, never its definition.
   */
  async updateVersion(
    auth: AuthContext,
    serverId: string,
    versionId: string,
    dto: UpdateCatalogVersionDto,
  ): Promise<CatalogVersionDto> {
    const { server } = await this.visible(auth, serverId);
    this.checkCanManage(auth, server);
    const version = isId(versionId) ? await this.catalog.findVersionById(versionId) : null;
    if (!version || version.serverId !== server.id) throw AppException.notFound('Catalog version');
    if (dto.transport === undefined && dto.config === undefined) {
      throw AppException.validation([{ field: 'config', message: 'send config and/or transport' }]);
    }
    const transport = dto.transport ?? (JSON.parse(version.transport) as Transport);
    const config = dto.config ?? (JSON.parse(version.configDefinition) as ConfigDefinition);
    if (dto.transport !== undefined) {
      this.checkCanCreate(
        auth,
        server.ownerTeamId ?? undefined,
        transport,
        new Set(server.ownerTeamId ? [server.ownerTeamId] : []),
      );
    }
    this.validate(transport, config);
    const before = {
      transport: JSON.parse(version.transport) as unknown,
      config: JSON.parse(version.configDefinition) as unknown,
    };
    version.transport = JSON.stringify(transport);
    version.configDefinition = JSON.stringify({
      template: config.template ?? {},
      team: config.team ?? {},
      user: config.user ?? {},
    });
    version.mappingOverridden = true;
    await this.catalog.transaction(async (manager) => {
      await manager.getRepository(CatalogVersion).save(version);
      if (version.isLatest && dto.transport !== undefined) {
        server.transportType = transport.type;
        await this.catalog.saveServer(server, manager);
      }
    });
    // What the installations pinned to this version run (their args, env, headers) changed.
    await this.wakeTeams(await this.catalog.teamsUsing({ versionId: version.id }), 'catalog-version');
    await this.audit.record({
      action: 'catalog.version.update',
      target: { type: 'catalog_version', id: version.id },
      teamId: server.ownerTeamId,
      before,
      after: { transport, config },
    });
    return toVersionDto(version);
  }

  /** A change to what these teams' satellites run (DESIGN, principle 1): bump each team's version and wake it. */
  private async wakeTeams(teamIds: string[], reason: ConfigChangeReason): Promise<void> {
    for (const teamId of teamIds) {
      await this.teams.bumpConfigVersion(teamId);
      await this.wakeups.teamChanged(teamId, reason);
    }
  }

  private newVersion(serverId: string, dto: { version: string; transport: Transport; config: ConfigDefinition }): CatalogVersion {
    const version = new CatalogVersion();
    version.id = randomUUID();
    version.serverId = serverId;
    version.version = dto.version;
    version.isLatest = true;
    version.status = 'active';
    version.transport = JSON.stringify(dto.transport);
    version.configDefinition = JSON.stringify({
      template: dto.config.template ?? {},
      team: dto.config.team ?? {},
      user: dto.config.user ?? {},
    });
    version.publishedAt = null;
    version.registryUpdatedAt = null;
    version.sourceHash = null;
    version.mappingOverridden = false;
    version.runnable = true;
    version.createdAt = new Date();
    return version;
  }

  private validate(transport: Transport, config: ConfigDefinition): void {
    const transportErrors = validateTransport(transport);
    const errors = [...transportErrors, ...validateDefinition(config, transportErrors.length === 0 ? transport : undefined)];
    if (errors.length > 0) throw AppException.validation(errors, 'The catalog entry is not valid');
  }

  /** Global entries: global admins. Team-private: the team's admins, and only npm packages or remote URLs. */
  private checkCanCreate(
    auth: AuthContext,
    teamId: string | undefined,
    transport: Transport,
    knownTeams: ReadonlySet<string>,
  ): void {
    if (teamId === undefined) {
      if (!can(auth, 'catalog:manage-global'))
        throw new AppException(ErrorCode.Forbidden, 'Only global admins may add global catalog entries');
      return;
    }
    if (!auth.memberships.has(teamId) && !(isGlobalAdmin(auth) && knownTeams.has(teamId))) throw AppException.notFound('Team');
    if (!can(auth, 'catalog:manage-team', teamId))
      throw new AppException(ErrorCode.Forbidden, 'Only team admins may add entries to their team');
    const arbitraryBinary =
      transport?.type === 'stdio' && (transport.package === undefined || transport.package.registryType !== 'npm');
    if (arbitraryBinary && !can(auth, 'catalog:manage-stdio-command')) {
      throw new AppException(
        ErrorCode.Forbidden,
        'Team entries run an npm package or a remote URL; only global admins may add other commands',
      );
    }
  }

  private checkAvailability(teamIds: readonly string[], known: ReadonlySet<string>): void {
    const unknown = teamIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw AppException.validation([{ field: 'availability.teamIds', message: `no team has the id ${unknown.join(', ')}` }]);
  }

  private checkCanManage(auth: AuthContext, server: CatalogServer): void {
    const allowed =
      server.ownerTeamId === null ? can(auth, 'catalog:manage-global') : can(auth, 'catalog:manage-team', server.ownerTeamId);
    if (!allowed) throw new AppException(ErrorCode.Forbidden, 'You may not change this catalog entry');
  }
}
