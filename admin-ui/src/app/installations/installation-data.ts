import type { InstallationDto } from '@orbit/contracts';

/** What the installation pages say for a 404: the API answers the same for a foreign team's id as for an unknown one. */
export const INSTALLATION_NOT_FOUND = 'This installation does not exist, or you are not in its team.';

const UPSTREAM_LABELS: Readonly<Record<InstallationDto['upstreamStatus'], string | null>> = {
  active: null,
  deprecated: 'Deprecated upstream',
  deleted: 'Deleted upstream',
};

/** What the catalog (or the registry behind it) says of the installed server; null while it is active. */
export function upstreamLabel(status: InstallationDto['upstreamStatus']): string | null {
  return UPSTREAM_LABELS[status] ?? null;
}
