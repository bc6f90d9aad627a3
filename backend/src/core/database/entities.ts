import { CreateSystemSettings1763900000000 } from '../../migrations/1763900000000-CreateSystemSettings.js';
import { CreateIdentity1763910000000 } from '../../migrations/1763910000000-CreateIdentity.js';
import { AuditEvent } from '../../modules/audit/audit-event.entity.js';
import { Session } from '../../modules/auth/session.entity.js';
import { SystemSetting } from '../../modules/system/system-setting.entity.js';
import { Membership } from '../../modules/teams/membership.entity.js';
import { Team } from '../../modules/teams/team.entity.js';
import { SsoIdentity } from '../../modules/users/sso-identity.entity.js';
import { User } from '../../modules/users/user.entity.js';

/** Explicit lists rather than globs: the same code runs from src (tests) and dist (production). */
export const ENTITIES = [SystemSetting, User, SsoIdentity, Team, Membership, Session, AuditEvent];
export const MIGRATIONS = [CreateSystemSettings1763900000000, CreateIdentity1763910000000];
