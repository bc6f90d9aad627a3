import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@orbit/contracts';
import type { Response } from 'express';
import { Public } from '../../core/auth/access.decorator.js';
import { HealthResponseDto } from './health.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponseDto, description: 'Database and Redis answer' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'A dependency does not answer' })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    if (result.status !== 'ok') res.status(503);
    res.setHeader('Cache-Control', 'no-store');
    return result;
  }
}
