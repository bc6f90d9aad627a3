import { maskMergedConfig, mergeConfig } from './merge.js';
import type { ConfigDefinition, MergeInput } from './types.js';

/** The product brief's filesystem entry (DESIGN, "Request bodies"). */
const filesystem: ConfigDefinition = {
  template: { args: ['-y', '@modelcontextprotocol/server-filesystem'], env: { PROTOCOL_VERSION: '1.0' } },
  team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
  user: {
    args: [{ name: 'directories', type: 'filepath', required: true, repeated: true }],
    env: [{ name: 'DEBUG', type: 'boolean', default: 'false' }],
  },
};

function merge(definition: ConfigDefinition, team: MergeInput['team'], user?: MergeInput['user']) {
  return mergeConfig({ definition, team, ...(user && { user }) });
}

describe('mergeConfig', () => {
  it("produces the brief's test vector", () => {
    const merged = merge(
      filesystem,
      { values: { env: { SHARED_API_KEY: '<decrypted>' } } },
      { values: { args: { directories: ['/Users/alice/Development', '/Users/alice/Projects'] }, env: { DEBUG: 'true' } } },
    );
    expect({ command: 'npx', args: merged.args, env: merged.env }).toEqual({
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Development', '/Users/alice/Projects'],
      env: { PROTOCOL_VERSION: '1.0', SHARED_API_KEY: '<decrypted>', DEBUG: 'true' },
    });
    expect(Object.keys(merged.env)).toEqual(['PROTOCOL_VERSION', 'SHARED_API_KEY', 'DEBUG']);
    expect(merged.status).toBe('ready');
    expect(merged.secretKeys).toEqual(['env.SHARED_API_KEY']);
    expect(maskMergedConfig(merged).env['SHARED_API_KEY']).toBe('*****');
  });

  describe('locks', () => {
    const definition: ConfigDefinition = {
      template: {},
      team: { env: [{ name: 'API_TOKEN', type: 'secret', userOverridable: true }] },
      user: {
        env: [
          { name: 'REGION', type: 'string', lockedByDefault: true },
          { name: 'LOG_LEVEL', type: 'string' },
        ],
      },
    };
    const user = { values: { env: { API_TOKEN: 'mine', REGION: 'us', LOG_LEVEL: 'debug' } } };

    it('keeps a locked-by-default user element at the team value', () => {
      expect(merge(definition, { values: { env: { REGION: 'eu' } } }, user).env['REGION']).toBe('eu');
    });

    it('lets users set a user element the team unlocked', () => {
      expect(merge(definition, { values: { env: { REGION: 'eu' } }, locks: { 'env.REGION': false } }, user).env['REGION']).toBe(
        'us',
      );
    });

    it('treats a team value on an unlocked user element as a default users may override', () => {
      expect(merge(definition, { values: { env: { LOG_LEVEL: 'info' } } }, user).env['LOG_LEVEL']).toBe('debug');
      expect(merge(definition, { values: { env: { LOG_LEVEL: 'info' } } }, { values: {} }).env['LOG_LEVEL']).toBe('info');
    });

    it('applies a team value everywhere when the team locks a user element', () => {
      expect(
        merge(definition, { values: { env: { LOG_LEVEL: 'warn' } }, locks: { 'env.LOG_LEVEL': true } }, user).env['LOG_LEVEL'],
      ).toBe('warn');
    });

    it('lets a user replace a user-overridable team value unless the team locks it', () => {
      expect(merge(definition, { values: { env: { API_TOKEN: 'team' } } }, user).env['API_TOKEN']).toBe('mine');
      expect(
        merge(definition, { values: { env: { API_TOKEN: 'team' } }, locks: { 'env.API_TOKEN': true } }, user).env['API_TOKEN'],
      ).toBe('team');
    });

    it('never lets a user replace a plain team value', () => {
      const def: ConfigDefinition = { template: {}, team: { env: [{ name: 'KEY', type: 'secret' }] }, user: {} };
      expect(merge(def, { values: { env: { KEY: 'team' } } }, { values: { env: { KEY: 'mine' } } }).env['KEY']).toBe('team');
    });

    it('lets template values win over every tier', () => {
      const def: ConfigDefinition = {
        template: { env: { MODE: 'prod' } },
        team: {},
        user: { env: [{ name: 'MODE', type: 'string' }] },
      };
      expect(merge(def, { values: {} }, { values: { env: { MODE: 'dev' } } }).env['MODE']).toBe('prod');
    });
  });

  describe('args', () => {
    const definition: ConfigDefinition = {
      template: { args: ['serve'] },
      team: { args: [{ name: 'port', type: 'number', flag: '--port', default: '8080' }] },
      user: {
        args: [
          { name: 'paths', type: 'filepath', repeated: true },
          { name: 'verbose', type: 'boolean', flag: '--verbose' },
          { name: 'tag', type: 'string', flag: '--tag', repeated: true },
        ],
      },
    };

    it('orders template, team and user args, one token per value, named args as --flag=value', () => {
      const merged = merge(
        definition,
        { values: {} },
        { values: { args: { paths: ['/a', '/b'], verbose: 'true', tag: ['x', 'y'] } } },
      );
      expect(merged.args).toEqual(['serve', '--port=8080', '/a', '/b', '--verbose', '--tag=x', '--tag=y']);
    });

    it('gives nothing for a false boolean flag', () => {
      expect(merge(definition, { values: {} }, { values: { args: { verbose: 'false' } } }).args).toEqual([
        'serve',
        '--port=8080',
      ]);
    });

    it('refuses several values for an element that is not repeated', () => {
      const merged = merge(definition, { values: { args: { port: ['1', '2'] } } });
      expect(merged.invalid).toEqual([{ key: 'args.port', message: 'takes a single value' }]);
      expect(merged.args).toContain('--port=8080');
    });
  });

  describe('missing values and status', () => {
    it('is incomplete while a required team value is missing', () => {
      const merged = merge(filesystem, { values: {} }, { values: { args: { directories: ['/d'] } } });
      expect(merged.status).toBe('incomplete');
      expect(merged.missing).toEqual({ team: ['env.SHARED_API_KEY'], user: [] });
    });

    it('awaits user config while a required user value is missing', () => {
      const merged = merge(filesystem, { values: { env: { SHARED_API_KEY: 'k' } } }, { values: {} });
      expect(merged.status).toBe('awaiting_user_config');
      expect(merged.missing).toEqual({ team: [], user: ['args.directories'] });
    });

    it('puts incomplete before awaiting_user_config and lists both tiers', () => {
      const merged = merge(filesystem, { values: {} });
      expect(merged.status).toBe('incomplete');
      expect(merged.missing).toEqual({ team: ['env.SHARED_API_KEY'], user: ['args.directories'] });
    });

    it('makes a locked required user element the team admin job', () => {
      const def: ConfigDefinition = {
        template: {},
        team: {},
        user: { env: [{ name: 'REGION', type: 'string', required: true, lockedByDefault: true }] },
      };
      expect(merge(def, { values: {} }).missing).toEqual({ team: ['env.REGION'], user: [] });
    });

    it('fills defaults nobody set', () => {
      expect(
        merge(filesystem, { values: { env: { SHARED_API_KEY: 'k' } } }, { values: { args: { directories: ['/d'] } } }).env[
          'DEBUG'
        ],
      ).toBe('false');
    });
  });

  describe('type validation', () => {
    const definition: ConfigDefinition = {
      template: {},
      team: {},
      user: {
        env: [
          { name: 'PORT', type: 'number', min: 1, max: 65535 },
          { name: 'DEBUG', type: 'boolean' },
          { name: 'MODE', type: 'string', choices: ['fast', 'safe'] },
          { name: 'ID', type: 'string', pattern: '[a-z]+' },
          { name: 'ROOT', type: 'filepath' },
        ],
      },
    };

    it.each([
      ['PORT', 'abc', 'must be a number'],
      ['PORT', '70000', 'must be at most 65535'],
      ['PORT', '0', 'must be at least 1'],
      ['DEBUG', 'yes', 'must be "true" or "false"'],
      ['MODE', 'slow', 'must be one of fast, safe'],
      ['ID', 'ABC', 'must match [a-z]+'],
      ['ROOT', '../etc', 'must be an absolute path without ".."'],
      ['ROOT', '/srv/../etc', 'must be an absolute path without ".."'],
    ])('refuses %s=%j: %s', (name, value, message) => {
      const merged = merge(definition, { values: {} }, { values: { env: { [name]: value } } });
      expect(merged.invalid).toEqual([{ key: `env.${name}`, message }]);
      expect(merged.env[name]).toBeUndefined();
    });

    it('accepts well-formed values', () => {
      const merged = merge(
        definition,
        { values: {} },
        { values: { env: { PORT: '8080', DEBUG: 'true', MODE: 'safe', ID: 'abc', ROOT: '/srv/data' } } },
      );
      expect(merged.invalid).toEqual([]);
      expect(merged.env).toEqual({ PORT: '8080', DEBUG: 'true', MODE: 'safe', ID: 'abc', ROOT: '/srv/data' });
    });
  });

  describe('remote servers: headers, query params and URL variables', () => {
    const definition: ConfigDefinition = {
      template: { headers: { Authorization: 'Bearer {token}', 'X-Client': 'orbit' }, url: { region: 'eu' } },
      team: {
        headers: [{ name: 'token', type: 'secret', required: true }],
        url: [{ name: 'tenant', type: 'string', required: true }],
      },
      user: {
        headers: [
          { name: 'X-Client', type: 'string' },
          { name: 'X-Trace', type: 'boolean', default: 'false' },
        ],
        queryParams: [{ name: 'project', type: 'string', required: true }],
      },
    };

    it('renders value templates from variables, keeps template keys, and fills user values', () => {
      const merged = merge(
        definition,
        { values: { headers: { token: 's3cr3t' }, url: { tenant: 'acme' } } },
        { values: { headers: { 'X-Client': 'mine', 'X-Trace': 'true' }, queryParams: { project: 'p1' } } },
      );
      expect(merged.headers).toEqual({ Authorization: 'Bearer s3cr3t', 'X-Client': 'orbit', 'X-Trace': 'true' });
      expect(merged.queryParams).toEqual({ project: 'p1' });
      expect(merged.url).toEqual({ region: 'eu', tenant: 'acme' });
      expect(merged.secretKeys).toEqual(['headers.Authorization']);
      expect(maskMergedConfig(merged).headers['Authorization']).toBe('*****');
      expect(merged.status).toBe('ready');
    });

    it('reports the missing variable and query parameter by key', () => {
      const merged = merge(definition, { values: { url: { tenant: 'acme' } } }, { values: {} });
      expect(merged.missing).toEqual({ team: ['headers.token'], user: ['queryParams.project'] });
    });

    it('reports a template variable that no element defines', () => {
      const def: ConfigDefinition = { template: { headers: { Authorization: 'Bearer {missing}' } }, team: {}, user: {} };
      expect(merge(def, { values: {} }).invalid).toEqual([
        { key: 'headers.missing', message: 'is used in a template but not defined' },
      ]);
    });
  });
});
