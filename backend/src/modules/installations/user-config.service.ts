import { Injectable } from '@nestjs/common';
import {
  MASKED_SECRET,
  maskMergedConfig,
  mergeConfig,
  type ConfigDefinition,
  type EffectiveConfigDto,
  type MemberConfigStateDto,
  type Page,
  type TierValues,
  type UserConfigDto,
} from '@orbit/contracts';
import { can, type AuthContext } from '../../core/auth/auth-context.js';
import { AppException } from '../../core/errors/app.exception.js';
import { pageWindow, toPage, type PageQueryDto } from '../../core/pagination.js';
import { Vault } from '../../core/vault/vault.js';
import { AuditService } from '../audit/audit.service.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { applyWrites, maskValues, setKeys, userWritableKeys } from './config-values.js';
import { isDisabled, userSeal, type InstallationContext } from './installation-context.js';
import { InstallationsRepository } from './installations.repository.js';
import { InstallationsService } from './installations.service.js';
import { UserConfig } from './user-config.entity.js';

/** Members' private values, and the merged (effective) configuration each member gets. */
@Injectable()
export class UserConfigService {
  constructor(
    private readonly installations: InstallationsRepository,
    private readonly installationService: InstallationsService,
    private readonly teams: TeamsRepository,
    private readonly vault: Vault,
    private readonly audit: AuditService,
    private readonly wakeups: WakeupService,
  ) {}

  async get(auth: AuthContext, teamId: string, installationId: string): Promise<UserConfigDto> {
    const context = await this.installationService.load(teamId, installationId);
    return this.describe(context, await this.storedValues(installationId, auth.user.id));
  }

  async put(auth: AuthContext, teamId: string, installationId: string, writes: Record<string, unknown>): Promise<UserConfigDto> {
    const context = await this.installationService.load(teamId, installationId);
    const stored = await this.storedValues(installationId, auth.user.id);
    const { values, errors } = applyWrites(
      stored,
      writes,
      context.definition,
      userWritableKeys(context.definition, context.locks),
      this.vault,
      userSeal(installationId, auth.user.id),
      '', // the body is the values themselves: fields are `env.X`, `args.name`
    );
    if (errors.length > 0) throw AppException.validation(errors, 'The configuration is not valid');
    const row = new UserConfig();
    row.installationId = installationId;
    row.userId = auth.user.id;
    row.values = JSON.stringify(values);
    await this.installations.transaction(async (manager) => {
      await this.installations.saveUserConfig(row, manager);
      await this.teams.bumpConfigVersion(teamId, manager);
    });
    await this.wakeups.teamChanged(teamId, 'user-config');
    await this.audit.record({
      action: 'installation.user-config',
      target: { type: 'installation', id: installationId },
      teamId,
      // A member's values are private even when not secret: the audit trail records which keys are set, never values.
      before: { set: setKeys(stored) },
      after: { set: setKeys(values) },
    });
    return this.describe(context, values);
  }

  /** Team admins: which keys each member set, never the values. */
  async states(teamId: string, installationId: string, query: PageQueryDto): Promise<Page<MemberConfigStateDto>> {
    const context = await this.installationService.load(teamId, installationId);
    const window = pageWindow(query);
    const [members, total] = await this.teams.members(teamId, window.limit, window.offset);
    const configs = new Map(
      (await this.installations.userConfigs([installationId])).map((c) => [c.userId, JSON.parse(c.values) as TierValues]),
    );
    return toPage(
      members.map((member) => {
        const values = configs.get(member.userId) ?? {};
        const merged = this.merge(context, values);
        return {
          userId: member.userId,
          email: member.email,
          name: member.name,
          set: setKeys(values),
          status: isDisabled(context) ? 'disabled' : merged.status,
          missing: [...merged.missing.team, ...merged.missing.user],
        };
      }),
      total,
      window,
    );
  }

  /** The caller's merged configuration with every secret masked; secrets are never opened for this. */
  async effective(auth: AuthContext, teamId: string, installationId: string): Promise<EffectiveConfigDto> {
    const loaded = await this.installationService.load(teamId, installationId);
    // Members see the team's values only where the definition says so: the others are masked like secrets.
    const context = can(auth, 'installations:manage', teamId)
      ? loaded
      : { ...loaded, definition: hideTeamValues(loaded.definition) };
    const merged = maskMergedConfig(this.merge(context, await this.storedValues(installationId, auth.user.id)));
    const status = isDisabled(context) ? 'disabled' : merged.status;
    const common: Pick<EffectiveConfigDto, 'status' | 'missing' | 'invalid'> = {
      status,
      missing: [...merged.missing.team, ...merged.missing.user],
      invalid: merged.invalid,
    };
    if (context.transport.type === 'stdio') {
      return { transportType: 'stdio', command: context.transport.command, args: merged.args, env: merged.env, ...common };
    }
    const url = context.transport.url.replace(/\{([A-Za-z0-9_.-]+)\}/g, (whole, name: string) =>
      merged.url[name] === undefined
        ? whole
        : merged.url[name] === MASKED_SECRET
          ? MASKED_SECRET
          : encodeURIComponent(merged.url[name]),
    );
    return { transportType: context.transport.type, url, headers: merged.headers, queryParams: merged.queryParams, ...common };
  }

  /** Merge on masked values: secret elements carry "*****" (their type accepts any string), so nothing is decrypted. */
  private merge(context: InstallationContext, userValues: TierValues) {
    return mergeConfig({
      definition: context.definition,
      team: { values: maskValues(context.teamValues, context.definition), locks: context.locks },
      user: { values: maskValues(userValues, context.definition) },
    });
  }

  private describe(context: InstallationContext, values: TierValues): UserConfigDto {
    const merged = this.merge(context, values);
    return {
      installationId: context.installation.id,
      values: maskValues(values, context.definition),
      editable: [...userWritableKeys(context.definition, context.locks)],
      status: isDisabled(context) ? 'disabled' : merged.status,
      missing: [...merged.missing.team, ...merged.missing.user],
    };
  }

  private async storedValues(installationId: string, userId: string): Promise<TierValues> {
    const row = await this.installations.userConfig(installationId, userId);
    return row ? (JSON.parse(row.values) as TierValues) : {};
  }
}

/** The definition as a member sees it: team-tier values not marked visibleToUsers count as secrets (masked). */
function hideTeamValues(definition: ConfigDefinition): ConfigDefinition {
  const team = Object.fromEntries(
    Object.entries(definition.team).map(([target, elements]) => [
      target,
      (elements ?? []).map((e) => (e.visibleToUsers ? e : { ...e, type: 'secret' as const, visibleToUsers: false })),
    ]),
  );
  return { ...definition, team };
}
