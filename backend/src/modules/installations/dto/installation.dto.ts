import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ConfigWriteValues, Locks } from '@orbit/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VERSION } from '../../catalog/dto/catalog.dto.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

export class ToolPolicyDto {
  @ApiProperty({ type: [String], description: 'tool names switched off for the team' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  disabled!: string[];
}

export class CreateInstallationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'serverId must be a catalog entry id' })
  serverId!: string;

  @ApiProperty({ example: '2026.8.31' })
  @Matches(VERSION, { message: 'version must be letters, digits, . + _ - (up to 100)' })
  version!: string;

  @ApiPropertyOptional({ description: '[a-z0-9-]{1,32}, unique in the team; derived from the name when omitted' })
  @IsOptional()
  @Matches(SLUG, { message: 'slug must be 1-32 lower-case letters, digits or dashes' })
  slug?: string;

  @ApiPropertyOptional({ description: 'team values by target: {env: {NAME: "…"}, args: {name: ["…"]}}; secrets are write-only' })
  @IsOptional()
  @IsObject()
  config?: ConfigWriteValues;

  @ApiPropertyOptional({ description: '{"env.DEBUG": false}: lock or unlock user-tier elements' })
  @IsOptional()
  @IsObject()
  locks?: Locks;
}

export class UpdateInstallationDto {
  @ApiPropertyOptional({ description: 'a value replaces, "*****" keeps a stored secret, null erases' })
  @IsOptional()
  @IsObject()
  config?: ConfigWriteValues;

  @ApiPropertyOptional()
  @IsOptional()
  @IsObject()
  locks?: Locks;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'pin another version; values carry over by key' })
  @IsOptional()
  @Matches(VERSION, { message: 'version must be letters, digits, . + _ - (up to 100)' })
  version?: string;

  @ApiPropertyOptional({ type: ToolPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ToolPolicyDto)
  toolPolicy?: ToolPolicyDto;
}
