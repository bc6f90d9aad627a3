import { Injectable, Logger } from '@nestjs/common';
import { mergeConfig, type MergedConfig, type TierValues, type Transport } from '@orbit/contracts';
import { Vault, VaultError } from '../../core/vault/vault.js';
import { openValues } from './config-values.js';
import { isDisabled, teamSeal, userSeal, type InstallationContext } from './installation-context.js';
import { InstallationsRepository } from './installations.repository.js';
import { InstallationsService } from './installations.service.js';

export type RuntimeConfig =
  | { transportType: 'stdio'; command: string; args: string[]; env: Record<string, string> }
  | {
      transportType: 'streamable-http' | 'sse';
      url: string;
      headers: Record<string, string>;
      queryParams: Record<string, string>;
    };

export interface TeamRuntimeInstallation {
  id: string;
  slug: string;
  disabled: boolean;
  transport: Transport;
  definition: InstallationContext['definition'];
  locks: InstallationContext['locks'];
  /** Opened: secrets in clear, for the satellite's merge only. */
  teamValues: TierValues;
  /** userId → that member's values, opened. */
  userValues: Record<string, TierValues>;
  disabledTools: string[];
  /** Set when a stored secret failed its integrity check: the installation is sent without values and not run. */
  error?: string;
}

/**
 * The only place secrets leave the vault: the configuration a satellite runs, per (installation, user), and the
 * team's runtime state (installations plus the values members set: O(installations + user values)).
 */
@Injectable()
export class RuntimeConfigService {
  private readonly logger = new Logger(RuntimeConfigService.name);

  constructor(
    private readonly installations: InstallationsRepository,
    private readonly installationService: InstallationsService,
    private readonly vault: Vault,
  ) {}

  async forUser(
    teamId: string,
    installationId: string,
    userId: string,
  ): Promise<{ config: RuntimeConfig; merged: MergedConfig }> {
    const context = await this.installationService.load(teamId, installationId);
    const row = await this.installations.userConfig(installationId, userId);
    const userValues = row
      ? openValues(JSON.parse(row.values) as TierValues, context.definition, this.vault, userSeal(installationId, userId))
      : {};
    const merged = mergeConfig({
      definition: context.definition,
      team: {
        values: openValues(context.teamValues, context.definition, this.vault, teamSeal(installationId)),
        locks: context.locks,
      },
      user: { values: userValues },
    });
    return { config: toRuntimeConfig(context.transport, merged), merged };
  }

  async teamState(teamId: string): Promise<TeamRuntimeInstallation[]> {
    const rows = await this.installations.allByTeam(teamId);
    const userConfigs = await this.installations.userConfigs(rows.map((r) => r.id));
    return Promise.all(
      rows.map(async (row) => {
        const context = await this.installationService.contextOf(row);
        const base = {
          id: row.id,
          slug: row.slug,
          disabled: isDisabled(context),
          transport: context.transport,
          definition: context.definition,
          locks: context.locks,
          disabledTools: JSON.parse(row.disabledTools) as string[],
        };
        try {
          const userValues: Record<string, TierValues> = {};
          for (const config of userConfigs.filter((c) => c.installationId === row.id)) {
            const stored = JSON.parse(config.values) as TierValues;
            userValues[config.userId] = openValues(stored, context.definition, this.vault, userSeal(row.id, config.userId));
          }
          const teamValues = openValues(context.teamValues, context.definition, this.vault, teamSeal(row.id));
          return { ...base, teamValues, userValues };
        } catch (error) {
          if (!(error instanceof VaultError)) throw error;
          // One damaged secret must not stop the team's other servers: report it and send this installation bare.
          this.logger.error(`runtime state of team ${teamId}: ${error.message}`);
          return { ...base, teamValues: {}, userValues: {}, error: error.message };
        }
      }),
    );
  }
}

export function toRuntimeConfig(transport: Transport, merged: MergedConfig): RuntimeConfig {
  if (transport.type === 'stdio')
    return { transportType: 'stdio', command: transport.command, args: merged.args, env: merged.env };
  const url = transport.url.replace(/\{([A-Za-z0-9_.-]+)\}/g, (whole, name: string) =>
    merged.url[name] === undefined ? whole : encodeURIComponent(merged.url[name]),
  );
  return { transportType: transport.type, url, headers: merged.headers, queryParams: merged.queryParams };
}
