import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Type } from '@nestjs/common';

const pageTypes = new Map<Type<unknown>, Type<unknown>>();

/** An OpenAPI schema for `{items: T[], total, nextCursor?}`, one class per item type. */
export function PageOf<T>(item: Type<T>): Type<unknown> {
  const existing = pageTypes.get(item);
  if (existing) return existing;
  class Page {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ description: 'number of items across all pages' })
    total!: number;

    @ApiPropertyOptional({ description: 'pass as ?cursor= for the next page; absent on the last page' })
    nextCursor?: string;
  }
  Object.defineProperty(Page, 'name', { value: `PageOf${item.name.replace(/Dto$/, '')}` });
  pageTypes.set(item, Page);
  return Page;
}

/** The error body every failure answers. */
export class FieldErrorDoc {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'email must be a valid email address' })
  message!: string;
}

export class ErrorResponseDoc {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'Validation failed' })
  message!: string;

  @ApiPropertyOptional({
    description: '409 reason',
    enum: ['duplicate', 'personal_team', 'last_team_admin', 'last_global_admin', 'limit_exceeded'],
  })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDoc] })
  details?: FieldErrorDoc[];

  @ApiPropertyOptional()
  requestId?: string;
}
