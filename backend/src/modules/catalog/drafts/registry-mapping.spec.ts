import { readFileSync } from 'node:fs';
import { validateDefinition } from '@orbit/contracts';
import { registryFixture } from '../../../test/support/fixtures.js';
import { mapServerJson } from './registry-mapping.js';

type Item = { server: Parameters<typeof mapServerJson>[0] & { name: string } };
const dump = JSON.parse(readFileSync(registryFixture('registry-v0-dump-2025-12-02.json'), 'utf8')) as {
  servers: Item[];
};
const byName = (name: string) => dump.servers.find((s) => s.server.name === name)!.server;

describe('registry mapping on real entries', () => {
  it('maps named package arguments and env vars of a pypi server, secret arguments as team secrets', () => {
    const mapped = mapServerJson(byName('io.github.Couchbase-Ecosystem/mcp-server-couchbase'));
    expect(mapped.runnable).toBe(false);
    expect(mapped.transport).toMatchObject({
      type: 'stdio',
      package: { registryType: 'pypi', identifier: 'couchbase-mcp-server' },
    });
    const userArgs = mapped.config.user.args ?? [];
    expect(userArgs.find((a) => a.name === 'password')).toMatchObject({ type: 'secret', flag: '--password' });
    expect(userArgs.find((a) => a.name === 'port')).toMatchObject({ type: 'number', flag: '--port' });
    expect(mapped.config.template.args?.[0]).toBe('couchbase-mcp-server');
  });

  it('keeps every mapped entry of the dump valid, or explains why', () => {
    let mapped = 0;
    const invalid: string[] = [];
    for (const { server } of dump.servers) {
      let result;
      try {
        result = mapServerJson(server);
      } catch {
        continue; // no package and no remote: the sync skips it with a reason
      }
      mapped++;
      const problems = validateDefinition(result.config, result.transport);
      if (problems.length > 0) invalid.push(`${server.name}: ${problems[0]!.field} ${problems[0]!.message}`);
    }
    expect(mapped).toBeGreaterThan(2000);
    // Dirty registry data (duplicated names, undefined variables) is reported per entry, not a crash.
    expect(invalid.length / mapped).toBeLessThan(0.01);
  });

  it('puts fixed runtime arguments before the package and says where configurable ones end up (Supabase)', () => {
    const mapped = mapServerJson(byName('com.supabase/mcp'));
    const runtime = mapped.warnings.filter((w) => w.field.startsWith('packages[0].runtimeArguments'));
    expect(runtime.map((w) => w.field)).toEqual(
      expect.arrayContaining(['packages[0].runtimeArguments[0]', 'packages[0].runtimeArguments[1]']),
    );
    expect(runtime[0]!.reason).toMatch(/after the package identifier/);
    expect(mapped.config.user.args?.map((a) => a.flag)).toEqual(expect.arrayContaining(['--project-ref', '--read-only']));

    const fixed = mapServerJson({
      packages: [
        {
          registryType: 'npm',
          identifier: '@acme/mcp',
          version: '1.0.0',
          runtimeArguments: [{ type: 'named', name: '--prefer-offline', value: 'true' }],
          packageArguments: [{ type: 'positional', value: 'serve' }],
        },
      ],
    });
    expect(fixed.config.template.args).toEqual(['--prefer-offline=true', '-y', '@acme/mcp', 'serve']);
    expect(fixed.warnings).toEqual([]);
  });

  it('maps a required secret env var to the team tier and an optional one to the user tier', () => {
    const mapped = mapServerJson({
      packages: [
        {
          registryType: 'npm',
          identifier: '@acme/mcp',
          version: '1.2.3',
          environmentVariables: [
            { name: 'ACME_TOKEN', isRequired: true, isSecret: true },
            { name: 'ACME_REGION', default: 'eu', format: 'string' },
            { name: 'ACME_RETRIES', format: 'integer' },
            { name: 'ACME_MODE', value: 'strict' },
          ],
          packageArguments: [
            { type: 'positional', valueHint: 'directory', isRepeated: true, isRequired: true, format: 'filepath' },
          ],
        },
      ],
    });
    expect(mapped.transport).toEqual({
      type: 'stdio',
      command: 'npx',
      package: { registryType: 'npm', identifier: '@acme/mcp', version: '1.2.3' },
    });
    expect(mapped.config.template).toEqual({ args: ['-y', '@acme/mcp'], env: { ACME_MODE: 'strict' } });
    expect(mapped.config.team.env).toEqual([{ name: 'ACME_TOKEN', type: 'secret', required: true }]);
    expect(mapped.config.user.env).toEqual([
      { name: 'ACME_REGION', type: 'string', default: 'eu' },
      { name: 'ACME_RETRIES', type: 'number' },
    ]);
    expect(mapped.config.team.args).toEqual([
      { name: 'directory', type: 'filepath', required: true, repeated: true, placeholder: 'directory' },
    ]);
    expect(mapped.warnings).toEqual([
      { field: 'packages[0].environmentVariables[2]', reason: 'format "integer" read as number' },
    ]);
  });

  it('maps a remote with a templated header and URL variables', () => {
    const mapped = mapServerJson({
      remotes: [
        {
          type: 'streamable-http',
          url: 'https://{tenant}.example.com/mcp',
          headers: [
            {
              name: 'Authorization',
              value: 'Bearer {api_key}',
              isRequired: true,
              variables: { api_key: { isRequired: true, isSecret: true } },
            },
          ],
          variables: { tenant: { isRequired: true } },
        },
      ],
    });
    expect(mapped.config.template.headers).toEqual({ Authorization: 'Bearer {api_key}' });
    expect(mapped.config.team.headers).toEqual([{ name: 'api_key', type: 'secret', required: true }]);
    expect(mapped.config.team.url).toEqual([{ name: 'tenant', type: 'string', required: true }]);
    expect(validateDefinition(mapped.config, mapped.transport)).toEqual([]);
  });
});
