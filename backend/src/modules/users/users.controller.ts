import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, UserDto } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto.js';
import { toUserDto } from './users.mapper.js';
import { UsersService } from './users.service.js';
import { ErrorResponseDoc, PageOf } from '../../core/openapi.js';
import { UserResponse } from '../identity/responses.dto.js';

@ApiTags('users')
@ApiResponse({ status: 400, type: ErrorResponseDoc, description: 'Validation failed (field messages in details)' })
@ApiResponse({ status: 401, type: ErrorResponseDoc, description: 'No or bad credentials' })
@ApiResponse({ status: 403, type: ErrorResponseDoc, description: 'Known resource, not allowed' })
@ApiResponse({ status: 404, type: ErrorResponseDoc, description: 'Unknown or foreign id' })
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated({ permission: 'users:manage' })
  @ApiOkResponse({ type: PageOf(UserResponse) })
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Post()
  @Authenticated({ permission: 'users:manage' })
  @ApiCreatedResponse({ type: UserResponse, description: 'The account, with its personal team created' })
  @ApiConflictResponse({ description: '`duplicate`: the email is taken' })
  async create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(dto), false);
  }

  @Get(':userId')
  @Authenticated({ permission: 'users:manage' })
  @ApiOkResponse({ type: UserResponse })
  get(@Param('userId') userId: string): Promise<UserDto> {
    return this.users.get(userId);
  }

  @Patch(':userId')
  @Authenticated({ permission: 'users:manage' })
  @ApiOkResponse({ type: UserResponse })
  @ApiConflictResponse({ type: ErrorResponseDoc, description: '`last_global_admin`' })
  update(@Param('userId') userId: string, @Body() dto: UpdateUserDto, @CurrentAuth() auth: AuthContext): Promise<UserDto> {
    return this.users.update(userId, dto, auth);
  }

  @Delete(':userId')
  @HttpCode(204)
  @Authenticated({ permission: 'users:manage' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: '`last_global_admin` or `last_team_admin`' })
  remove(@Param('userId') userId: string, @CurrentAuth() auth: AuthContext): Promise<void> {
    return this.users.remove(userId, auth);
  }
}
