import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MCP_SCOPE } from '@orbit/contracts';
import { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { Repository } from 'typeorm';
import { TeamsRepository } from '../teams/teams.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { OAuthClient } from './oauth-client.entity.js';
import { OAuthRecord } from './oauth-record.entity.js';
import { GRANT_TEAM, ISSUED_ACCESS_TOKEN } from './provider-adapter.js';

/** Client metadata of ours, beside RFC 7591's: who owns a console client and for which team it acts. */
interface OrbitClientMetadata {
  orbit_team?: string;
  orbit_owner?: string;
}
export type OrbitClient = NonNullable<KoaContextWithOIDC['oidc']['client']> & OrbitClientMetadata;

/** What the provider hands the JWT customizer about the token being issued. */
export interface TokenLike {
  kind: string;
  accountId?: string;
  grantId?: string;
  client?: unknown;
}

/**
 * Who an access token acts for (DESIGN, "Access tokens"): the user, and the team picked on the consent page (kept
 * per grant) or the console client's own team. The provider asks it for every token it signs.
 */
@Injectable()
export class AccessTokenClaims {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    @InjectRepository(OAuthRecord) private readonly records: Repository<OAuthRecord>,
    @InjectRepository(OAuthClient) private readonly clients: Repository<OAuthClient>,
  ) {}

  /** The team an authorization (grant) was given for, chosen on the consent page. */
  async grantTeam(grantId: string | undefined): Promise<string | undefined> {
    if (!grantId) return undefined;
    const row = await this.records.findOneBy({ model: GRANT_TEAM, id: grantId });
    return row ? (JSON.parse(row.payload) as { teamId: string }).teamId : undefined;
  }

  async setGrantTeam(grantId: string, teamId: string, expiresInSeconds: number): Promise<void> {
    await this.records.upsert(
      {
        model: GRANT_TEAM,
        id: grantId,
        payload: JSON.stringify({ teamId }),
        grantId,
        uid: null,
        clientId: null,
        expiresAt: new Date(Date.now() + expiresInSeconds * 1000),
        consumedAt: null,
      },
      ['model', 'id'],
    );
  }

  /** The team a token request acts for: the console client's own, or the one picked at consent for its grant. */
  async teamOf(ctx: KoaContextWithOIDC | undefined, client: OrbitClient | undefined): Promise<string | undefined> {
    if (client?.orbit_team) return client.orbit_team;
    const entities = ctx?.oidc?.entities as
      { Grant?: { jti: string }; AuthorizationCode?: { grantId?: string }; RefreshToken?: { grantId?: string } } | undefined;
    const grantId = entities?.Grant?.jti ?? entities?.AuthorizationCode?.grantId ?? entities?.RefreshToken?.grantId;
    return this.grantTeam(grantId);
  }

  /** Claims as in DESIGN: `sub` the user (a client_credentials token acts as the client's owner), `team` the team id. */
  async customize(token: TokenLike, payload: Record<string, unknown>): Promise<void> {
    const client = token.client as OrbitClient | undefined;
    let userId: string | undefined;
    let teamId: string | undefined;
    if (token.kind === 'ClientCredentials') {
      userId = client?.orbit_owner;
      teamId = client?.orbit_team;
      if (!userId || !teamId) throw new errors.UnauthorizedClient('this client may not use client_credentials');
      payload['sub'] = userId;
      payload['scope'] ??= MCP_SCOPE;
    } else {
      userId = token.accountId;
      teamId = await this.grantTeam(token.grantId);
      if (!teamId) throw new errors.InvalidGrant('the authorization names no team');
    }
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.disabled || !(await this.teams.membership(teamId, user.id))) {
      throw new errors.InvalidGrant('the user is no longer a member of the team this client acts for');
    }
    payload['team'] = teamId;
    if (token.kind === 'AccessToken' && token.grantId && typeof payload['jti'] === 'string') {
      // Kept until the token expires, so that revoking the grant also revokes this token.
      await this.records.insert({
        model: ISSUED_ACCESS_TOKEN,
        id: payload['jti'],
        payload: '{}',
        grantId: token.grantId,
        uid: null,
        clientId: client?.clientId ?? null,
        expiresAt: new Date((payload['exp'] as number) * 1000),
        consumedAt: null,
      });
    }
    if (client?.clientId) await this.touchClient(client.clientId);
  }

  /** Records when a client last got a token, at most once a minute per client. */
  private async touchClient(clientId: string): Promise<void> {
    const now = Date.now();
    if ((this.lastTouched.get(clientId) ?? 0) > now - 60_000) return;
    this.lastTouched.set(clientId, now);
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    await this.clients.update({ id: clientId }, { lastUsedAt: new Date(now) });
  }
}
