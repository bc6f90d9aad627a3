import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CLIENT_SECRET_PREFIX, type OAuthClientDto, type OAuthClientWithSecretDto, type Page } from '@orbit/contracts';
import { randomBytes } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { can, type AuthContext } from '../../core/auth/auth-context.js';
import { sha256Hex } from '../../core/auth/tokens.js';
import { AppException } from '../../core/errors/app.exception.js';
import { pageWindow, toPage, type PageQueryDto } from '../../core/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import type { CreateOAuthClientDto } from './dto/oauth-client.dto.js';
import { OAuthClient } from './oauth-client.entity.js';
import { OAuthRecord } from './oauth-record.entity.js';
import { deleteClientRecords } from './provider-adapter.js';
import { classifyRedirectUri, inferApplicationType, redirectUriProblems, type RedirectUriKind } from './redirect-uris.js';
import { RevocationsService } from './revocations.service.js';

interface StoredMetadata {
  client_name?: string;
  grant_types?: string[];
  redirect_uris?: string[];
  application_type?: 'web' | 'native';
  token_endpoint_auth_method?: string;
}

/**
 * OAuth clients as the console manages them: a user creates client credentials for one team (the secret is shown
 * once and stored hashed), lists, rotates and revokes them; team admins see and revoke the team's; global admins see
 * every client, dynamically registered ones included. Revoking or rotating pushes a revocation entry to satellites,
 * so tokens already issued stop working there too.
 */
@Injectable()
export class OAuthClientsService {
  constructor(
    @InjectRepository(OAuthClient) private readonly clients: Repository<OAuthClient>,
    @InjectRepository(OAuthRecord) private readonly records: Repository<OAuthRecord>,
    private readonly teams: TeamsRepository,
    private readonly users: UsersRepository,
    private readonly revocations: RevocationsService,
    private readonly wakeups: WakeupService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(auth: AuthContext, teamId: string, dto: CreateOAuthClientDto): Promise<OAuthClientWithSecretDto> {
    const grants = dto.grantTypes ?? ['client_credentials'];
    const redirectUris = dto.redirectUris ?? [];
    const codeFlow = grants.includes('authorization_code');
    if (codeFlow && redirectUris.length === 0) {
      throw AppException.validation([{ field: 'redirectUris', message: 'authorization_code needs at least one redirect URI' }]);
    }
    if (!codeFlow && redirectUris.length > 0) {
      throw AppException.validation([{ field: 'redirectUris', message: 'redirect URIs are only used with authorization_code' }]);
    }
    const schemes = this.config.oauth.redirectSchemes;
    const problems = redirectUriProblems(redirectUris, undefined, schemes);
    if (problems.length > 0) {
      throw AppException.validation(
        problems.map((p) => ({ field: `redirectUris[${p.index}]`, message: `${redirectUris[p.index]} ${p.problem}` })),
      );
    }
    const kinds = redirectUris.map((u) => classifyRedirectUri(u, schemes) as RedirectUriKind);
    const secret = `${CLIENT_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
    const metadata: StoredMetadata & Record<string, unknown> = {
      client_name: dto.name,
      grant_types: codeFlow ? [...grants, 'refresh_token'] : [...grants],
      response_types: codeFlow ? ['code'] : [],
      redirect_uris: redirectUris,
      application_type: inferApplicationType(kinds),
      token_endpoint_auth_method: 'client_secret_basic',
      orbit_team: teamId,
      orbit_owner: auth.user.id,
    };
    const client = await this.clients.save(
      this.clients.create({
        id: `orbit_ci_${randomBytes(16).toString('base64url')}`,
        name: dto.name,
        kind: 'console',
        teamId,
        ownerId: auth.user.id,
        secretHash: sha256Hex(secret),
        metadata: JSON.stringify(metadata),
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    await this.audit.record({
      action: 'oauth-client.create',
      target: { type: 'oauth-client', id: client.id },
      teamId,
      after: { name: client.name, grantTypes: metadata.grant_types, redirectUris },
    });
    return { ...(await this.toDto(client)), clientSecret: secret };
  }

  async list(auth: AuthContext, teamId: string, query: PageQueryDto): Promise<Page<OAuthClientDto>> {
    const window = pageWindow(query);
    const where = can(auth, 'oauth-clients:manage-team', teamId)
      ? { teamId, revokedAt: IsNull() }
      : { teamId, ownerId: auth.user.id, revokedAt: IsNull() };
    const [rows, total] = await this.clients.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: window.limit,
      skip: window.offset,
    });
    return toPage(await this.toDtos(rows), total, window);
  }

  async listAll(query: PageQueryDto): Promise<Page<OAuthClientDto>> {
    const window = pageWindow(query);
    const [rows, total] = await this.clients.findAndCount({
      where: { revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: window.limit,
      skip: window.offset,
    });
    return toPage(await this.toDtos(rows), total, window);
  }

  async revoke(auth: AuthContext, teamId: string, clientId: string): Promise<void> {
    await this.revokeClient(await this.requireManageable(auth, teamId, clientId));
  }

  async revokeAny(clientId: string): Promise<void> {
    const client = await this.clients.findOneBy({ id: clientId, revokedAt: IsNull() });
    if (!client) throw AppException.notFound('OAuth client');
    await this.revokeClient(client);
  }

  async rotateSecret(auth: AuthContext, teamId: string, clientId: string): Promise<OAuthClientWithSecretDto> {
    const client = await this.requireManageable(auth, teamId, clientId);
    // Only the owner gets a new secret: with it, tokens act as the owner. Team admins may see and revoke, not rotate.
    if (client.kind !== 'console' || client.ownerId !== auth.user.id) throw AppException.notFound('OAuth client');
    const secret = `${CLIENT_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
    client.secretHash = sha256Hex(secret);
    await this.clients.save(client);
    // Tokens obtained with the old secret stop working on satellites; new ones (issued after now) are not matched.
    await this.revocations.revoke([{ kind: 'client', value: client.id }]);
    await this.audit.record({ action: 'oauth-client.rotate-secret', target: { type: 'oauth-client', id: client.id }, teamId });
    return { ...(await this.toDto(client)), clientSecret: secret };
  }

  /** Team admins manage the team's clients; other members their own. Anything else is 404, never 403. */
  private async requireManageable(auth: AuthContext, teamId: string, clientId: string): Promise<OAuthClient> {
    const client = await this.clients.findOneBy({ id: clientId, teamId, revokedAt: IsNull() });
    if (!client) throw AppException.notFound('OAuth client');
    if (client.ownerId !== auth.user.id && !can(auth, 'oauth-clients:manage-team', teamId))
      throw AppException.notFound('OAuth client');
    return client;
  }

  private async revokeClient(client: OAuthClient): Promise<void> {
    client.revokedAt = new Date();
    await this.clients.save(client);
    await deleteClientRecords(this.records, client.id);
    await this.revocations.revoke([{ kind: 'client', value: client.id }]);
    if (client.teamId !== null) {
      // A change to what the team's satellites serve (DESIGN, principle 1): bump the version and wake them.
      await this.teams.bumpConfigVersion(client.teamId);
      await this.wakeups.teamChanged(client.teamId, 'client-revoked');
    }
    await this.audit.record({
      action: 'oauth-client.revoke',
      target: { type: 'oauth-client', id: client.id },
      teamId: client.teamId,
      before: { name: client.name, kind: client.kind },
    });
  }

  private async toDto(client: OAuthClient): Promise<OAuthClientDto> {
    return (await this.toDtos([client]))[0]!;
  }

  private async toDtos(rows: OAuthClient[]): Promise<OAuthClientDto[]> {
    const teamIds = [...new Set(rows.map((r) => r.teamId).filter((t): t is string => t !== null))];
    const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((o): o is string => o !== null))];
    const teams = new Map((teamIds.length ? await this.teams.findByIds(teamIds) : []).map((t) => [t.id, t.name]));
    const owners = new Map((ownerIds.length ? await this.users.findByIds(ownerIds) : []).map((u) => [u.id, u.email]));
    return rows.map((row) => {
      const metadata = JSON.parse(row.metadata) as StoredMetadata;
      return {
        clientId: row.id,
        name: row.name,
        kind: row.kind,
        teamId: row.teamId,
        teamName: row.teamId === null ? null : (teams.get(row.teamId) ?? null),
        ownerId: row.ownerId,
        ownerEmail: row.ownerId === null ? null : (owners.get(row.ownerId) ?? null),
        grantTypes: metadata.grant_types ?? ['authorization_code', 'refresh_token'],
        redirectUris: metadata.redirect_uris ?? [],
        applicationType: metadata.application_type ?? 'web',
        tokenEndpointAuthMethod: metadata.token_endpoint_auth_method ?? 'none',
        hasSecret: row.secretHash !== null,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      };
    });
  }

  /** Console clients a user owns in a team (or in every team), for when their access ends. */
  async ownedBy(userId: string, teamId: string | null): Promise<OAuthClient[]> {
    return this.clients.find({ where: { ownerId: userId, revokedAt: IsNull(), ...(teamId !== null && { teamId }) } });
  }

  /** Revokes several clients at once (a deleted user's). */
  async revokeMany(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    for (const client of await this.clients.findBy({ id: In(ids), revokedAt: IsNull() })) await this.revokeClient(client);
  }
}
