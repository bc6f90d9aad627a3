import { Injectable } from '@nestjs/common';
import { mergeConfig, type InstallationDto, type Locks, type Page, type TierValues } from '@orbit/contracts';
import { randomUUID } from 'node:crypto';
import { can, type AuthContext } from '../../core/auth/auth-context.js';
import { AppException } from '../../core/errors/app.exception.js';
import { pageWindow, toPage, type PageQueryDto } from '../../core/pagination.js';
import { Vault } from '../../core/vault/vault.js';
import { AuditService } from '../audit/audit.service.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { slugify } from '../teams/personal-team.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { applyWrites, elementsByKey, lockableKeys, maskValues, teamWritableKeys } from './config-values.js';
import type { CreateInstallationDto, UpdateInstallationDto } from './dto/installation.dto.js';
import { installationContext, isDisabled, teamSeal, type InstallationContext } from './installation-context.js';
import { Installation } from './installation.entity.js';
import { InstallationsRepository } from './installations.repository.js';
import type { UserConfig } from './user-config.entity.js';
import { isId } from '../../core/ids.js';

@Injectable()
export class InstallationsService {
  constructor(
    private readonly installations: InstallationsRepository,
    private readonly catalog: CatalogRepository,
    private readonly catalogService: CatalogService,
    private readonly teams: TeamsRepository,
    private readonly vault: Vault,
    private readonly audit: AuditService,
    private readonly wakeups: WakeupService,
  ) {}

  async list(auth: AuthContext, teamId: string, query: PageQueryDto): Promise<Page<InstallationDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.installations.listByTeam(teamId, window.limit, window.offset);
    const items = await Promise.all(rows.map(async (row) => this.toDto(auth, await this.contextOf(row))));
    return toPage(items, total, window);
  }

  async get(auth: AuthContext, teamId: string, installationId: string): Promise<InstallationDto> {
    return this.toDto(auth, await this.load(teamId, installationId));
  }

  /** The installation with its entry and version, or 404 (a foreign team's installation does not exist here). */
  async load(teamId: string, installationId: string): Promise<InstallationContext> {
    const installation = isId(installationId) ? await this.installations.find(teamId, installationId) : null;
    if (!installation) throw AppException.notFound('Installation');
    return this.contextOf(installation);
  }

  async create(auth: AuthContext, teamId: string, dto: CreateInstallationDto): Promise<InstallationDto> {
    const { server, availableTeamIds } = await this.catalogService.visible(auth, dto.serverId).catch(() => {
      throw AppException.validation([{ field: 'serverId', message: 'serverId is not a catalog entry this team can install' }]);
    });
    if (!this.catalogService.availableTo(server, availableTeamIds, teamId)) {
      throw AppException.validation([{ field: 'serverId', message: 'serverId is not a catalog entry this team can install' }]);
    }
    const version = await this.catalog.findVersion(server.id, dto.version);
    if (!version || version.status === 'deleted')
      throw AppException.validation([{ field: 'version', message: `version ${dto.version} does not exist` }]);
    const team = await this.teams.findById(teamId);
    if (team?.maxInstallations != null && (await this.installations.countByTeam(teamId)) >= team.maxInstallations) {
      throw AppException.conflict('limit_exceeded', `This team is limited to ${team.maxInstallations} installations`);
    }
    const slug = dto.slug ?? (await this.freeSlug(teamId, server.name));
    if (dto.slug !== undefined && (await this.installations.slugTaken(teamId, slug))) {
      throw AppException.conflict('duplicate', `An installation with slug ${slug} already exists in this team`);
    }
    const installation = new Installation();
    installation.id = randomUUID();
    installation.teamId = teamId;
    installation.serverId = server.id;
    installation.versionId = version.id;
    installation.slug = slug;
    installation.disabled = false;
    installation.disabledTools = '[]';
    const context = installationContext({ ...installation, teamValues: '{}', locks: '{}' }, server, version);
    const { values, locks } = this.applyTeamWrites(context, dto.config, dto.locks);
    installation.teamValues = JSON.stringify(values);
    installation.locks = JSON.stringify(locks);
    await this.installations.transaction(async (manager) => {
      await this.installations.save(installation, manager);
      await this.teams.bumpConfigVersion(teamId, manager);
    });
    await this.wakeups.teamChanged(teamId, 'installation');
    const created = await this.load(teamId, installation.id);
    await this.audit.record({
      action: 'installation.create',
      target: { type: 'installation', id: installation.id },
      teamId,
      after: { server: server.name, version: version.version, slug, config: maskValues(values, context.definition), locks },
    });
    return this.toDto(auth, created);
  }

  async update(auth: AuthContext, teamId: string, installationId: string, dto: UpdateInstallationDto): Promise<InstallationDto> {
    let context = await this.load(teamId, installationId);
    const before = this.auditView(context);
    let carriedUserConfigs: UserConfig[] = [];
    if (dto.version !== undefined && dto.version !== context.version.version) {
      const version = await this.catalog.findVersion(context.server.id, dto.version);
      if (!version || version.status === 'deleted')
        throw AppException.validation([{ field: 'version', message: `version ${dto.version} does not exist` }]);
      // Values carry over by key; keys the new version does not define are dropped, new required ones show as missing.
      const next = installationContext(context.installation, context.server, version);
      const known = elementsByKey(next.definition);
      const previous = elementsByKey(context.definition);
      // A value carries over only to an element of the same key that is still (or still not) a secret: a sealed
      // value must never run as plain text, nor a plain one be opened as sealed.
      const carries = (key: string) =>
        known.has(key) && (known.get(key)?.element.type === 'secret') === (previous.get(key)?.element.type === 'secret');
      next.teamValues = Object.fromEntries(
        Object.entries(context.teamValues).map(([target, entries]) => [
          target,
          Object.fromEntries(Object.entries(entries ?? {}).filter(([name]) => carries(`${target}.${name}`))),
        ]),
      );
      next.locks = Object.fromEntries(Object.entries(context.locks).filter(([key]) => known.has(key)));
      carriedUserConfigs = (await this.installations.userConfigs([installationId])).map((row) => {
        const values = JSON.parse(row.values) as TierValues;
        const kept = Object.fromEntries(
          Object.entries(values).map(([target, entries]) => [
            target,
            Object.fromEntries(Object.entries(entries ?? {}).filter(([name]) => carries(`${target}.${name}`))),
          ]),
        );
        return Object.assign(row, { values: JSON.stringify(kept) });
      });
      context.installation.versionId = version.id;
      context = next;
    }
    const { values, locks } = this.applyTeamWrites(context, dto.config, dto.locks);
    const installation = context.installation;
    installation.teamValues = JSON.stringify(values);
    installation.locks = JSON.stringify(locks);
    if (dto.disabled !== undefined) installation.disabled = dto.disabled;
    if (dto.toolPolicy !== undefined) installation.disabledTools = JSON.stringify([...new Set(dto.toolPolicy.disabled)].sort());
    await this.installations.transaction(async (manager) => {
      await this.installations.save(installation, manager);
      for (const row of carriedUserConfigs) await this.installations.saveUserConfig(row, manager);
      await this.teams.bumpConfigVersion(teamId, manager);
    });
    await this.wakeups.teamChanged(teamId, 'installation');
    const updated = await this.load(teamId, installationId);
    await this.audit.record({
      action: 'installation.update',
      target: { type: 'installation', id: installationId },
      teamId,
      before,
      after: this.auditView(updated),
    });
    return this.toDto(auth, updated);
  }

  async remove(teamId: string, installationId: string): Promise<void> {
    const context = await this.load(teamId, installationId);
    await this.installations.transaction(async (manager) => {
      await this.installations.delete(teamId, installationId, manager);
      await this.teams.bumpConfigVersion(teamId, manager);
    });
    await this.wakeups.teamChanged(teamId, 'installation');
    await this.audit.record({
      action: 'installation.delete',
      target: { type: 'installation', id: installationId },
      teamId,
      before: this.auditView(context),
    });
  }

  private applyTeamWrites(context: InstallationContext, writes: UpdateInstallationDto['config'], lockWrites: Locks | undefined) {
    const { values, errors } = applyWrites(
      context.teamValues,
      writes,
      context.definition,
      teamWritableKeys(context.definition),
      this.vault,
      teamSeal(context.installation.id),
    );
    const lockable = lockableKeys(context.definition);
    const locks = { ...context.locks };
    for (const [key, locked] of Object.entries(lockWrites ?? {})) {
      if (!lockable.has(key))
        errors.push({ field: `locks.${key}`, message: `${key} is not a user-tier or user-overridable element` });
      else if (typeof locked !== 'boolean') errors.push({ field: `locks.${key}`, message: 'a lock is true or false' });
      else locks[key] = locked;
    }
    if (errors.length > 0) throw AppException.validation(errors, 'The configuration is not valid');
    return { values, locks };
  }

  async contextOf(installation: Installation): Promise<InstallationContext> {
    const [server, version] = await Promise.all([
      this.catalog.findServer(installation.serverId),
      this.catalog.findVersionById(installation.versionId),
    ]);
    if (!server || !version) throw AppException.notFound('Installation');
    return installationContext(installation, server, version);
  }

  private async freeSlug(teamId: string, serverName: string): Promise<string> {
    const base = slugify(serverName.split('/').pop() ?? serverName, 28) || 'server';
    if (!(await this.installations.slugTaken(teamId, base))) return base;
    for (let i = 2; ; i++) if (!(await this.installations.slugTaken(teamId, `${base}-${i}`))) return `${base}-${i}`;
  }

  private auditView(context: InstallationContext): Record<string, unknown> {
    return {
      version: context.version.version,
      config: maskValues(context.teamValues, context.definition),
      locks: context.locks,
      disabled: context.installation.disabled,
      disabledTools: JSON.parse(context.installation.disabledTools) as string[],
    };
  }

  toDto(auth: AuthContext, context: InstallationContext): InstallationDto {
    const { installation, server, version, definition, transport } = context;
    const merged = mergeConfig({
      definition,
      team: { values: maskValues(context.teamValues, definition), locks: context.locks },
    });
    const elements = elementsByKey(definition);
    const manager = can(auth, 'installations:manage', installation.teamId);
    // Members see team values only where the definition says so; secrets are masked for everyone.
    const visible = (key: string) => {
      const entry = elements.get(key);
      return (
        manager ||
        (entry !== undefined &&
          (entry.tier === 'user' || (entry.element.visibleToUsers === true && entry.element.type !== 'secret')))
      );
    };
    return {
      id: installation.id,
      teamId: installation.teamId,
      serverId: server.id,
      serverName: server.name,
      serverTitle: server.title,
      version: version.version,
      slug: installation.slug,
      status: isDisabled(context) ? 'disabled' : merged.missing.team.length > 0 ? 'incomplete' : 'ready',
      upstreamStatus:
        version.status === 'deleted'
          ? 'deleted'
          : server.status === 'deprecated' || version.status === 'deprecated'
            ? 'deprecated'
            : 'active',
      latestVersion: server.latestVersion,
      updateAvailable: server.latestVersion !== null && server.latestVersion !== version.version,
      transport,
      definition,
      config: maskValues(context.teamValues, definition, visible),
      locks: context.locks,
      toolPolicy: { disabled: JSON.parse(installation.disabledTools) as string[] },
      missing: merged.missing.team,
      createdAt: installation.createdAt.toISOString(),
      updatedAt: installation.updatedAt.toISOString(),
    };
  }
}
