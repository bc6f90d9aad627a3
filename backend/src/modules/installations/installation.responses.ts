import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRANSPORT_TYPES } from '@orbit/contracts';

export class InstallationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ format: 'uuid' }) serverId!: string;
  @ApiProperty() serverName!: string;
  @ApiProperty() serverTitle!: string;
  @ApiProperty() version!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ enum: ['ready', 'incomplete', 'disabled'] }) status!: string;
  @ApiProperty({ enum: ['active', 'deprecated', 'deleted'] }) upstreamStatus!: string;
  @ApiProperty({ type: String, nullable: true }) latestVersion!: string | null;
  @ApiProperty() updateAvailable!: boolean;
  @ApiProperty() transport!: object;
  @ApiProperty({ description: '{template, team, user}' }) definition!: object;
  @ApiProperty({ description: 'team values by target; secrets "*****"' }) config!: object;
  @ApiProperty({ description: '{"env.DEBUG": true}' }) locks!: object;
  @ApiProperty() toolPolicy!: object;
  @ApiProperty({ type: [String] }) missing!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class UserConfigResponse {
  @ApiProperty({ format: 'uuid' }) installationId!: string;
  @ApiProperty({ description: 'the caller\'s values; secrets "*****"' }) values!: object;
  @ApiProperty({ type: [String] }) editable!: string[];
  @ApiProperty({ enum: ['ready', 'incomplete', 'awaiting_user_config', 'disabled'] }) status!: string;
  @ApiProperty({ type: [String] }) missing!: string[];
}

export class MemberConfigStateResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], description: 'keys set, never values' }) set!: string[];
  @ApiProperty({ enum: ['ready', 'incomplete', 'awaiting_user_config', 'disabled'] }) status!: string;
  @ApiProperty({ type: [String] }) missing!: string[];
}

class InvalidValueDoc {
  @ApiProperty() key!: string;
  @ApiProperty() message!: string;
}

export class EffectiveConfigResponse {
  @ApiProperty({ enum: TRANSPORT_TYPES }) transportType!: string;
  @ApiPropertyOptional() command?: string;
  @ApiPropertyOptional({ type: [String] }) args?: string[];
  @ApiPropertyOptional({ description: 'secrets "*****"' }) env?: object;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional() headers?: object;
  @ApiPropertyOptional() queryParams?: object;
  @ApiProperty({ enum: ['ready', 'incomplete', 'awaiting_user_config', 'disabled'] }) status!: string;
  @ApiProperty({ type: [String] }) missing!: string[];
  @ApiProperty({ type: [InvalidValueDoc] }) invalid!: InvalidValueDoc[];
}

export class ToolsResponse {
  @ApiProperty({ type: [Object], description: 'discovered tools (reported by satellites)' }) tools!: object[];
  @ApiProperty({ type: [String] }) disabled!: string[];
}
