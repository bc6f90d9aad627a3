import type { ConfigDefinition, Locks, TierValues, Transport } from '@orbit/contracts';
import type { CatalogServer } from '../catalog/catalog-server.entity.js';
import type { CatalogVersion } from '../catalog/catalog-version.entity.js';
import type { Installation } from './installation.entity.js';

/** An installation with its catalog entry and pinned version, parsed once. */
export interface InstallationContext {
  installation: Installation;
  server: CatalogServer;
  version: CatalogVersion;
  definition: ConfigDefinition;
  transport: Transport;
  teamValues: TierValues;
  locks: Locks;
}

export function installationContext(
  installation: Installation,
  server: CatalogServer,
  version: CatalogVersion,
): InstallationContext {
  return {
    installation,
    server,
    version,
    definition: JSON.parse(version.configDefinition) as ConfigDefinition,
    transport: JSON.parse(version.transport) as Transport,
    teamValues: JSON.parse(installation.teamValues) as TierValues,
    locks: JSON.parse(installation.locks) as Locks,
  };
}

export const teamSeal = (installationId: string) => (key: string) => ({
  table: 'installations',
  rowId: installationId,
  field: key,
});
export const userSeal = (installationId: string, userId: string) => (key: string) => ({
  table: 'user_configs',
  rowId: `${installationId}:${userId}`,
  field: key,
});

/** An installation runs only while both it and its catalog entry are enabled. */
export function isDisabled(context: Pick<InstallationContext, 'installation' | 'server'>): boolean {
  return context.installation.disabled || context.server.status === 'disabled';
}
