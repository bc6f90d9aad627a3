import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateDraftDto {
  @ApiPropertyOptional({ description: 'a Claude Desktop config ({mcpServers: {…}}) or one of its entries' })
  @IsOptional()
  @IsObject()
  claudeDesktopConfig?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'which mcpServers entry to use when the config holds several' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  serverKey?: string;

  @ApiPropertyOptional({ description: 'a registry server.json (or a registry API item with `server`)' })
  @IsOptional()
  @IsObject()
  serverJson?: Record<string, unknown>;
}
