import type { RevocationFeed } from '@orbit/contracts';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { authorizeInBrowser } from './oauth-browser.js';
import { freePort } from './processes.js';
import { startProtectedMcpServer, type ProtectedMcpServer } from './protected-mcp.js';
import { insertSatellite } from './satellites.js';
import { ADMIN, addMemberVia, createTeamVia, createUserVia, startTestApp, type TestApp } from './test-app.js';

/** A PKCE code verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Dynamic client registration (RFC 7591) with exactly the given metadata. */
export function registerClient(base: string, metadata: Record<string, unknown>): Promise<Response> {
  return fetch(`${base}/oauth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(metadata),
  });
}

/** An authorization request URL, for the code flow and the mcp scope unless told otherwise; undefined leaves a parameter out. */
export function authorizeUrl(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(`${base}/oauth/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', scope: 'mcp', ...params })) {
    if (v !== undefined) url.searchParams.set(k, v);
  }
  return url.toString();
}

/** A token request from a public client (no client authentication). */
export function tokenRequest(base: string, params: Record<string, string>): Promise<Response> {
  return fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
}

/**
 * Starts a stack before the tests of the enclosing describe block and closes it after them. The object is returned at
 * once, for the describe block to hold; its fields are there from beforeAll on.
 */
export function stackForSuite<S extends { close(): Promise<void> }>(start: () => Promise<S>): S {
  const stack = {} as S;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await start();
    close = started.close;
    Object.assign(stack, started);
  });
  afterAll(async () => {
    await close?.();
  });
  return stack;
}

/** The backend on a free port, told that its satellite is at another free port, with `env` on top. */
async function startBackend(
  env: Record<string, string>,
): Promise<{ t: TestApp; base: string; satellitePort: number; satelliteBase: string }> {
  const [port, satellitePort] = [await freePort(), await freePort()];
  const satelliteBase = `http://127.0.0.1:${satellitePort}`;
  const t = await startTestApp({ PORT: String(port), SATELLITE_PUBLIC_URL: satelliteBase, ...env });
  return { t, base: `http://127.0.0.1:${port}`, satellitePort, satelliteBase };
}

/** The redirect URI the protocol tests register their public clients with. */
export const REDIRECT = 'http://127.0.0.1:47000/callback';

/** Client ID metadata documents the tests publish, by path, with the status to answer them with (200 by default). */
export type MetadataDocuments = Map<string, { status?: number; body: unknown }>;

/**
 * The backend for the protocol tests (codes expire after 3 s), with a global admin in a team and a global satellite
 * whose revocation feed the tests read. Client ID metadata documents are served by a local https server with a
 * throwaway certificate the backend is told to trust.
 */
export interface ProtocolStack extends TestApp {
  base: string;
  /** The satellite's MCP URL: the audience of the tokens. */
  resource: string;
  admin: string;
  adminId: string;
  teamId: string;
  cimd: { base: string; documents: MetadataDocuments };
  register(metadata: Record<string, unknown>): Promise<Response>;
  /** Registers a public client and returns its id. */
  publicClient(redirectUris?: string[]): Promise<string>;
  /** An authorization request URL with state `st` unless told otherwise. */
  authorizeUrl(params: Record<string, string | undefined>): string;
  /** An authorization request URL with an S256 code challenge, a fresh one unless given. */
  codeRequest(clientId: string, redirectUri?: string, challenge?: string): string;
  token(params: Record<string, string>): Promise<Response>;
  /** The authorization code grant: exchanges a code for tokens. */
  exchange(clientId: string, code: string, verifier: string, redirectUri?: string): Promise<Response>;
  /** Authorization code for a fresh public client, through consent. */
  codeFor(clientId: string, challenge: string, redirectUri?: string): Promise<string>;
  /** Where the provider sends the browser for an authorization request, without following further. */
  authorizeOutcome(url: string): Promise<{ status: number; location: URL | null; body: string }>;
  /** RFC 7009 revocation of a token by a public client. */
  revoke(token: string, clientId: string): Promise<Response>;
  revocations(): Promise<RevocationFeed['entries']>;
}

export async function startProtocolStack(): Promise<ProtocolStack> {
  const cimd = await startMetadataDocumentServer();
  let app: TestApp | undefined;
  const close = async () => {
    cimd.close();
    await app?.close();
  };
  try {
    const { t, base, satelliteBase } = await startBackend({
      OAUTH_CODE_TTL: '3',
      OAUTH_CIMD_ALLOW_LOOPBACK: 'true',
      OAUTH_CIMD_CA_FILE: cimd.caFile,
    });
    app = t;
    const admin = await t.login(ADMIN.email, ADMIN.password);
    const me = await request(t.http).get('/api/me').set('Authorization', `Bearer ${admin}`).expect(200);
    const teamId = (me.body.teams as { teamId: string }[])[0]!.teamId;
    const { credential: satelliteCredential } = await insertSatellite(t.app, { kind: 'global', publicUrl: satelliteBase });

    const register = (metadata: Record<string, unknown>) => registerClient(base, metadata);
    const stackAuthorizeUrl = (params: Record<string, string | undefined>) => authorizeUrl(base, { state: 'st', ...params });
    const token = (params: Record<string, string>) => tokenRequest(base, params);
    const codeRequest = (clientId: string, redirectUri = REDIRECT, challenge = pkcePair().challenge) =>
      stackAuthorizeUrl({
        client_id: clientId,
        redirect_uri: redirectUri,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
    return {
      ...t,
      base,
      resource: `${satelliteBase}/mcp`,
      admin,
      adminId: me.body.id as string,
      teamId,
      cimd: { base: cimd.base, documents: cimd.documents },
      register,
      publicClient: async (redirectUris = [REDIRECT]) => {
        const res = await register({
          client_name: 'negative tests',
          redirect_uris: redirectUris,
          token_endpoint_auth_method: 'none',
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { client_id: string }).client_id;
      },
      authorizeUrl: stackAuthorizeUrl,
      codeRequest,
      token,
      exchange: (clientId, code, verifier, redirectUri = REDIRECT) =>
        token({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
      codeFor: async (clientId, challenge, redirectUri = REDIRECT) => {
        const { redirect } = await authorizeInBrowser(base, codeRequest(clientId, redirectUri, challenge), {
          accessToken: admin,
          teamId,
        });
        const code = redirect.searchParams.get('code');
        if (!code) throw new Error(`no code: ${redirect.toString()}`);
        return code;
      },
      authorizeOutcome: async (url) => {
        const res = await fetch(url, { redirect: 'manual' });
        const location = res.headers.get('location');
        return { status: res.status, location: location ? new URL(location, base) : null, body: await res.text() };
      },
      revoke: (token, clientId) =>
        fetch(`${base}/oauth/revoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, client_id: clientId }).toString(),
        }),
      revocations: async () => {
        const res = await request(t.http)
          .get('/api/satellite/revocations')
          .set('Authorization', `Bearer ${satelliteCredential}`)
          .expect(200);
        return (res.body as RevocationFeed).entries;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** An https server for client ID metadata documents, with a throwaway self-signed certificate for 127.0.0.1. */
async function startMetadataDocumentServer(): Promise<{
  base: string;
  documents: MetadataDocuments;
  caFile: string;
  close(): void;
}> {
  const certDir = mkdtempSync(join(tmpdir(), 'orbit-cimd-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const documents: MetadataDocuments = new Map();
  const server = createServer(
    { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) },
    (req, res) => {
      const doc = documents.get(req.url ?? '');
      if (!doc) return void res.writeHead(404).end();
      res
        .writeHead(doc.status ?? 200, { 'content-type': 'application/json', 'cache-control': 'max-age=60' })
        .end(JSON.stringify(doc.body));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    documents,
    caFile: join(certDir, 'cert.pem'),
    close: () => server.close(),
  };
}

const ALICE = { email: 'alice@corp.example', password: 'Correct-Horse-42!' };

/**
 * The backend for the authorization server tests against real clients, with a protected MCP server of ours standing
 * in for the satellite. Access tokens live 600 s, codes 2 s, and a rotated signing key is picked up within 200 ms.
 * Alice is a team user of the team Platform; a global satellite serves it.
 */
export interface AuthorizationServerStack extends TestApp {
  base: string;
  mcp: ProtectedMcpServer;
  admin: string;
  alice: string;
  aliceId: string;
  teamId: string;
  satelliteId: string;
  satelliteCredential: string;
  /** Creates a console client in a team (Platform by default) through the API. */
  createClient(token: string, body: object, team?: string): Promise<request.Response>;
  /** The client_credentials grant, authenticating with client_secret_basic. */
  clientCredentials(clientId: string, secret: string, extra?: Record<string, string>): Promise<Response>;
}

export async function startAuthorizationServerStack(): Promise<AuthorizationServerStack> {
  const { t, base, satellitePort, satelliteBase } = await startBackend({
    OAUTH_ACCESS_TOKEN_TTL: '600',
    OAUTH_CODE_TTL: '2',
    OAUTH_KEY_RELOAD_MS: '200',
  });
  let mcp: ProtectedMcpServer | undefined;
  const close = async () => {
    await mcp?.close();
    await t.close();
  };
  try {
    mcp = await startProtectedMcpServer({ issuer: base, port: satellitePort });
    const admin = await t.login(ADMIN.email, ADMIN.password);
    const aliceId = await createUserVia(t.http, admin, { ...ALICE, globalRole: 'global_user' });
    const teamId = await createTeamVia(t.http, admin, 'Platform');
    await addMemberVia(t.http, admin, teamId, ALICE.email, 'team_user');
    const alice = await t.login(ALICE.email, ALICE.password);
    const { id: satelliteId, credential: satelliteCredential } = await insertSatellite(t.app, {
      kind: 'global',
      publicUrl: satelliteBase,
    });
    return {
      ...t,
      base,
      mcp,
      admin,
      alice,
      aliceId,
      teamId,
      satelliteId,
      satelliteCredential,
      createClient: async (token, body, team = teamId) =>
        request(t.http).post(`/api/teams/${team}/oauth-clients`).set('Authorization', `Bearer ${token}`).send(body),
      clientCredentials: (clientId, secret, extra = {}) =>
        fetch(`${base}/oauth/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ grant_type: 'client_credentials', ...extra }).toString(),
        }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
