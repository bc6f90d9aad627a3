import type { CatalogServerDto, CatalogVersionDto, ConfigDefinition, Transport } from '@orbit/contracts';
import type { CatalogServer } from './catalog-server.entity.js';
import type { CatalogVersion } from './catalog-version.entity.js';

/** What text search looks in, lower-cased once at write time. */
export function searchTextOf(server: { name: string; title: string; description: string }): string {
  return `${server.name}\n${server.title}\n${server.description}`.toLowerCase().slice(0, 1200);
}

export function tagsToColumn(tags: string[]): string {
  return tags.length === 0 ? '' : `,${[...new Set(tags)].join(',')},`;
}

export function tagsFromColumn(column: string): string[] {
  return column.split(',').filter(Boolean);
}

export function toServerDto(server: CatalogServer, availableTeamIds: string[]): CatalogServerDto {
  return {
    id: server.id,
    name: server.name,
    title: server.title,
    description: server.description,
    repository: server.repository,
    icons: JSON.parse(server.icons) as string[],
    tags: tagsFromColumn(server.tags),
    source: server.source,
    upstreamDeleted: server.upstreamDeleted,
    ownerTeamId: server.ownerTeamId,
    status: server.status,
    hidden: server.hidden,
    featured: server.featured,
    availability: { allTeams: server.availableToAll, teamIds: server.availableToAll ? [] : availableTeamIds },
    latestVersion: server.latestVersion,
    transportType: server.transportType,
    createdAt: server.createdAt.toISOString(),
    updatedAt: server.updatedAt.toISOString(),
  };
}

export function toVersionDto(version: CatalogVersion): CatalogVersionDto {
  return {
    id: version.id,
    serverId: version.serverId,
    version: version.version,
    isLatest: version.isLatest,
    status: version.status,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    runnable: version.runnable,
    mappingOverridden: version.mappingOverridden,
    transport: JSON.parse(version.transport) as Transport,
    config: JSON.parse(version.configDefinition) as ConfigDefinition,
    createdAt: version.createdAt.toISOString(),
  };
}
