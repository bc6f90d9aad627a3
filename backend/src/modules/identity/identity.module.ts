import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessEvents } from '../../core/auth/access-events.js';
import { AccessGuard, AUTHENTICATOR } from '../../core/auth/access.guard.js';
import { AuthController } from '../auth/auth.controller.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { Session } from '../auth/session.entity.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { SessionsService } from '../auth/sessions.service.js';
import { SsoController } from '../auth/sso/sso.controller.js';
import { SsoService } from '../auth/sso/sso.service.js';
import { MeController } from '../me/me.controller.js';
import { MeService } from '../me/me.service.js';
import { MembersService } from '../teams/members.service.js';
import { Membership } from '../teams/membership.entity.js';
import { Team } from '../teams/team.entity.js';
import { TeamsController } from '../teams/teams.controller.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import { TeamsService } from '../teams/teams.service.js';
import { SsoIdentity } from '../users/sso-identity.entity.js';
import { User } from '../users/user.entity.js';
import { UsersController } from '../users/users.controller.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { Satellite } from '../satellites/satellite.entity.js';
import { SatellitesRepository } from '../satellites/satellites.repository.js';
import { WakeupService } from '../satellites/wakeups.service.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { SessionAuthenticator } from './session-authenticator.js';

/**
 * Users, teams, memberships, console sessions and SSO: one module, because each needs the others (a user comes
 * with a personal team; disabling a user ends sessions; the guard needs sessions and memberships).
 */
@Module({
  imports: [TypeOrmModule.forFeature([User, SsoIdentity, Team, Membership, Session, Satellite])],
  controllers: [AuthController, SsoController, MeController, UsersController, TeamsController],
  providers: [
    UsersRepository,
    TeamsRepository,
    SessionsRepository,
    SessionsService,
    LoginThrottle,
    AuthService,
    SsoService,
    MeService,
    UsersService,
    TeamsService,
    MembersService,
    AdminBootstrap,
    SessionAuthenticator,
    SatellitesRepository,
    WakeupService,
    AccessEvents,
    { provide: AUTHENTICATOR, useExisting: SessionAuthenticator },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [TeamsRepository, UsersRepository, SatellitesRepository, WakeupService, AccessEvents],
})
export class IdentityModule {}
