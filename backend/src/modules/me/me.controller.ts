import { Body, Controller, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CurrentUser } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { ChangePasswordDto, UpdateMeDto } from './dto/me.dto.js';
import { MeService } from './me.service.js';
import { ErrorResponseDoc } from '../../core/openapi.js';
import { CurrentUserResponse } from '../identity/responses.dto.js';

@ApiTags('me')
@ApiResponse({ status: 400, type: ErrorResponseDoc, description: 'Validation failed (field messages in details)' })
@ApiResponse({ status: 401, type: ErrorResponseDoc, description: 'No or bad credentials' })
@ApiResponse({ status: 403, type: ErrorResponseDoc, description: 'Known resource, not allowed' })
@ApiResponse({ status: 404, type: ErrorResponseDoc, description: 'Unknown or foreign id' })
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: CurrentUserResponse })
  get(@CurrentAuth() auth: AuthContext): Promise<CurrentUser> {
    return this.me.get(auth);
  }

  @Patch()
  @Authenticated()
  @ApiOkResponse({ type: CurrentUserResponse })
  update(@CurrentAuth() auth: AuthContext, @Body() dto: UpdateMeDto): Promise<CurrentUser> {
    return this.me.rename(auth, dto.name);
  }

  /** Changing the password ends every other session of the account. */
  @Put('password')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse()
  changePassword(@CurrentAuth() auth: AuthContext, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.me.changePassword(auth, dto.currentPassword, dto.newPassword);
  }
}
