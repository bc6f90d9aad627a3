import type { CreateCatalogServerRequest } from '@orbit/contracts';

/** The product brief's filesystem entry, exactly as DESIGN's "Request bodies" shows it. */
export function filesystemEntry(overrides: Partial<CreateCatalogServerRequest> = {}): CreateCatalogServerRequest {
  return {
    name: 'io.github.modelcontextprotocol/server-filesystem',
    title: 'Filesystem',
    description: 'File operations',
    version: '2026.8.31',
    transport: {
      type: 'stdio',
      command: 'npx',
      package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem', version: '2026.8.31' },
    },
    config: {
      template: { args: ['-y', '@modelcontextprotocol/server-filesystem'], env: { PROTOCOL_VERSION: '1.0' } },
      team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
      user: {
        args: [{ name: 'directories', type: 'filepath', required: true, repeated: true }],
        env: [{ name: 'DEBUG', type: 'boolean', default: 'false' }],
      },
    },
    ...overrides,
  };
}

/** A remote server with a templated Authorization header and a URL variable. */
export function remoteEntry(overrides: Partial<CreateCatalogServerRequest> = {}): CreateCatalogServerRequest {
  return {
    name: 'com.example/remote-tracker',
    title: 'Tracker',
    description: 'Issue tracker over Streamable HTTP',
    version: '1.0.0',
    transport: { type: 'streamable-http', url: 'https://{tenant}.tracker.example/mcp' },
    config: {
      template: { headers: { Authorization: 'Bearer {token}' } },
      team: {
        headers: [{ name: 'token', type: 'secret', required: true }],
        url: [{ name: 'tenant', type: 'string', required: true }],
      },
      user: { queryParams: [{ name: 'project', type: 'string' }] },
    },
    tags: ['issues', 'remote'],
    ...overrides,
  };
}
