import { ApiPropertyOptional } from '@nestjs/swagger';
import type { StartSyncRequest } from '@orbit/contracts';
import { IsBoolean, IsOptional } from 'class-validator';

export class StartSyncDto implements StartSyncRequest {
  @ApiPropertyOptional({ description: 'Page the whole registry (default: only what changed since the last successful run)' })
  @IsOptional()
  @IsBoolean()
  full?: boolean;
}
