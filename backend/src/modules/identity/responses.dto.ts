import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GLOBAL_ROLES,
  TEAM_ROLES,
  type AuditEventDto,
  type AuthSettingsDto,
  type CurrentUser,
  type GlobalRole,
  type LoginResponse,
  type MemberDto,
  type TeamDto,
  type TeamLimits,
  type TeamMembershipSummary,
  type TeamRole,
  type UserDto,
} from '@orbit/contracts';

/** OpenAPI schemas of the identity responses; the shapes themselves are the contracts' interfaces. */
export class UserResponse implements UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: GLOBAL_ROLES }) globalRole!: GlobalRole;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ description: 'false for SSO-only accounts' }) hasPassword!: boolean;
  @ApiProperty() ssoLinked!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TeamMembershipSummaryResponse implements TeamMembershipSummary {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ enum: TEAM_ROLES }) role!: TeamRole;
  @ApiProperty() personal!: boolean;
}

export class CurrentUserResponse implements CurrentUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: GLOBAL_ROLES }) globalRole!: GlobalRole;
  @ApiProperty({ type: [TeamMembershipSummaryResponse] }) teams!: TeamMembershipSummaryResponse[];
}

export class LoginResponseDoc implements LoginResponse {
  @ApiProperty({ description: 'Bearer token for the API (15 minutes by default)' }) accessToken!: string;
  @ApiProperty({ type: CurrentUserResponse }) user!: CurrentUserResponse;
}

class SsoSettingsDoc {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() label!: string;
}

export class AuthSettingsResponse implements AuthSettingsDto {
  @ApiProperty({ type: SsoSettingsDoc }) sso!: SsoSettingsDoc;
  @ApiProperty({ enum: ['everyone', 'admins'] }) teamCreation!: 'everyone' | 'admins';
}

class TeamLimitsDoc implements TeamLimits {
  @ApiProperty({ type: Number, nullable: true }) maxMembers!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxInstallations!: number | null;
}

export class TeamResponse implements TeamDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() personal!: boolean;
  @ApiProperty({ description: 'bumped by every change that affects what satellites run' }) configVersion!: number;
  @ApiProperty({ type: TeamLimitsDoc }) limits!: TeamLimitsDoc;
  @ApiProperty() memberCount!: number;
  @ApiPropertyOptional({ enum: TEAM_ROLES, description: "the caller's role; absent for a global admin outside the team" })
  myRole?: TeamRole;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MemberResponse implements MemberDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TEAM_ROLES }) role!: TeamRole;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

class AuditActorDoc {
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

class AuditTargetDoc {
  @ApiProperty() type!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
}

export class AuditEventResponse implements AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ type: AuditActorDoc }) actor!: AuditActorDoc;
  @ApiProperty({ example: 'team.member.add' }) action!: string;
  @ApiProperty({ type: AuditTargetDoc }) target!: AuditTargetDoc;
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ description: 'previous values, secrets masked', nullable: true }) before!: unknown;
  @ApiProperty({ description: 'new values, secrets masked', nullable: true }) after!: unknown;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}
