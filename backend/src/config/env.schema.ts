import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one place that reads process.env. Every setting is parsed and validated here; boot fails with
 * the full list of problems rather than the first one.
 */
export type DatabaseConfig =
  | { type: 'mysql'; flavour: 'mysql' | 'mariadb'; url: string; maskedUrl: string; migrationsRun: boolean }
  | { type: 'sqlite'; path: string };

export interface EncryptionKeySource {
  /** `<kid>:<base64 key>` lines, newest first. */
  inline?: string;
  file?: string;
  /** The embedded default writes a fresh key file into the data folder on first start. */
  generateIfMissing: boolean;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  satellitePublicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  redis: { url: string; prefix: string };
  encryption: EncryptionKeySource;
  admin: { email?: string; password?: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  teamCreation: 'everyone' | 'admins';
  sessions: { accessTtlSeconds: number; refreshTtlSeconds: number };
  loginThrottle: { windowSeconds: number; maxFailuresPerAccount: number; maxFailuresPerAddress: number };
  /** Express `trust proxy` value: false, or the proxies whose X-Forwarded-For counts. */
  trustedProxies: string[];
  sso: SsoConfig | null;
  bodyLimit: string;
  consoleDir: string;
  oauth: OAuthConfig;
  registry: RegistryConfig;
}

export interface RegistryConfig {
  /** Base URL of the MCP Registry API (`/v0.1/servers` is read from it). */
  url: string;
  /** Cron pattern of the scheduled sync, or null when `REGISTRY_SYNC_CRON=off`. */
  cron: string | null;
  pageLimit: number;
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
  /** How long a running sync's job lock lasts: after a crash, another backend resumes the run once it lapsed. */
  lockMs: number;
}

export interface OAuthConfig {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  codeTtlSeconds: number;
  /** Private-use redirect URI schemes accepted for native clients (`cursor`, `vscode`, `claude` by default). */
  redirectSchemes: string[];
  /** Fetch client ID metadata documents from loopback addresses too (development and tests; refused in production). */
  cimdAllowLoopback: boolean;
  /** Extra CA certificates (PEM file) trusted when fetching client ID metadata documents. */
  cimdCaFile?: string;
  /** How often a backend looks for rotated signing keys; a new key signs this long plus a minute after rotation. */
  keyReloadMs: number;
}

export interface SsoConfig {
  /** OIDC discovery, or the three endpoints below. */
  issuer?: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  userinfoUrl?: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  allowedDomains: string[];
  label: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** Replaces the password of a connection URL so it can be logged. */
export function maskUrlPassword(raw: string): string {
  try {
    const url = new URL(raw);
    if (!url.password) return raw;
    url.password = '*****';
    return url.toString();
  } catch {
    return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:*****@');
  }
}

const backendRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  /** Whether the variable is present at all, even empty. */
  isSet(name: string): boolean {
    return this.env[name] !== undefined;
  }

  optional(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  port(name: string, fallback: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > 65535) {
      this.problems.push(`${name} must be a port number between 1 and 65535 (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return value;
  }

  list(name: string): string[] {
    return (this.optional(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return raw as T;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') {
      this.problems.push(`${name} must be true or false (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return raw === 'true';
  }

  url(name: string, fallback: string, protocols: readonly string[], { trailingSlash = true } = {}): string {
    const raw = this.string(name, fallback);
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL (got ${maskUrlPassword(raw)})`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL (got ${JSON.stringify(maskUrlPassword(raw))})`);
    }
    if (!trailingSlash && raw.endsWith('/')) {
      this.problems.push(`${name} must not end with a slash (got ${JSON.stringify(raw)})`);
    }
    return raw;
  }
}

const KEY_LINE = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/]{43}=)$/;

/** Checks the `<kid>:<base64 of 32 bytes>` lines of a key source; returns problems, never the key. */
export function keyLineProblems(source: string, origin: string): string[] {
  // Numbered as in the file, comments and blank lines included, so the message points at the right line.
  const lines = source
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), number: i + 1 }))
    .filter(({ text }) => text !== '' && !text.startsWith('#'));
  if (lines.length === 0) return [`${origin} holds no key`];
  return lines.flatMap(({ text, number }) =>
    KEY_LINE.test(text) ? [] : [`${origin} line ${number} must be <key id>:<32 bytes in base64>`],
  );
}

function readSso(r: Reader): SsoConfig | null {
  const clientId = r.optional('SSO_CLIENT_ID');
  const issuer = r.optional('SSO_ISSUER');
  const endpoints = ['SSO_AUTHORIZATION_URL', 'SSO_TOKEN_URL', 'SSO_USERINFO_URL'].map((n) => r.optional(n));
  const anyEndpoint = endpoints.some((e) => e !== undefined);
  if (clientId === undefined && issuer === undefined && !anyEndpoint) return null;
  const clientSecret = r.optional('SSO_CLIENT_SECRET');
  if (clientId === undefined) r.problems.push('SSO_CLIENT_ID is required to enable SSO');
  if (clientSecret === undefined) r.problems.push('SSO_CLIENT_SECRET is required to enable SSO');
  if (issuer === undefined && endpoints.some((e) => e === undefined)) {
    r.problems.push('SSO needs SSO_ISSUER (OIDC discovery) or all of SSO_AUTHORIZATION_URL, SSO_TOKEN_URL and SSO_USERINFO_URL');
  }
  const [authorizationUrl, tokenUrl, userinfoUrl] = ['SSO_AUTHORIZATION_URL', 'SSO_TOKEN_URL', 'SSO_USERINFO_URL'].map((n) =>
    r.optional(n) === undefined ? undefined : r.url(n, '', ['http:', 'https:']),
  );
  const allowedDomains = r.list('SSO_ALLOWED_DOMAINS').map((d) => d.toLowerCase().replace(/^@/, ''));
  return {
    ...(issuer !== undefined && { issuer: r.url('SSO_ISSUER', issuer, ['http:', 'https:']).replace(/\/$/, '') }),
    ...(authorizationUrl && { authorizationUrl }),
    ...(tokenUrl && { tokenUrl }),
    ...(userinfoUrl && { userinfoUrl }),
    clientId: clientId ?? '',
    clientSecret: clientSecret ?? '',
    scopes: r.string('SSO_SCOPES', 'openid email profile'),
    allowedDomains,
    label: r.string('SSO_LABEL', 'SSO'),
  };
}

function readRegistry(r: Reader): RegistryConfig {
  const cron = r.string('REGISTRY_SYNC_CRON', '0 * * * *').trim();
  if (cron !== 'off' && !/^(\S+\s+){4,5}\S+$/.test(cron)) {
    r.problems.push(`REGISTRY_SYNC_CRON must be a cron pattern such as "0 * * * *", or off (got ${JSON.stringify(cron)})`);
  }
  return {
    url: r.url('REGISTRY_URL', 'https://registry.modelcontextprotocol.io', ['http:', 'https:'], { trailingSlash: false }),
    cron: cron === 'off' ? null : cron,
    pageLimit: r.int('REGISTRY_SYNC_PAGE_LIMIT', 100, 1, 100),
    timeoutMs: r.int('REGISTRY_SYNC_TIMEOUT_MS', 30_000, 100, 300_000),
    attempts: r.int('REGISTRY_SYNC_ATTEMPTS', 6, 1, 20),
    backoffMs: r.int('REGISTRY_SYNC_BACKOFF_MS', 1_000, 1, 60_000),
    lockMs: r.int('REGISTRY_SYNC_LOCK_MS', 30_000, 1_000, 600_000),
  };
}

function readOAuth(r: Reader, nodeEnv: AppConfig['nodeEnv']): OAuthConfig {
  const cimdAllowLoopback = r.boolean('OAUTH_CIMD_ALLOW_LOOPBACK', false);
  if (cimdAllowLoopback && nodeEnv === 'production') {
    r.problems.push('OAUTH_CIMD_ALLOW_LOOPBACK=true is for development and tests only: it is refused with NODE_ENV=production');
  }
  const redirectSchemes = // Unset: the clients we document; set to an empty value: no private-use scheme at all.
    (r.isSet('OAUTH_REDIRECT_SCHEMES') ? r.list('OAUTH_REDIRECT_SCHEMES') : ['cursor', 'vscode', 'claude']).map((scheme) =>
      scheme.toLowerCase(),
    );
  for (const scheme of redirectSchemes) {
    if (!/^[a-z][a-z0-9+.-]*$/.test(scheme) || ['http', 'https', 'javascript', 'data', 'file', 'vbscript'].includes(scheme)) {
      r.problems.push(
        `OAUTH_REDIRECT_SCHEMES must list private-use URI schemes such as cursor or vscode (got ${JSON.stringify(scheme)})`,
      );
    }
  }
  const cimdCaFile = r.optional('OAUTH_CIMD_CA_FILE');
  return {
    accessTokenTtlSeconds: r.int('OAUTH_ACCESS_TOKEN_TTL', 600, 5, 3_600),
    refreshTokenTtlSeconds: r.int('OAUTH_REFRESH_TOKEN_TTL', 30 * 86_400, 60, 365 * 86_400),
    codeTtlSeconds: r.int('OAUTH_CODE_TTL', 60, 1, 600),
    keyReloadMs: r.int('OAUTH_KEY_RELOAD_MS', 30_000, 100, 600_000),
    redirectSchemes,
    cimdAllowLoopback,
    ...(cimdCaFile !== undefined && { cimdCaFile: resolve(cimdCaFile) }),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf('NODE_ENV', NODE_ENVS, 'development');
  const dataDir = resolve(r.string('ORBIT_DATA_DIR', './data'));

  const databaseUrl = r.optional('DATABASE_URL');
  let database: DatabaseConfig = { type: 'sqlite', path: resolve(dataDir, 'orbit.sqlite') };
  if (databaseUrl !== undefined) {
    const url = r.url('DATABASE_URL', databaseUrl, ['mysql:', 'mariadb:']);
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (parsed && parsed.pathname.replace(/^\//, '') === '') {
      r.problems.push(`DATABASE_URL must name a database (got ${maskUrlPassword(url)})`);
    }
    database = {
      type: 'mysql',
      // MariaDB and MySQL speak the same protocol; TypeORM's MariaDB flavour reads MariaDB's catalog correctly.
      flavour: parsed?.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
      url: parsed?.protocol === 'mariadb:' ? url.replace(/^mariadb:/, 'mysql:') : url,
      maskedUrl: maskUrlPassword(url),
      migrationsRun: r.boolean('DB_MIGRATIONS_RUN', true),
    };
  }

  const inlineKey = r.optional('ORBIT_ENCRYPTION_KEY');
  const keyFile = r.optional('ORBIT_ENCRYPTION_KEY_FILE');
  if (inlineKey !== undefined) r.problems.push(...keyLineProblems(inlineKey, 'ORBIT_ENCRYPTION_KEY'));
  if (inlineKey !== undefined && keyFile !== undefined) {
    r.problems.push('set either ORBIT_ENCRYPTION_KEY or ORBIT_ENCRYPTION_KEY_FILE, not both');
  }
  let encryption: EncryptionKeySource;
  if (inlineKey !== undefined) encryption = { inline: inlineKey, generateIfMissing: false };
  else if (keyFile !== undefined) encryption = { file: resolve(keyFile), generateIfMissing: false };
  else if (database.type === 'sqlite') {
    encryption = { file: resolve(dataDir, 'encryption.key'), generateIfMissing: true };
  } else {
    r.problems.push(
      'ORBIT_ENCRYPTION_KEY (or ORBIT_ENCRYPTION_KEY_FILE) is required with DATABASE_URL: there is no fallback key. ' +
        'Generate one with: echo "k1:$(openssl rand -base64 32)"',
    );
    encryption = { generateIfMissing: false };
  }

  const adminEmail = r.optional('ORBIT_ADMIN_EMAIL');
  const adminPassword = r.optional('ORBIT_ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    r.problems.push('ORBIT_ADMIN_EMAIL and ORBIT_ADMIN_PASSWORD go together');
  }

  const port = r.port('PORT', 3000);
  const consoleDir = r.string('ORBIT_CONSOLE_DIR', resolve(backendRoot, '..', 'admin-ui', 'dist', 'admin-ui', 'browser'));
  const config: AppConfig = {
    nodeEnv,
    host: r.string('HOST', '127.0.0.1'),
    port,
    publicUrl: r.url('ORBIT_PUBLIC_URL', `http://127.0.0.1:${port}`, ['http:', 'https:'], { trailingSlash: false }),
    satellitePublicUrl: r.url('SATELLITE_PUBLIC_URL', `http://127.0.0.1:${r.port('SATELLITE_PORT', 3001)}`, ['http:', 'https:'], {
      trailingSlash: false,
    }),
    dataDir,
    database,
    redis: {
      url: r.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
      prefix: r.string('ORBIT_REDIS_PREFIX', 'orbit'),
    },
    encryption,
    admin: { ...(adminEmail && { email: adminEmail }), ...(adminPassword && { password: adminPassword }) },
    logLevel: r.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
    bodyLimit: r.string('BODY_LIMIT', '512kb'),
    teamCreation: r.oneOf('TEAM_CREATION', ['everyone', 'admins'] as const, 'everyone'),
    sessions: {
      accessTtlSeconds: r.int('SESSION_ACCESS_TTL', 900, 5, 86_400),
      refreshTtlSeconds: r.int('SESSION_REFRESH_TTL', 14 * 86_400, 60, 365 * 86_400),
    },
    loginThrottle: {
      windowSeconds: r.int('LOGIN_THROTTLE_WINDOW', 900, 1, 86_400),
      maxFailuresPerAccount: r.int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1_000),
      maxFailuresPerAddress: r.int('LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100_000),
    },
    trustedProxies: r.list('TRUSTED_PROXIES'),
    sso: readSso(r),
    consoleDir: isAbsolute(consoleDir) ? consoleDir : resolve(consoleDir),
    oauth: readOAuth(r, nodeEnv),
    registry: readRegistry(r),
  };
  for (const proxy of config.trustedProxies) {
    const [address, bits, ...rest] = proxy.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(proxy);
    const version = isIP(address ?? '');
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!named && (version === 0 || !validBits || rest.length > 0)) {
      r.problems.push(
        `TRUSTED_PROXIES entries must be IP addresses, CIDR ranges or loopback/linklocal/uniquelocal (got ${JSON.stringify(proxy)})`,
      );
    }
  }
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(config.redis.prefix)) {
    r.problems.push('ORBIT_REDIS_PREFIX must be 1-32 letters, digits, dashes or underscores');
  }
  if (!/^\d+(b|kb|mb)$/i.test(config.bodyLimit)) {
    r.problems.push(`BODY_LIMIT must look like 512kb or 1mb (got ${JSON.stringify(config.bodyLimit)})`);
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
