import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CLIENT_SECRET_PREFIX, MCP_SCOPE } from '@orbit/contracts';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import Provider, { errors, type Configuration } from 'oidc-provider';
import { Repository } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { sha256Hex } from '../../core/auth/tokens.js';
import { UsersRepository } from '../users/users.repository.js';
import { AccessTokenClaims } from './access-token-claims.js';
import { guardedFetch } from './cimd-fetch.js';
import { OAuthClient } from './oauth-client.entity.js';
import { OAuthRecord } from './oauth-record.entity.js';
import { revokeJwtAccessTokens } from './jwt-revocation.js';
import { DatabaseAdapter, pruneExpiredRecords } from './provider-adapter.js';
import { validateClientMetadata, type ClientMetadataDraft } from './client-metadata.js';
import { defaultScope, trustedForwarding } from './provider-requests.js';
import { renderOAuthError } from './render-error.js';
import { RevocationsService } from './revocations.service.js';
import { SatelliteAudiences } from './satellite-audiences.js';
import { nextActivation, SigningKeys, signingOrder } from './signing-keys.js';

/** Routes the provider answers; everything else (the console, the API) passes by. */
export const OAUTH_ROUTES = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  registration: '/oauth/register',
  revocation: '/oauth/revoke',
  jwks: '/oauth/jwks',
  userinfo: '/oauth/userinfo',
  end_session: '/oauth/logout',
  introspection: '/oauth/introspect',
  pushed_authorization_request: '/oauth/par',
  code_verification: '/oauth/device',
  device_authorization: '/oauth/device/auth',
  backchannel_authentication: '/oauth/backchannel',
} as const;

const PROVIDER_PATHS = new Set<string>([
  '/.well-known/oauth-authorization-server',
  '/.well-known/openid-configuration',
  OAUTH_ROUTES.authorization,
  OAUTH_ROUTES.token,
  OAUTH_ROUTES.registration,
  OAUTH_ROUTES.revocation,
  OAUTH_ROUTES.jwks,
]);

/** Where the provider sends the browser for login and consent: our API route, which hands over to the console. */
export function interactionPath(uid: string): string {
  return `/api/oauth/interactions/${uid}`;
}

/**
 * The authorization server for MCP clients, on oidc-provider (a maintained, OpenID-certified implementation) rather
 * than protocol code of our own. The provider is configured with our storage, our keys and our rules (DESIGN, "OAuth
 * for MCP clients"); the express middleware from `middleware()` is mounted ahead of the API in `createApp`.
 */
@Injectable()
export class OAuthServer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('OAuthServer');
  private current?: Provider;
  private handler?: (req: Request, res: Response) => void;
  private pruneTimer?: NodeJS.Timeout;
  private keyTimer?: NodeJS.Timeout;
  private reloading = false;
  /** The stored key list this provider was built from, the key it signs with, and when a waiting key activates. */
  private keysVersion?: string;
  private signer?: string;
  private nextKeyActivation?: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeys,
    private readonly audiences: SatelliteAudiences,
    private readonly revocations: RevocationsService,
    private readonly users: UsersRepository,
    private readonly claims: AccessTokenClaims,
    @InjectRepository(OAuthRecord) private readonly records: Repository<OAuthRecord>,
    @InjectRepository(OAuthClient) private readonly clients: Repository<OAuthClient>,
  ) {}

  get provider(): Provider {
    if (!this.current) throw new Error('the OAuth provider is not initialised yet');
    return this.current;
  }

  async onModuleInit(): Promise<void> {
    await this.build();
    // Another process may rotate the keys (`npm run oauth:rotate-key`): look now and then, and take them up.
    this.keyTimer = setInterval(() => void this.reloadKeys(), this.config.oauth.keyReloadMs);
    this.keyTimer.unref();
    this.pruneTimer = setInterval(() => void this.prune(), 10 * 60_000);
    this.pruneTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    if (this.keyTimer) clearInterval(this.keyTimer);
  }

  /**
   * A provider on the current keys, swapped in for the next requests; requests in flight finish on the one they
   * started on. Everything the provider keeps lives in the database, so nothing is lost in the swap.
   */
  private async build(): Promise<void> {
    const { oauth } = this.config;
    const stored = await this.keys.load(oauth.accessTokenTtlSeconds + 3_600);
    const version = await this.keys.version();
    const now = Date.now();
    const jwks = signingOrder(stored, now).map((k) => k.jwk);
    const provider = new Provider(this.config.publicUrl, await this.configuration(jwks));
    // The console's access tokens answer who the user is; the provider's own cookies only bind the interaction.
    // X-Forwarded-* are rewritten from express's verdict (TRUSTED_PROXIES) before the provider sees them.
    provider.proxy = true;
    // Secrets are stored as SHA-256 hashes (shown once, like every secret we issue): hash what the client presents.
    provider.Client.prototype.compareClientSecret = function compareClientSecret(
      this: { clientSecret?: string },
      actual: string,
    ) {
      const stored = Buffer.from(this.clientSecret ?? '', 'utf8');
      const presented = Buffer.from(sha256Hex(actual), 'utf8');
      return stored.length === presented.length && timingSafeEqual(stored, presented);
    };
    this.listen(provider);
    provider.use(revokeJwtAccessTokens(jwks, this.config.publicUrl, this.revocations));
    const callback = provider.callback();
    const signer = jwks[0]?.kid;
    if (this.current && signer !== this.signer) this.logger.log(`signing access tokens with key ${signer}`);
    this.current = provider;
    this.handler = (req, res) => void callback(req, res);
    this.keysVersion = version;
    this.signer = signer;
    this.nextKeyActivation = nextActivation(stored, now);
  }

  /** Rebuilds the provider when the stored keys changed or a published key's time to sign came. */
  private async reloadKeys(): Promise<void> {
    if (this.reloading) return;
    this.reloading = true;
    try {
      const due = this.nextKeyActivation !== undefined && Date.now() >= this.nextKeyActivation;
      if (due || (await this.keys.version()) !== this.keysVersion) await this.build();
    } catch (error) {
      this.logger.warn(`could not reload the signing keys: ${(error as Error).message}`);
    } finally {
      this.reloading = false;
    }
  }

  /** Express middleware answering the provider's routes; a request for anything else goes on. */
  middleware(): (req: Request, res: Response, next: NextFunction) => void {
    return (req, res, next) => {
      const path = req.path;
      if (!PROVIDER_PATHS.has(path) && !path.startsWith(`${OAUTH_ROUTES.authorization}/`)) return next();
      if (!this.handler) {
        res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: 'The authorization server is starting' });
        return;
      }
      if (path === OAUTH_ROUTES.authorization && req.method === 'GET') defaultScope(req);
      trustedForwarding(req);
      this.handler(req, res);
    };
  }

  private async configuration(jwks: object[]): Promise<Configuration> {
    const { oauth } = this.config;
    const adapterDeps = {
      records: this.records,
      clients: this.clients,
      revoke: (requests: Parameters<RevocationsService['revoke']>[0]) => this.revocations.revoke(requests),
    };
    const resourceServer = (audience: string) => ({
      scope: MCP_SCOPE,
      audience,
      accessTokenFormat: 'jwt' as const,
      accessTokenTTL: oauth.accessTokenTtlSeconds,
      jwt: { sign: { alg: 'ES256' as const } },
    });

    return {
      adapter: (name: string) => new DatabaseAdapter(name, adapterDeps),
      clients: [],
      findAccount: async (_ctx, sub) => {
        const user = await this.users.findById(sub);
        if (!user || user.disabled) return undefined;
        return { accountId: user.id, claims: () => ({ sub: user.id }) };
      },
      jwks: { keys: jwks },
      cookies: { keys: await this.keys.cookieKeys() },
      scopes: ['openid', 'offline_access', MCP_SCOPE],
      claims: { openid: ['sub'] },
      responseTypes: ['code'],
      pkce: { required: () => true },
      routes: OAUTH_ROUTES,
      clientDefaults: {
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
        id_token_signed_response_alg: 'ES256',
      },
      ttl: {
        AccessToken: oauth.accessTokenTtlSeconds,
        ClientCredentials: oauth.accessTokenTtlSeconds,
        AuthorizationCode: oauth.codeTtlSeconds,
        RefreshToken: oauth.refreshTokenTtlSeconds,
        Grant: oauth.refreshTokenTtlSeconds,
        Session: 14 * 86_400,
        Interaction: 30 * 60,
        IdToken: oauth.accessTokenTtlSeconds,
      },
      // Refresh tokens go to every client registered with the refresh_token grant, asked for or not (DESIGN).
      issueRefreshToken: (_ctx, client) => Promise.resolve(client.grantTypeAllowed('refresh_token')),
      rotateRefreshToken: true,
      expiresWithSession: () => Promise.resolve(false),
      interactions: { url: (_ctx, interaction) => Promise.resolve(interactionPath(interaction.uid)) },
      extraClientMetadata: {
        properties: ['orbit_team', 'orbit_owner'],
        validator: (ctx, key, value, metadata) => {
          if (key === 'orbit_team')
            validateClientMetadata(ctx, metadata as ClientMetadataDraft, this.config.oauth.redirectSchemes);
          if (value !== undefined && ctx?.oidc?.route === 'registration') {
            throw new errors.InvalidClientMetadata(`${key} cannot be registered`);
          }
        },
      },
      formats: {
        customizers: {
          jwt: async (_ctx, token, jwt) => this.claims.customize(token, jwt.payload),
        },
      },
      renderError: (ctx, out, error) => {
        ctx.type = 'html';
        ctx.body = renderOAuthError(out as unknown as Record<string, unknown>, error);
        return Promise.resolve();
      },
      // Browser-based MCP clients (the Inspector's web UI) call the token and registration endpoints cross-origin.
      clientBasedCORS: () => true,
      features: {
        devInteractions: { enabled: false },
        userinfo: { enabled: false },
        introspection: { enabled: false },
        revocation: { enabled: true },
        clientCredentials: { enabled: true },
        registration: {
          enabled: true,
          initialAccessToken: false,
          // No RFC 7592 management: a registration is not read back or changed (its answer would show the stored
          // hash instead of the secret), so no registration access token is issued.
          issueRegistrationAccessToken: false,
          // A confidential self-registered client's secret carries our prefix, like every secret we issue.
          secretFactory: () => Promise.resolve(`${CLIENT_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`),
        },
        rpInitiatedLogout: { enabled: false },
        // Not served: satellites take bearer tokens, and clients here use plain authorization requests.
        pushedAuthorizationRequests: { enabled: false },
        dPoP: { enabled: false },
        resourceIndicators: {
          enabled: true,
          useGrantedResource: () => Promise.resolve(true),
          defaultResource: async (ctx, client, oneOf) => {
            if (oneOf && oneOf.length > 0) return oneOf[0]!;
            const team = await this.claims.teamOf(ctx, client);
            return team ? this.audiences.defaultForTeam(team) : undefined;
          },
          getResourceServerInfo: async (ctx, resource, client) => {
            const team = await this.claims.teamOf(ctx, client);
            if (team) {
              if (!(await this.audiences.forTeam(team)).includes(resource)) {
                throw new errors.InvalidTarget(`${resource} is not the MCP endpoint of a satellite serving this team`);
              }
            } else if (!(await this.audiences.isKnown(resource))) {
              throw new errors.InvalidTarget(`${resource} is not the MCP endpoint of a satellite of this Orbit`);
            }
            return resourceServer(resource);
          },
        },
        clientIdMetadataDocument: {
          enabled: true,
          ack: 'draft-02',
          cacheDuration: { min: 60, max: 86_400 },
        },
      },
      fetch: guardedFetch({
        allowLoopback: oauth.cimdAllowLoopback,
        ...(oauth.cimdCaFile !== undefined && { caFile: oauth.cimdCaFile }),
      }) as unknown as Configuration['fetch'],
    };
  }

  private listen(provider: Provider): void {
    // Token and authorization errors say only "grant request is invalid" to the client: the detail is logged here.
    for (const event of [
      'grant.error',
      'authorization.error',
      'registration_create.error',
      'revocation.error',
      'server_error',
    ] as const) {
      (provider as unknown as { on(e: string, l: (...args: never[]) => void): void }).on(
        event,
        (_ctx: unknown, error: { error?: string; error_description?: string; error_detail?: string; message?: string }) => {
          // Our JWT access tokens are revoked after the provider declines them (see revokeJwtAccessTokens).
          if (event === 'revocation.error' && error.error === 'unsupported_token_type') return;
          this.logger.warn(
            `${event}: ${error.error ?? error.message ?? 'error'}${error.error_description ? ` (${error.error_description})` : ''}${error.error_detail ? `: ${error.error_detail}` : ''}`,
          );
        },
      );
    }
  }

  private async prune(): Promise<void> {
    try {
      await pruneExpiredRecords(this.records);
      await this.revocations.prune();
    } catch (error) {
      this.logger.warn(`could not prune expired OAuth records: ${(error as Error).message}`);
    }
  }
}
