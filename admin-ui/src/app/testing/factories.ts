import type {
  AuditEventDto,
  CatalogServerDto,
  CatalogVersionDto,
  ConfigDefinition,
  CurrentUser,
  EffectiveConfigDto,
  InstallationDto,
  MemberConfigStateDto,
  MemberDto,
  OAuthClientDto,
  OAuthInteractionDto,
  Page,
  SyncRunDto,
  TeamDto,
  UserConfigDto,
  UserDto,
} from '@orbit/contracts';

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

/** The product brief's filesystem server: a fixed template, a team secret, and two user settings. */
export function aFilesystemDefinition(): ConfigDefinition {
  return {
    template: { args: ['-y', '@modelcontextprotocol/server-filesystem'], env: { PROTOCOL_VERSION: '1.0' } },
    team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
    user: {
      args: [{ name: 'directories', type: 'filepath', required: true, repeated: true }],
      env: [{ name: 'DEBUG', type: 'boolean', default: 'false' }],
    },
  };
}

export function aCatalogServer(overrides: Partial<CatalogServerDto> = {}): CatalogServerDto {
  const n = next();
  return {
    id: `s${n}`,
    name: `io.github.example/server-${n}`,
    title: `Server ${n}`,
    description: 'Does things',
    repository: null,
    icons: [],
    tags: [],
    source: 'manual',
    upstreamDeleted: false,
    ownerTeamId: null,
    status: 'active',
    hidden: false,
    featured: false,
    availability: { allTeams: true, teamIds: [] },
    latestVersion: '1.0.0',
    transportType: 'stdio',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aCatalogVersion(overrides: Partial<CatalogVersionDto> = {}): CatalogVersionDto {
  const n = next();
  return {
    id: `v${n}`,
    serverId: 's1',
    version: '1.0.0',
    isLatest: true,
    status: 'active',
    publishedAt: null,
    runnable: true,
    mappingOverridden: false,
    transport: {
      type: 'stdio',
      command: 'npx',
      package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem', version: '1.0.0' },
    },
    config: aFilesystemDefinition(),
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function anInstallation(overrides: Partial<InstallationDto> = {}): InstallationDto {
  const n = next();
  return {
    id: `i${n}`,
    teamId: 't1',
    serverId: 's1',
    serverName: 'io.github.modelcontextprotocol/server-filesystem',
    serverTitle: 'Filesystem',
    version: '1.0.0',
    slug: `files-${n}`,
    status: 'ready',
    upstreamStatus: 'active',
    latestVersion: '1.0.0',
    updateAvailable: false,
    transport: { type: 'stdio', command: 'npx' },
    definition: aFilesystemDefinition(),
    config: {},
    locks: {},
    toolPolicy: { disabled: [] },
    missing: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aUserConfig(overrides: Partial<UserConfigDto> = {}): UserConfigDto {
  return { installationId: 'i1', values: {}, editable: [], status: 'ready', missing: [], ...overrides };
}

export function aMemberConfigState(overrides: Partial<MemberConfigStateDto> = {}): MemberConfigStateDto {
  const n = next();
  return {
    userId: `u${n}`,
    email: `member${n}@example.com`,
    name: `Member ${n}`,
    set: [],
    status: 'ready',
    missing: [],
    ...overrides,
  };
}

export function anEffectiveConfig(overrides: Partial<EffectiveConfigDto> = {}): EffectiveConfigDto {
  return { transportType: 'stdio', command: 'npx', args: [], env: {}, status: 'ready', missing: [], invalid: [], ...overrides };
}

export function anOAuthClient(overrides: Partial<OAuthClientDto> = {}): OAuthClientDto {
  const n = next();
  return {
    clientId: `client-${n}`,
    name: `Client ${n}`,
    kind: 'console',
    teamId: 't1',
    teamName: 'Platform',
    ownerId: 'u1',
    ownerEmail: 'owner@example.com',
    grantTypes: ['client_credentials'],
    redirectUris: [],
    applicationType: 'web',
    tokenEndpointAuthMethod: 'client_secret_basic',
    hasSecret: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
    ...overrides,
  };
}

/** A pending authorization as the consent page reads it: VS Code, registered dynamically, for one team. */
export function anInteraction(overrides: Partial<OAuthInteractionDto> = {}): OAuthInteractionDto {
  return {
    uid: 'abc',
    client: {
      clientId: 'dyn-1',
      name: 'Visual Studio Code',
      redirectHost: '127.0.0.1:33418',
      redirectUri: 'http://127.0.0.1:33418/',
      kind: 'dynamic',
    },
    scopes: ['mcp'],
    resource: null,
    teams: [{ id: 't1', name: 'Platform', slug: 'platform', mcpUrl: 'https://satellite.example.com/mcp' }],
    ...overrides,
  };
}

/** A full sync that succeeded: 3 pages, 250 entries, 1 skipped, no warnings, two minutes long. */
export function aSyncRun(overrides: Partial<SyncRunDto> = {}): SyncRunDto {
  const n = next();
  return {
    id: `run-${n}`,
    status: 'succeeded',
    mode: 'full',
    trigger: 'manual',
    updatedSince: null,
    pages: 3,
    seen: 250,
    imported: 240,
    updated: 0,
    unchanged: 9,
    skipped: [{ name: 'io.github.example/broken', version: '0.1.0', reason: 'the server has neither a package nor a remote' }],
    skippedCount: 1,
    warnings: [],
    warningCount: 0,
    estimatedTotal: null,
    retries: 0,
    error: null,
    startedAt: '2026-03-01T12:00:00.000Z',
    finishedAt: '2026-03-01T12:02:00.000Z',
    createdAt: '2026-03-01T12:00:00.000Z',
    ...overrides,
  };
}

export function pageOf<T>(items: T[], nextCursor?: string): Page<T> {
  return nextCursor === undefined ? { items, total: items.length } : { items, total: items.length + 1, nextCursor };
}
