import type { FieldError } from './api.js';
import type { ConfigDefinition, EffectiveStatus, Locks, TierValues } from './config/types.js';

/** Catalog entries, versions and installations as the API answers them. */

export const PACKAGE_REGISTRY_TYPES = ['npm', 'pypi', 'oci', 'nuget', 'mcpb'] as const;
export type PackageRegistryType = (typeof PACKAGE_REGISTRY_TYPES)[number];

export const TRANSPORT_TYPES = ['stdio', 'streamable-http', 'sse'] as const;
export type TransportType = (typeof TRANSPORT_TYPES)[number];

export interface PackageRef {
  registryType: PackageRegistryType;
  identifier: string;
  version?: string;
  runtimeHint?: string;
}

export type Transport =
  { type: 'stdio'; command: string; package?: PackageRef } | { type: 'streamable-http' | 'sse'; url: string };

export const CATALOG_STATUSES = ['active', 'deprecated', 'disabled'] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

export interface CatalogAvailability {
  /** true: every team; false: only `teamIds`. */
  allTeams: boolean;
  teamIds: string[];
}

export interface CatalogServerDto {
  id: string;
  name: string;
  title: string;
  description: string;
  repository: string | null;
  icons: string[];
  tags: string[];
  source: 'registry' | 'manual';
  /** The registry deleted it: hidden from browsing, kept for the installations that use it. */
  upstreamDeleted: boolean;
  /** null for a global entry; the owning team for a team-private one. */
  ownerTeamId: string | null;
  status: CatalogStatus;
  hidden: boolean;
  featured: boolean;
  availability: CatalogAvailability;
  latestVersion: string | null;
  transportType: TransportType | null;
  createdAt: string;
  updatedAt: string;
}

export interface CatalogVersionDto {
  id: string;
  serverId: string;
  version: string;
  isLatest: boolean;
  status: CatalogStatus | 'deleted';
  /** When the registry published it (null for manual entries). */
  publishedAt: string | null;
  /** False for registry packages satellites can't run yet (pypi, oci, nuget, mcpb). */
  runnable: boolean;
  /** An admin changed the imported definition; syncs keep it. */
  mappingOverridden: boolean;
  transport: Transport;
  config: ConfigDefinition;
  createdAt: string;
}

export interface CreateCatalogServerRequest {
  name: string;
  title: string;
  description: string;
  version: string;
  transport: Transport;
  config: ConfigDefinition;
  repository?: string;
  icons?: string[];
  tags?: string[];
  /** Makes a team-private entry (team admins may add npm packages or remote URLs). */
  teamId?: string;
  availability?: CatalogAvailability;
}

export interface UpdateCatalogServerRequest {
  title?: string;
  description?: string;
  repository?: string | null;
  icons?: string[];
  tags?: string[];
  status?: CatalogStatus;
  hidden?: boolean;
  featured?: boolean;
  availability?: CatalogAvailability;
}

export interface CreateCatalogVersionRequest {
  version: string;
  transport: Transport;
  config: ConfigDefinition;
}

export interface CatalogQuery {
  q?: string;
  tag?: string;
  transport?: TransportType;
  /** Only entries this team may install (and the team's private ones). */
  teamId?: string;
  limit?: number;
  cursor?: string;
}

export type InstallationStatus = 'ready' | 'incomplete' | 'disabled';

/** A value in a write: a string (or list for repeated args), `"*****"` to keep a stored secret, null to erase. */
export type ConfigWriteValues = Partial<Record<keyof TierValues, Record<string, string | string[] | null>>>;

export interface InstallationDto {
  id: string;
  teamId: string;
  serverId: string;
  serverName: string;
  serverTitle: string;
  version: string;
  slug: string;
  status: InstallationStatus;
  upstreamStatus: 'active' | 'deprecated' | 'deleted';
  latestVersion: string | null;
  updateAvailable: boolean;
  transport: Transport;
  definition: ConfigDefinition;
  /** Team values; secrets always `*****`. Team users see only values marked visibleToUsers. */
  config: TierValues;
  locks: Locks;
  toolPolicy: { disabled: string[] };
  /** Missing required team values (`env.SHARED_API_KEY`). */
  missing: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CreateInstallationRequest {
  serverId: string;
  version: string;
  slug?: string;
  config?: ConfigWriteValues;
  locks?: Locks;
}

export interface UpdateInstallationRequest {
  config?: ConfigWriteValues;
  locks?: Locks;
  disabled?: boolean;
  /** Upgrade or downgrade: values carry over by key; what became missing is reported. */
  version?: string;
  toolPolicy?: { disabled: string[] };
}

export interface UserConfigDto {
  installationId: string;
  /** The caller's values; secrets always `*****`. */
  values: TierValues;
  /** Keys the caller may set. */
  editable: string[];
  status: EffectiveStatus | 'disabled';
  missing: string[];
}

export interface MemberConfigStateDto {
  userId: string;
  email: string;
  name: string;
  /** Keys this member has set (never the values). */
  set: string[];
  status: EffectiveStatus | 'disabled';
  missing: string[];
}

export interface EffectiveConfigDto {
  transportType: TransportType;
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  url?: string;
  headers?: Record<string, string>;
  queryParams?: Record<string, string>;
  status: EffectiveStatus | 'disabled';
  missing: string[];
  invalid: { key: string; message: string }[];
}

/** `POST /api/catalog/drafts`: a pasted Claude Desktop config (and which `mcpServers` key to use) or a server.json. */
export type CatalogDraftRequest =
  { claudeDesktopConfig: Record<string, unknown>; serverKey?: string } | { serverJson: Record<string, unknown> };

/** A proposed catalog entry (the admin schema workflow's first step); nothing is saved. */
export interface CatalogDraftDto extends Pick<
  CreateCatalogServerRequest,
  'name' | 'title' | 'description' | 'version' | 'transport' | 'config'
> {
  /** For the reviewer: values not kept (secrets, personal paths), formats read differently, runtimes missing. */
  notes: string[];
  /** What the create route would refuse as the proposal stands. */
  problems: FieldError[];
}
