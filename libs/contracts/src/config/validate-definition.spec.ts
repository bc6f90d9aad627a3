import type { Transport } from '../catalog.js';
import { validateDefinition, validateTransport } from './validate-definition.js';

const stdio: Transport = {
  type: 'stdio',
  command: 'npx',
  package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem', version: '2026.8.31' },
};
const remote: Transport = { type: 'streamable-http', url: 'https://{tenant}.example.com/mcp' };

const filesystem = {
  template: { args: ['-y', '@modelcontextprotocol/server-filesystem'], env: { PROTOCOL_VERSION: '1.0' } },
  team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
  user: {
    args: [{ name: 'directories', type: 'filepath', required: true, repeated: true }],
    env: [{ name: 'DEBUG', type: 'boolean', default: 'false' }],
  },
};

describe('validateDefinition', () => {
  it("accepts the brief's filesystem entry", () => {
    expect(validateDefinition(filesystem, stdio)).toEqual([]);
    expect(validateTransport(stdio)).toEqual([]);
  });

  it('refuses a name defined in two tiers or redefining a template key', () => {
    const errors = validateDefinition(
      {
        template: { env: { MODE: 'x' } },
        team: { env: [{ name: 'A', type: 'string' }] },
        user: {
          env: [
            { name: 'A', type: 'string' },
            { name: 'MODE', type: 'string' },
          ],
        },
      },
      stdio,
    );
    expect(errors).toEqual([
      { field: 'config.user.env[0].name', message: 'env.A is already defined in the team tier' },
      { field: 'config.user.env[1].name', message: 'env.MODE is already defined in the template tier' },
    ]);
  });

  it('refuses variables nobody defines, including in the remote URL', () => {
    const errors = validateDefinition({ template: { headers: { Authorization: 'Bearer {token}' } }, team: {}, user: {} }, remote);
    expect(errors.map((e) => e.message)).toEqual([
      '{token} is used but no headers element defines it',
      '{tenant} is used but no url element defines it',
    ]);
  });

  it('accepts a remote definition with headers, query params and URL variables', () => {
    const def = {
      template: { headers: { Authorization: 'Bearer {token}' } },
      team: {
        headers: [{ name: 'token', type: 'secret', required: true }],
        url: [{ name: 'tenant', type: 'string', required: true }],
      },
      user: { queryParams: [{ name: 'project', type: 'string' }] },
    };
    expect(validateDefinition(def, remote)).toEqual([]);
  });

  it('refuses targets that do not fit the transport', () => {
    expect(validateDefinition({ template: {}, team: {}, user: { headers: [{ name: 'X', type: 'string' }] } }, stdio)).toEqual([
      { field: 'config.headers', message: 'headers does not apply to a stdio server' },
    ]);
    expect(validateDefinition({ template: { env: { A: 'b' }, url: { tenant: 'acme' } }, team: {}, user: {} }, remote)).toEqual([
      { field: 'config.env', message: 'env does not apply to a streamable-http server' },
    ]);
  });

  it('checks element shapes with field paths', () => {
    const errors = validateDefinition(
      {
        template: {},
        team: { env: [{ name: 'K', type: 'secret', visibleToUsers: true, lockedByDefault: true }] },
        user: {
          env: [
            { name: 'N', type: 'number', default: 'ten', min: 5, max: 1 },
            { name: 'bad name', type: 'text' },
          ],
        },
      },
      stdio,
    );
    expect(errors).toEqual([
      { field: 'config.team.env[0].lockedByDefault', message: 'lockedByDefault applies to user-tier elements' },
      { field: 'config.team.env[0].visibleToUsers', message: 'a secret is never shown to anyone' },
      { field: 'config.user.env[0].min', message: 'min must not exceed max' },
      { field: 'config.user.env[1].name', message: 'name must be 1-128 letters, digits, _ . - or :' },
      { field: 'config.user.env[1].type', message: 'type must be one of string, number, boolean, secret, filepath' },
    ]);
    expect(
      validateDefinition({ template: {}, team: {}, user: { env: [{ name: 'N', type: 'number', default: 'ten' }] } }, stdio),
    ).toEqual([{ field: 'config.user.env[0].default', message: 'default must be a number' }]);
  });
});

describe('validateTransport', () => {
  it.each([
    [{ type: 'ftp' }, 'transport.type'],
    [{ type: 'stdio', command: '' }, 'transport.command'],
    [{ type: 'stdio', command: 'npx', package: { registryType: 'apt', identifier: 'x' } }, 'transport.package.registryType'],
    [{ type: 'sse', url: 'ftp://x' }, 'transport.url'],
    [{ type: 'sse', url: 'https://x/mcp', command: 'x' }, 'transport.command'],
  ])('refuses %j at %s', (transport, field) => {
    expect(validateTransport(transport).map((e) => e.field)).toEqual([field]);
  });
});
