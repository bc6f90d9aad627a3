import { ApiProperty } from '@nestjs/swagger';
import type { CheckStatus, HealthResponse } from '@orbit/contracts';

class HealthChecksDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  db!: CheckStatus;

  @ApiProperty({ enum: ['ok', 'error'] })
  redis!: CheckStatus;
}

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: CheckStatus;

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;
}
