import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthSettingsDto, LoginResponse } from '@orbit/contracts';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { Public } from '../../core/auth/access.decorator.js';
import { AppException, ErrorCode } from '../../core/errors/app.exception.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { REFRESH_COOKIE, clearRefreshCookie, setRefreshCookie } from './refresh-cookie.js';
import { ErrorResponseDoc } from '../../core/openapi.js';
import { AuthSettingsResponse, LoginResponseDoc } from '../identity/responses.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  @Get('settings')
  @Public()
  @ApiOkResponse({ type: AuthSettingsResponse })
  settings(): AuthSettingsDto {
    return {
      sso: { enabled: this.config.sso !== null, label: this.config.sso?.label ?? 'SSO' },
      teamCreation: this.config.teamCreation,
    };
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResponseDoc, description: 'The refresh token is set as an HttpOnly cookie' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDoc, description: 'Invalid email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures from this address (Retry-After)' })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const { tokens, user } = await this.auth.login(dto.email, dto.password, clientOf(req));
    setRefreshCookie(res, this.config, tokens.refreshToken);
    return { accessToken: tokens.accessToken, user };
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResponseDoc, description: 'New tokens from the refresh cookie, which rotates' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const token = refreshTokenOf(req);
    const refreshed = token ? await this.auth.refresh(token) : null;
    if (!refreshed) {
      clearRefreshCookie(res, this.config);
      throw new AppException(ErrorCode.Unauthorized, 'No valid session: sign in again');
    }
    setRefreshCookie(res, this.config, refreshed.tokens.refreshToken);
    return { accessToken: refreshed.tokens.accessToken, user: refreshed.user };
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'Ends the session of the refresh cookie (and of the bearer token, if any)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    await this.auth.logout(refreshTokenOf(req), bearer);
    clearRefreshCookie(res, this.config);
  }
}

function refreshTokenOf(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function clientOf(req: Request): { ip: string; userAgent?: string } {
  const userAgent = req.headers['user-agent'];
  return { ip: req.ip ?? 'unknown', ...(userAgent && { userAgent }) };
}
