export {
  GLOBAL_ROLES,
  GLOBAL_ROLE_PERMISSIONS,
  PERMISSIONS,
  TEAM_ROLES,
  TEAM_ROLE_PERMISSIONS,
  TEAM_SCOPED_PERMISSIONS,
  hasPermission,
  permissionsOf,
} from './permissions.js';
export type { GlobalRole, Permission, PermissionSubject, TeamRole } from './permissions.js';
export {
  CONFIG_CHANGE_REASONS,
  SATELLITE_EVENTS_QUEUE,
  SatelliteJobName,
  isConfigChangedJob,
  satelliteQueueName,
} from './jobs.js';
export type { ConfigChangeReason, ConfigChangedJob, ConfigChangedResult, JobPayloads, TeamRuntimeState } from './jobs.js';
export { MASKED_SECRET } from './api.js';
export type {
  CheckStatus,
  CurrentUser,
  ErrorResponse,
  FieldError,
  HealthResponse,
  LoginRequest,
  LoginResponse,
  Page,
  PageQuery,
  TeamMembershipSummary,
} from './api.js';
export { SSO_ERROR_MESSAGES } from './identity.js';
export type {
  AddMemberRequest,
  AuditEventDto,
  AuditQuery,
  AuthSettingsDto,
  ChangePasswordRequest,
  CreateTeamRequest,
  CreateUserRequest,
  MemberDto,
  SsoErrorCode,
  TeamDto,
  TeamLimits,
  UpdateMeRequest,
  UpdateMemberRequest,
  UpdateTeamRequest,
  UpdateUserRequest,
  UserDto,
} from './identity.js';
export { CONFIG_TARGETS, ELEMENT_TYPES, elementKey } from './config/types.js';
export type {
  ConfigDefinition,
  ConfigElement,
  ConfigTarget,
  EffectiveStatus,
  ElementType,
  Locks,
  MergeInput,
  MergedConfig,
  TemplateValues,
  TierElements,
  TierValues,
} from './config/types.js';
export { maskMergedConfig, mergeConfig } from './config/merge.js';
export { valueProblem } from './config/validate-value.js';
export { CATALOG_STATUSES, PACKAGE_REGISTRY_TYPES, TRANSPORT_TYPES } from './catalog.js';
export type {
  CatalogAvailability,
  CatalogDraftDto,
  CatalogDraftRequest,
  CatalogQuery,
  CatalogServerDto,
  CatalogStatus,
  CatalogVersionDto,
  ConfigWriteValues,
  CreateCatalogServerRequest,
  CreateCatalogVersionRequest,
  CreateInstallationRequest,
  EffectiveConfigDto,
  InstallationDto,
  InstallationStatus,
  MemberConfigStateDto,
  PackageRef,
  PackageRegistryType,
  Transport,
  TransportType,
  UpdateCatalogServerRequest,
  UpdateInstallationRequest,
  UserConfigDto,
} from './catalog.js';
export { validateDefinition, validateTransport } from './config/validate-definition.js';
export { CLIENT_SECRET_PREFIX, MCP_SCOPE, OAUTH_CONSOLE_GRANTS, isRevoked } from './oauth.js';
export type {
  ConnectInfoDto,
  CreateOAuthClientRequest,
  OAuthClientDto,
  OAuthClientKind,
  OAuthClientWithSecretDto,
  OAuthConsentRequest,
  OAuthConsoleGrant,
  OAuthInteractionDto,
  OAuthInteractionResultDto,
  OrbitAccessTokenClaims,
  RevocationEntry,
  RevocationFeed,
} from './oauth.js';
export { SYNC_RUN_STATUSES } from './registry.js';
export type {
  StartSyncRequest,
  StartSyncResponse,
  SyncRunDto,
  SyncRunMode,
  SyncRunStatus,
  SyncSkip,
  SyncWarning,
} from './registry.js';
