import type { AuditEventDto, CurrentUser, MemberDto, Page, TeamDto, UserDto } from '@orbit/contracts';

/** Test data builders: each returns a valid object and takes only the fields a test cares about. */

let sequence = 0;
const next = (): number => ++sequence;

export function aCurrentUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  const n = next();
  return { id: `u${n}`, email: `user${n}@example.com`, name: `User ${n}`, globalRole: 'global_user', teams: [], ...overrides };
}

export function aUserDto(overrides: Partial<UserDto> = {}): UserDto {
  const n = next();
  return {
    id: `u${n}`,
    email: `user${n}@example.com`,
    name: `User ${n}`,
    globalRole: 'global_user',
    disabled: false,
    hasPassword: true,
    ssoLinked: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aTeam(overrides: Partial<TeamDto> = {}): TeamDto {
  const n = next();
  return {
    id: `t${n}`,
    name: `Team ${n}`,
    slug: `team-${n}`,
    personal: false,
    configVersion: 1,
    limits: { maxMembers: null, maxInstallations: null },
    memberCount: 1,
    myRole: 'team_user',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aMember(overrides: Partial<MemberDto> = {}): MemberDto {
  const n = next();
  return {
    userId: `u${n}`,
    email: `member${n}@example.com`,
    name: `Member ${n}`,
    role: 'team_user',
    joinedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEventDto> = {}): AuditEventDto {
  const n = next();
  return {
    id: `e${n}`,
    time: '2026-03-01T12:00:00.000Z',
    actor: { id: 'u1', email: 'admin@example.com' },
    action: 'team.created',
    target: { type: 'team', id: `t${n}` },
    teamId: null,
    before: null,
    after: null,
    requestId: null,
    ...overrides,
  };
}

export function pageOf<T>(items: T[], nextCursor?: string): Page<T> {
  return nextCursor === undefined ? { items, total: items.length } : { items, total: items.length + 1, nextCursor };
}
