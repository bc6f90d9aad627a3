import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  CATALOG_STATUSES,
  TRANSPORT_TYPES,
  type CatalogStatus,
  type ConfigDefinition,
  type Transport,
  type TransportType,
} from '@orbit/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../core/pagination.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
export const SERVER_NAME = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;
export const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_-]{0,99}$/;

export class AvailabilityDto {
  @ApiProperty()
  @IsBoolean()
  allTeams!: boolean;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  teamIds!: string[];
}

export class CreateCatalogVersionDto {
  @ApiProperty({ example: '2026.8.31' })
  @Matches(VERSION, { message: 'version must be letters, digits, . + _ - (up to 100)' })
  version!: string;

  @ApiProperty({ description: '{type:"stdio", command, package?} or {type:"streamable-http"|"sse", url}' })
  @IsObject()
  transport!: Transport;

  @ApiProperty({ description: 'three-tier definition {template, team, user}' })
  @IsObject()
  config!: ConfigDefinition;
}

/** Overrides an existing version's transport and/or definition (an imported one keeps it through later syncs). */
export class UpdateCatalogVersionDto {
  @ApiPropertyOptional({ description: '{type:"stdio", command, package?} or {type:"streamable-http"|"sse", url}' })
  @IsOptional()
  @IsObject()
  transport?: Transport;

  @ApiPropertyOptional({ description: 'three-tier definition {template, team, user}' })
  @IsOptional()
  @IsObject()
  config?: ConfigDefinition;
}

export class CreateCatalogServerDto extends CreateCatalogVersionDto {
  @ApiProperty({ example: 'io.github.modelcontextprotocol/server-filesystem' })
  @Matches(SERVER_NAME, { message: 'name must look like io.github.owner/server' })
  @MaxLength(200)
  name!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(10_000)
  description!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'repository must be an http(s) URL' })
  repository?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'each icon must be an http(s) URL' })
  icons?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { each: true, message: 'each tag must be lower-case letters, digits or dashes' })
  tags?: string[];

  @ApiPropertyOptional({ description: 'makes a team-private entry' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ type: AvailabilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AvailabilityDto)
  availability?: AvailabilityDto;
}

/** Every descriptive field of an entry is optional on update; transport and configuration change through versions. */
export class UpdateCatalogServerDto extends PartialType(
  PickType(CreateCatalogServerDto, ['title', 'description', 'icons', 'tags', 'availability'] as const),
) {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'repository must be an http(s) URL' })
  repository?: string | null;

  @ApiPropertyOptional({ enum: CATALOG_STATUSES })
  @IsOptional()
  @IsIn(CATALOG_STATUSES)
  status?: CatalogStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  hidden?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  featured?: boolean;
}

export class CatalogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'text in the name, title or description' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'tag must be lower-case letters, digits or dashes' })
  tag?: string;

  @ApiPropertyOptional({ enum: TRANSPORT_TYPES })
  @IsOptional()
  @IsIn(TRANSPORT_TYPES)
  transport?: TransportType;

  @ApiPropertyOptional({ description: 'only entries this team may install' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
