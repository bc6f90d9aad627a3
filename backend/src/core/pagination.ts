import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '@orbit/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AppException } from './errors/app.exception.js';

/** `?limit=&cursor=` on every list. The cursor is opaque to clients. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

export function pageWindow(query: PageQueryDto): PageWindow {
  const limit = query.limit ?? 50;
  if (query.cursor === undefined) return { limit, offset: 0 };
  const offset = Number(Buffer.from(query.cursor, 'base64url').toString('utf8').replace(/^o:/, ''));
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw AppException.validation([{ field: 'cursor', message: 'cursor is not a cursor this API issued' }]);
  }
  return { limit, offset };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  const next = window.offset + items.length;
  return next < total ? { items, total, nextCursor: Buffer.from(`o:${next}`).toString('base64url') } : { items, total };
}
