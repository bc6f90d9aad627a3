import { ApiProperty } from '@nestjs/swagger';

export class OAuthClientResponse {
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['console', 'dynamic'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) teamName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerEmail!: string | null;
  @ApiProperty({ type: [String] }) grantTypes!: string[];
  @ApiProperty({ type: [String] }) redirectUris!: string[];
  @ApiProperty({ enum: ['web', 'native'] }) applicationType!: string;
  @ApiProperty() tokenEndpointAuthMethod!: string;
  @ApiProperty() hasSecret!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastUsedAt!: string | null;
}

export class OAuthClientWithSecretResponse extends OAuthClientResponse {
  @ApiProperty({ type: String, nullable: true, description: 'orbit_cs_…, shown this once' }) clientSecret!: string | null;
}

class InteractionClient {
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() redirectHost!: string;
  @ApiProperty() redirectUri!: string;
  @ApiProperty({ enum: ['console', 'dynamic', 'metadata-document'] }) kind!: string;
}

class InteractionTeam {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() mcpUrl!: string;
}

export class OAuthInteractionResponse {
  @ApiProperty() uid!: string;
  @ApiProperty({ type: InteractionClient }) client!: InteractionClient;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ type: String, nullable: true }) resource!: string | null;
  @ApiProperty({ type: [InteractionTeam] }) teams!: InteractionTeam[];
}

export class OAuthInteractionResultResponse {
  @ApiProperty({ description: 'where the browser goes next' }) redirectTo!: string;
}

export class ConnectInfoResponse {
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ description: "the satellite group's /mcp URL" }) mcpUrl!: string;
  @ApiProperty() issuer!: string;
}

class RevocationEntryResponse {
  @ApiProperty({ enum: ['jti', 'client', 'user'] }) kind!: string;
  @ApiProperty() value!: string;
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ format: 'date-time' }) revokedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class RevocationFeedResponse {
  @ApiProperty({ type: [RevocationEntryResponse] }) entries!: RevocationEntryResponse[];
}
