import type { CatalogServerDto, CatalogVersionDto, TeamDto } from '@orbit/contracts';
import type { ApiClient } from '../core/api/api-client';
import type { AuthStore } from '../core/auth/auth-store';

/** The API's largest page: team pickers list this many of the caller's teams (all teams for global admins). */
const TEAM_OPTIONS_LIMIT = 100;

/** The caller's teams for a picker; an empty list when they cannot be read (the page still works without). */
export async function loadTeamOptions(api: ApiClient): Promise<TeamDto[]> {
  try {
    return (await api.listTeams({ limit: TEAM_OPTIONS_LIMIT })).items;
  } catch {
    return [];
  }
}

export interface CatalogEntry {
  server: CatalogServerDto;
  versions: CatalogVersionDto[];
}

/** An entry with its versions (up to the API's largest page: entries have a handful). */
export async function loadEntry(api: ApiClient, serverId: string): Promise<CatalogEntry> {
  const [server, versions] = await Promise.all([
    api.getCatalogServer(serverId),
    api.listCatalogVersions(serverId, { limit: 100 }),
  ]);
  return { server, versions: versions.items };
}

/** The version an entry shows and installs by default: the one marked latest, else the newest listed. */
export function latestVersion(server: CatalogServerDto, versions: readonly CatalogVersionDto[]): CatalogVersionDto | undefined {
  return (
    versions.find((v) => v.isLatest) ??
    versions.find((v) => v.version === server.latestVersion) ??
    versions.reduce<CatalogVersionDto | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined)
  );
}

const SOURCE_LABELS: Readonly<Record<CatalogServerDto['source'], string>> = { registry: 'Registry', manual: 'Manual' };

/** Where an entry comes from: imported by the registry sync, or made by an admin. */
export function sourceLabel(source: CatalogServerDto['source']): string {
  return SOURCE_LABELS[source] ?? source;
}

/** Global entries are the global admins'; a team-private one is also its team's admins'. */
export function canManageEntry(auth: AuthStore, server: CatalogServerDto): boolean {
  return server.ownerTeamId ? auth.canInTeam(server.ownerTeamId, 'catalog:manage-team') : auth.can('catalog:manage-global');
}
