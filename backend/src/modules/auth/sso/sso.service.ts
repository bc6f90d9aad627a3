import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SsoErrorCode } from '@orbit/contracts';
import { hkdfSync, randomUUID } from 'node:crypto';
import { Strategy as OAuth2Strategy } from 'passport-oauth2';
import { APP_CONFIG } from '../../../config/config.module.js';
import { loadKeyRing } from '../../../config/encryption-keys.js';
import type { AppConfig, SsoConfig } from '../../../config/env.schema.js';
import { AuditService } from '../../audit/audit.service.js';
import { SsoIdentity } from '../../users/sso-identity.entity.js';
import type { User } from '../../users/user.entity.js';
import { UsersRepository } from '../../users/users.repository.js';
import { UsersService } from '../../users/users.service.js';
import { CookieStateStore } from './sso-state-store.js';

/** A sign-in that must end on the login page with this code (never a 500). */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

export interface SsoProfile {
  sub: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

interface Endpoints {
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
}

const TIMEOUT_MS = 5_000;

@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);
  private strategy?: Promise<OAuth2Strategy>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly audit: AuditService,
  ) {}

  get settings(): SsoConfig | null {
    return this.config.sso;
  }

  /** The passport strategy, built on first use (discovery needs the provider up; boot must not). */
  getStrategy(): Promise<OAuth2Strategy> {
    const sso = this.config.sso;
    if (!sso) return Promise.reject(new SsoFailure('sso_not_configured'));
    this.strategy ??= this.build(sso).catch((error: unknown) => {
      this.strategy = undefined; // try discovery again next time
      throw error;
    });
    return this.strategy;
  }

  private async build(sso: SsoConfig): Promise<OAuth2Strategy> {
    const endpoints = await this.endpoints(sso);
    const key = Buffer.from(hkdfSync('sha256', loadKeyRing(this.config.encryption)[0].key, '', 'orbit-sso-state', 32));
    const strategy = new OAuth2Strategy(
      {
        authorizationURL: endpoints.authorizationUrl,
        tokenURL: endpoints.tokenUrl,
        clientID: sso.clientId,
        clientSecret: sso.clientSecret,
        callbackURL: `${this.config.publicUrl}/api/auth/sso/callback`,
        scope: sso.scopes.split(/\s+/).filter(Boolean),
        state: true,
        pkce: true,
        store: new CookieStateStore(key, this.config.publicUrl.startsWith('https:')) as never,
      },
      (
        _accessToken: string,
        _refreshToken: string,
        profile: SsoProfile,
        done: (err: unknown, user?: User | false, info?: object) => void,
      ) => {
        this.resolveUser(profile).then(
          (user) => done(null, user),
          (error: unknown) => (error instanceof SsoFailure ? done(null, false, { code: error.code }) : done(error)),
        );
      },
    );
    strategy.userProfile = (accessToken: string, done: (err?: unknown, profile?: SsoProfile) => void) => {
      this.fetchProfile(endpoints.userinfoUrl, accessToken).then((p) => done(null, p), done);
    };
    return strategy;
  }

  private async endpoints(sso: SsoConfig): Promise<Endpoints> {
    if (sso.authorizationUrl && sso.tokenUrl && sso.userinfoUrl) {
      return { authorizationUrl: sso.authorizationUrl, tokenUrl: sso.tokenUrl, userinfoUrl: sso.userinfoUrl };
    }
    const url = `${sso.issuer}/.well-known/openid-configuration`;
    let doc: Record<string, unknown>;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      doc = (await res.json()) as Record<string, unknown>;
    } catch (error) {
      this.logger.warn(`SSO discovery at ${url} failed: ${(error as Error).message}`);
      throw new SsoFailure('sso_unavailable');
    }
    const pick = (name: string, override?: string): string => {
      const value = override ?? doc[name];
      if (typeof value !== 'string') throw new SsoFailure('sso_unavailable', `discovery document has no ${name}`);
      return value;
    };
    return {
      authorizationUrl: pick('authorization_endpoint', sso.authorizationUrl),
      tokenUrl: pick('token_endpoint', sso.tokenUrl),
      userinfoUrl: pick('userinfo_endpoint', sso.userinfoUrl),
    };
  }

  private async fetchProfile(userinfoUrl: string, accessToken: string): Promise<SsoProfile> {
    let body: Record<string, unknown>;
    try {
      const res = await fetch(userinfoUrl, {
        headers: { Authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = (await res.json()) as Record<string, unknown>;
    } catch (error) {
      this.logger.warn(`SSO userinfo request failed: ${(error as Error).message}`);
      throw new SsoFailure('sso_unavailable');
    }
    if (typeof body['sub'] !== 'string') throw new SsoFailure('sso_unavailable', 'userinfo has no sub');
    return {
      sub: body['sub'],
      ...(typeof body['email'] === 'string' && { email: body['email'].toLowerCase() }),
      emailVerified: body['email_verified'] === true || body['email_verified'] === 'true',
      ...(typeof body['name'] === 'string' && { name: body['name'] }),
    };
  }

  /**
   * Maps the provider's account to ours: a linked identity wins; otherwise an existing account is linked by email
   * only when the provider verified the email; otherwise an account is created just in time for allowed domains.
   */
  async resolveUser(profile: SsoProfile): Promise<User> {
    const sso = this.config.sso;
    if (!sso) throw new SsoFailure('sso_not_configured');
    const issuer = sso.issuer ?? new URL(sso.authorizationUrl ?? '').origin;
    const linked = await this.users.findSsoIdentity(issuer, profile.sub);
    let user = linked ? await this.users.findById(linked.userId) : null;
    if (!user) {
      if (!profile.email) throw new SsoFailure('sso_not_allowed', 'the provider sent no email');
      user = await this.users.findByEmail(profile.email);
      // Linking to an existing account by email needs the provider's word that the email is theirs; a new account
      // in an allowed domain does not (the organisation's own provider vouches for its domain).
      if (user && !profile.emailVerified) throw new SsoFailure('sso_email_unverified');
      if (user?.disabled) throw new SsoFailure('sso_disabled');
      if (!user) {
        const domain = profile.email.split('@')[1] ?? '';
        if (!sso.allowedDomains.includes(domain)) throw new SsoFailure('sso_not_allowed');
        user = await this.usersService.create(
          { email: profile.email, name: profile.name ?? profile.email.split('@')[0] ?? profile.email },
          { audit: false },
        );
        await this.audit.record({
          action: 'user.create.sso',
          target: { type: 'user', id: user.id },
          actor: { id: user.id, email: user.email },
          after: { email: user.email, issuer },
        });
      }
      const identity = new SsoIdentity();
      identity.id = randomUUID();
      identity.userId = user.id;
      identity.issuer = issuer;
      identity.subject = profile.sub;
      identity.email = profile.email;
      await this.users.saveSsoIdentity(identity);
    }
    if (user.disabled) throw new SsoFailure('sso_disabled');
    return user;
  }
}
