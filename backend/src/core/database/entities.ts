import { CreateSystemSettings1763900000000 } from '../../migrations/1763900000000-CreateSystemSettings.js';
import { CreateIdentity1763910000000 } from '../../migrations/1763910000000-CreateIdentity.js';
import { CreateCatalog1763920000000 } from '../../migrations/1763920000000-CreateCatalog.js';
import { CreateSatellites1763930000000 } from '../../migrations/1763930000000-CreateSatellites.js';
import { CreateOAuth1763940000000 } from '../../migrations/1763940000000-CreateOAuth.js';
import { CreateRegistrySync1763950000000 } from '../../migrations/1763950000000-CreateRegistrySync.js';
import { SyncRun } from '../../modules/registry/sync-run.entity.js';
import { OAuthClient } from '../../modules/oauth/oauth-client.entity.js';
import { OAuthRecord } from '../../modules/oauth/oauth-record.entity.js';
import { Revocation } from '../../modules/oauth/revocation.entity.js';
import { AuditEvent } from '../../modules/audit/audit-event.entity.js';
import { CatalogAvailability } from '../../modules/catalog/catalog-availability.entity.js';
import { CatalogServer } from '../../modules/catalog/catalog-server.entity.js';
import { CatalogVersion } from '../../modules/catalog/catalog-version.entity.js';
import { Installation } from '../../modules/installations/installation.entity.js';
import { UserConfig } from '../../modules/installations/user-config.entity.js';
import { Satellite } from '../../modules/satellites/satellite.entity.js';
import { Session } from '../../modules/auth/session.entity.js';
import { SystemSetting } from '../../modules/system/system-setting.entity.js';
import { Membership } from '../../modules/teams/membership.entity.js';
import { Team } from '../../modules/teams/team.entity.js';
import { SsoIdentity } from '../../modules/users/sso-identity.entity.js';
import { User } from '../../modules/users/user.entity.js';

/** Explicit lists rather than globs: the same code runs from src (tests) and dist (production). */
export const ENTITIES = [
  SystemSetting,
  User,
  SsoIdentity,
  Team,
  Membership,
  Session,
  AuditEvent,
  CatalogServer,
  CatalogAvailability,
  CatalogVersion,
  Installation,
  UserConfig,
  Satellite,
  OAuthClient,
  OAuthRecord,
  Revocation,
  SyncRun,
];
export const MIGRATIONS = [
  CreateSystemSettings1763900000000,
  CreateIdentity1763910000000,
  CreateCatalog1763920000000,
  CreateSatellites1763930000000,
  CreateOAuth1763940000000,
  CreateRegistrySync1763950000000,
];
