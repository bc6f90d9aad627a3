import { Body, Controller, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { CurrentUser } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { ChangePasswordDto, UpdateMeDto } from './dto/me.dto.js';
import { MeService } from './me.service.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Authenticated()
  get(@CurrentAuth() auth: AuthContext): Promise<CurrentUser> {
    return this.me.get(auth);
  }

  @Patch()
  @Authenticated()
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
