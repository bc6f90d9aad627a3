import { ApiProperty } from '@nestjs/swagger';
import { CATALOG_STATUSES, TRANSPORT_TYPES } from '@orbit/contracts';

class AvailabilityDoc {
  @ApiProperty() allTeams!: boolean;
  @ApiProperty({ type: [String] }) teamIds!: string[];
}

export class CatalogServerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) repository!: string | null;
  @ApiProperty({ type: [String] }) icons!: string[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: ['registry', 'manual'] }) source!: string;
  @ApiProperty({ description: 'deleted in the registry: hidden from browsing' }) upstreamDeleted!: boolean;
  @ApiProperty({ type: String, nullable: true }) ownerTeamId!: string | null;
  @ApiProperty({ enum: CATALOG_STATUSES }) status!: string;
  @ApiProperty() hidden!: boolean;
  @ApiProperty() featured!: boolean;
  @ApiProperty({ type: AvailabilityDoc }) availability!: AvailabilityDoc;
  @ApiProperty({ type: String, nullable: true }) latestVersion!: string | null;
  @ApiProperty({ enum: TRANSPORT_TYPES, nullable: true }) transportType!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CatalogVersionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) serverId!: string;
  @ApiProperty() version!: string;
  @ApiProperty() isLatest!: boolean;
  @ApiProperty({ enum: [...CATALOG_STATUSES, 'deleted'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ description: 'false for registry packages satellites cannot run yet (pypi, oci, nuget, mcpb)' })
  runnable!: boolean;
  @ApiProperty({ description: 'an admin changed the imported definition; syncs keep it' }) mappingOverridden!: boolean;
  @ApiProperty({ description: '{type:"stdio", command, package?} or {type, url}' }) transport!: object;
  @ApiProperty({ description: '{template, team, user}' }) config!: object;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class FieldErrorDocForDraft {
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class CatalogDraftResponse {
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ description: 'proposed transport' }) transport!: object;
  @ApiProperty({ description: 'proposed {template, team, user}' }) config!: object;
  @ApiProperty({ type: [String] }) notes!: string[];
  @ApiProperty({ type: [FieldErrorDocForDraft], description: 'what creating it as is would refuse' })
  problems!: FieldErrorDocForDraft[];
}
