import { ConfigError, loadConfig, maskUrlPassword } from './env.schema.js';

const KEY = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on the embedded default with no settings at all', () => {
    const config = loadConfig({ ORBIT_DATA_DIR: '/tmp/orbit-x' });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: '/tmp/orbit-x/orbit.sqlite' });
    expect(config.encryption).toEqual({ file: '/tmp/orbit-x/encryption.key', generateIfMissing: true });
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.satellitePublicUrl).toBe('http://127.0.0.1:3001');
  });

  it('reads the OAuth settings: TTLs, private-use schemes (empty = none), and no loopback metadata in production', () => {
    const defaults = loadConfig({});
    expect(defaults.oauth).toEqual({
      accessTokenTtlSeconds: 600,
      refreshTokenTtlSeconds: 30 * 86_400,
      codeTtlSeconds: 60,
      keyReloadMs: 30_000,
      redirectSchemes: ['cursor', 'vscode', 'claude'],
      cimdAllowLoopback: false,
    });
    expect(loadConfig({ OAUTH_REDIRECT_SCHEMES: '' }).oauth.redirectSchemes).toEqual([]);
    expect(loadConfig({ OAUTH_REDIRECT_SCHEMES: 'Cursor, windsurf' }).oauth.redirectSchemes).toEqual(['cursor', 'windsurf']);
    expect(problemsOf({ OAUTH_REDIRECT_SCHEMES: 'https,javascript' })).toHaveLength(2);
    expect(problemsOf({ OAUTH_CIMD_ALLOW_LOOPBACK: 'true', NODE_ENV: 'production', ORBIT_ENCRYPTION_KEY: KEY })).toEqual([
      expect.stringMatching(/OAUTH_CIMD_ALLOW_LOOPBACK=true is for development and tests only/),
    ]);
    expect(problemsOf({ OAUTH_ACCESS_TOKEN_TTL: '86400' })).toEqual([
      expect.stringMatching(/OAUTH_ACCESS_TOKEN_TTL must be a whole number from 5 to 3600/),
    ]);
  });

  it('derives the public URLs from the ports when they are not set', () => {
    const config = loadConfig({ PORT: '4100', SATELLITE_PORT: '4101' });
    expect(config.publicUrl).toBe('http://127.0.0.1:4100');
    expect(config.satellitePublicUrl).toBe('http://127.0.0.1:4101');
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', REDIS_URL: 'http://x', ORBIT_PUBLIC_URL: 'http://a/' });
    expect(problems).toEqual([
      'PORT must be a port number between 1 and 65535 (got "abc")',
      'ORBIT_PUBLIC_URL must not end with a slash (got "http://a/")',
      'REDIS_URL must be a redis: or rediss: URL (got http://x)',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ]);
  });

  it.each(['0', '65536', '3.5', '-1', ' 80'])('rejects PORT=%j', (port) => {
    expect(problemsOf({ PORT: port })).toEqual([expect.stringContaining('PORT must be a port number')]);
  });

  it('refuses MySQL mode without an encryption key: there is no fallback key', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/orbit' })).toEqual([
      expect.stringContaining('ORBIT_ENCRYPTION_KEY (or ORBIT_ENCRYPTION_KEY_FILE) is required with DATABASE_URL'),
    ]);
  });

  it('takes MySQL settings with a key and masks the password for messages', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://orbit:p%40ss@db:3306/orbit', ORBIT_ENCRYPTION_KEY: KEY });
    expect(config.database).toEqual({
      type: 'mysql',
      flavour: 'mysql',
      url: 'mysql://orbit:p%40ss@db:3306/orbit',
      maskedUrl: 'mysql://orbit:*****@db:3306/orbit',
      migrationsRun: true,
    });
    expect(config.encryption).toEqual({ inline: KEY, generateIfMissing: false });
  });

  it('rejects a DATABASE_URL of another kind or without a database, never echoing the password', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://u:hunter2@h/db', ORBIT_ENCRYPTION_KEY: KEY });
    expect(problems).toEqual(['DATABASE_URL must be a mysql: or mariadb: URL (got postgres://u:*****@h/db)']);
    expect(problemsOf({ DATABASE_URL: 'mysql://u:hunter2@h:3306/', ORBIT_ENCRYPTION_KEY: KEY })).toEqual([
      'DATABASE_URL must name a database (got mysql://u:*****@h:3306/)',
    ]);
  });

  it.each([
    ['no key id', Buffer.alloc(32).toString('base64')],
    ['a short key', `k1:${Buffer.alloc(16).toString('base64')}`],
    ['a bad key id', `k 1:${Buffer.alloc(32).toString('base64')}`],
  ])('rejects an encryption key with %s without printing it', (_label, key) => {
    const problems = problemsOf({ ORBIT_ENCRYPTION_KEY: key });
    expect(problems).toEqual(['ORBIT_ENCRYPTION_KEY line 1 must be <key id>:<32 bytes in base64>']);
    expect(problems.join()).not.toContain(key);
  });

  it('accepts proxy addresses and ranges, and refuses host names or hop counts', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16, loopback, ::1' }).trustedProxies).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'loopback',
      '::1',
    ]);
    expect(problemsOf({ TRUSTED_PROXIES: 'proxy.internal,1' })).toHaveLength(2);
  });

  it('requires the admin email and password together', () => {
    expect(problemsOf({ ORBIT_ADMIN_EMAIL: 'a@example.com' })).toEqual([
      'ORBIT_ADMIN_EMAIL and ORBIT_ADMIN_PASSWORD go together',
    ]);
  });
});

describe('maskUrlPassword', () => {
  it('masks the password and keeps the rest', () => {
    expect(maskUrlPassword('mysql://root:s3cret@127.0.0.1:1/orbit')).toBe('mysql://root:*****@127.0.0.1:1/orbit');
    expect(maskUrlPassword('mysql://root@127.0.0.1/orbit')).toBe('mysql://root@127.0.0.1/orbit');
  });

  it('masks even a URL it cannot parse', () => {
    expect(maskUrlPassword('mysql://root:s3cret@bad host/orbit')).toBe('mysql://root:*****@bad host/orbit');
  });
});
