import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GLOBAL_ROLES, type GlobalRole } from '@orbit/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/pagination.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'alice@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Alice Martin' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Omit for an SSO-only account; at least 12 characters' })
  @IsOptional()
  @IsString()
  password?: string;

  @ApiPropertyOptional({ enum: GLOBAL_ROLES, default: 'global_user' })
  @IsOptional()
  @IsIn(GLOBAL_ROLES)
  globalRole?: GlobalRole;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: GLOBAL_ROLES })
  @IsOptional()
  @IsIn(GLOBAL_ROLES)
  globalRole?: GlobalRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'matches email or name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
