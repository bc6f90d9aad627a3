import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessEvents } from '../../core/auth/access-events.js';
import { IdentityModule } from '../identity/identity.module.js';
import { SystemModule } from '../system/system.module.js';
import { ConnectController, SatelliteRevocationsController } from './connect.controller.js';
import { InteractionsController } from './interactions.controller.js';
import { InteractionsService } from './interactions.service.js';
import { OAuthClient } from './oauth-client.entity.js';
import { AllOAuthClientsController, TeamOAuthClientsController } from './oauth-clients.controller.js';
import { OAuthClientsService } from './oauth-clients.service.js';
import { OAuthRecord } from './oauth-record.entity.js';
import { OAuthServer } from './oauth-server.js';
import { Revocation } from './revocation.entity.js';
import { RevocationsService } from './revocations.service.js';
import { SatelliteAudiences } from './satellite-audiences.js';
import { SigningKeys } from './signing-keys.js';
import { AccessTokenClaims } from './access-token-claims.js';

/** The authorization server for MCP clients (RFC 8414, 7591, 7009, 8707, PKCE) and the console's OAuth clients. */
@Module({
  imports: [TypeOrmModule.forFeature([OAuthClient, OAuthRecord, Revocation]), IdentityModule, SystemModule],
  controllers: [
    TeamOAuthClientsController,
    AllOAuthClientsController,
    InteractionsController,
    ConnectController,
    SatelliteRevocationsController,
  ],
  providers: [
    OAuthServer,
    AccessTokenClaims,
    SigningKeys,
    SatelliteAudiences,
    RevocationsService,
    OAuthClientsService,
    InteractionsService,
  ],
  exports: [OAuthServer],
})
export class OAuthModule implements OnModuleInit {
  constructor(
    private readonly accessEvents: AccessEvents,
    private readonly revocations: RevocationsService,
    private readonly clients: OAuthClientsService,
  ) {}

  onModuleInit(): void {
    // Removing a member or disabling a user ends their tokens on satellites; a deleted user's clients go too.
    this.accessEvents.onAccessEnded(async ({ userId, teamId, reason }) => {
      await this.revocations.revoke([{ kind: 'user', value: userId, teamId }]);
      if (reason === 'user-deleted') await this.clients.revokeMany((await this.clients.ownedBy(userId, null)).map((c) => c.id));
    });
  }
}
