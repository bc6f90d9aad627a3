import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small MCP server of ours standing in for a satellite until the satellite's gateway exists: Streamable HTTP at
 * `/mcp`, protected as the MCP authorization spec says (RFC 9728 metadata, 401 with `resource_metadata`), checking
 * Orbit's JWTs against the backend's JWKS. Its one tool, `whoami`, answers the token's claims.
 */
export interface ProtectedMcpServer {
  url: string;
  resource: string;
  close(): Promise<void>;
}

export async function startProtectedMcpServer(options: { issuer: string; port: number }): Promise<ProtectedMcpServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const resource = `${base}/mcp`;
  const jwks = createRemoteJWKSet(new URL(`${options.issuer}/oauth/jwks`));
  const prm = {
    resource,
    authorization_servers: [options.issuer],
    scopes_supported: ['mcp'],
    bearer_methods_supported: ['header'],
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', base).pathname;
    if (path === '/.well-known/oauth-protected-resource' || path === '/.well-known/oauth-protected-resource/mcp') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(prm));
      return;
    }
    if (path !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    let claims: JWTPayload;
    try {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token) throw new Error('no token');
      ({ payload: claims } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: resource,
        typ: 'at+jwt',
        algorithms: ['ES256'],
      }));
    } catch {
      res
        .writeHead(401, {
          'www-authenticate': `Bearer error="invalid_token", resource_metadata="${base}/.well-known/oauth-protected-resource/mcp", scope="mcp"`,
          'content-type': 'application/json',
        })
        .end(JSON.stringify({ error: 'invalid_token' }));
      return;
    }
    const mcp = new McpServer({ name: 'orbit-oauth-fixture', version: '1.0.0' });
    mcp.registerTool('whoami', { description: "The access token's claims" }, () => ({
      content: [{ type: 'text', text: JSON.stringify(claims) }],
    }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => void transport.close().then(() => mcp.close()));
    await mcp.connect(transport);
    await transport.handleRequest(req, res);
  }

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    resource,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
