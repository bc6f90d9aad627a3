import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OAuthInteractionDto, OAuthInteractionResultDto } from '@orbit/contracts';
import type { Request, Response } from 'express';
import { Repository } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import type { AuthContext } from '../../core/auth/auth-context.js';
import { AppException } from '../../core/errors/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { OAuthClient } from './oauth-client.entity.js';
import { AccessTokenClaims } from './access-token-claims.js';
import { OAuthServer } from './oauth-server.js';
import { SatelliteAudiences } from './satellite-audiences.js';

type Interaction = Awaited<ReturnType<OAuthServer['provider']['interactionDetails']>>;

/** Scopes the provider knows; `mcp` is granted both as a provider scope and for the resource. */
const KNOWN_SCOPES = new Set(['openid', 'offline_access', 'mcp']);

/**
 * The login and consent step of the authorization code flow. The provider sends the browser to
 * `/api/oauth/interactions/:uid`, which hands over to the console's consent page; the page (signed in like any console
 * page, locally or through SSO) reads the request, lets the user pick the team, and posts the decision here. The
 * interaction cookie the provider set binds each call to the browser that started the request.
 */
@Injectable()
export class InteractionsService {
  constructor(
    private readonly server: OAuthServer,
    private readonly claims: AccessTokenClaims,
    private readonly audiences: SatelliteAudiences,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
    @InjectRepository(OAuthClient) private readonly clients: Repository<OAuthClient>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async details(auth: AuthContext, uid: string, req: Request, res: Response): Promise<OAuthInteractionDto> {
    const interaction = await this.load(uid, req, res);
    const clientId = param(interaction, 'client_id');
    const client = await this.server.provider.Client.find(clientId);
    if (!client) throw AppException.notFound('Authorization request');
    const redirectUri = param(interaction, 'redirect_uri');
    const stored = await this.clients.findOneBy({ id: clientId });
    return {
      uid,
      client: {
        clientId,
        name: client.clientName ?? stored?.name ?? clientId,
        redirectUri,
        redirectHost: redirectHostOf(redirectUri),
        kind: stored ? stored.kind : 'metadata-document',
      },
      scopes: param(interaction, 'scope').split(' ').filter(Boolean),
      resource: requestedResource(interaction),
      teams: await this.eligibleTeams(auth, interaction, (client as { orbit_team?: string }).orbit_team),
    };
  }

  async consent(auth: AuthContext, uid: string, teamId: string, req: Request, res: Response): Promise<OAuthInteractionResultDto> {
    const interaction = await this.load(uid, req, res);
    const clientId = param(interaction, 'client_id');
    const client = await this.server.provider.Client.find(clientId);
    if (!client) throw AppException.notFound('Authorization request');
    const eligible = await this.eligibleTeams(auth, interaction, (client as { orbit_team?: string }).orbit_team);
    const team = eligible.find((t) => t.id === teamId);
    if (!team) {
      throw AppException.validation([
        { field: 'teamId', message: 'Pick one of your teams served by the satellite this client connects to' },
      ]);
    }
    const { Grant } = this.server.provider;
    const grant = new Grant({ accountId: auth.user.id, clientId });
    const requested = param(interaction, 'scope').split(' ');
    const oidcScopes = requested.filter((s) => KNOWN_SCOPES.has(s));
    if (oidcScopes.length > 0) grant.addOIDCScope(oidcScopes.join(' '));
    // The audience is the team's satellite group: the one the client named, or the team's default.
    const resource = team.mcpUrl;
    grant.addResourceScope(resource, 'mcp');
    interaction.params['resource'] = resource;
    const grantId = await grant.save();
    await this.claims.setGrantTeam(grantId, team.id, this.config.oauth.refreshTokenTtlSeconds);
    interaction.result = { login: { accountId: auth.user.id }, consent: { grantId } };
    await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
    await this.audit.record({
      action: 'oauth.consent',
      target: { type: 'oauth-client', id: clientId },
      teamId: team.id,
      after: {
        client: client.clientName ?? clientId,
        redirectHost: redirectHostOf(param(interaction, 'redirect_uri')),
        resource,
      },
    });
    return { redirectTo: interaction.returnTo };
  }

  async deny(uid: string, req: Request, res: Response): Promise<OAuthInteractionResultDto> {
    const interaction = await this.load(uid, req, res);
    interaction.result = { error: 'access_denied', error_description: 'The user denied the request' };
    await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
    return { redirectTo: interaction.returnTo };
  }

  /** The interaction of this browser (its cookie), which must be the one in the URL. */
  private async load(uid: string, req: Request, res: Response): Promise<Interaction> {
    let interaction: Interaction;
    try {
      interaction = await this.server.provider.interactionDetails(req, res);
    } catch {
      throw AppException.notFound('Authorization request');
    }
    if (interaction.uid !== uid) throw AppException.notFound('Authorization request');
    return interaction;
  }

  /** The user's teams this client may act in: a console client's own team; for others, those the resource serves. */
  private async eligibleTeams(auth: AuthContext, interaction: Interaction, clientTeam: string | undefined) {
    const resource = requestedResource(interaction);
    const memberships = await this.teams.membershipsOf(auth.user.id);
    const teams: OAuthInteractionDto['teams'] = [];
    for (const { team } of memberships) {
      if (clientTeam !== undefined && team.id !== clientTeam) continue;
      const urls = await this.audiences.forTeam(team.id);
      if (resource !== null && !urls.includes(resource)) continue;
      teams.push({ id: team.id, name: team.name, slug: team.slug, mcpUrl: resource ?? urls[0]! });
    }
    return teams.sort((a, b) => a.name.localeCompare(b.name));
  }
}

function param(interaction: Interaction, name: string): string {
  const value = interaction.params[name];
  return typeof value === 'string' ? value : '';
}

function requestedResource(interaction: Interaction): string | null {
  const resource = interaction.params['resource'];
  if (typeof resource === 'string') return resource;
  if (Array.isArray(resource) && typeof resource[0] === 'string') return resource[0];
  return null;
}

/** What the user must recognise: the host (with port) for web URIs, `scheme://host` for private-use ones. */
function redirectHostOf(uri: string): string {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : `${url.protocol}//${url.host}`;
  } catch {
    return uri;
  }
}
