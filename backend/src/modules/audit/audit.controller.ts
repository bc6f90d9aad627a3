import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditEventDto, Page } from '@orbit/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentAuth, isGlobalAdmin, type AuthContext } from '../../core/auth/auth-context.js';
import { AppException } from '../../core/errors/app.exception.js';
import type { AuditEvent } from './audit-event.entity.js';
import { AuditQueryDto } from './audit-query.dto.js';
import { AuditRepository } from './audit.repository.js';
import { PageOf } from '../../core/openapi.js';
import { AuditEventResponse } from '../identity/responses.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  /** Always 200: global admins see everything, team admins their teams' events, everyone their own actions. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: PageOf(AuditEventResponse), description: 'Newest first' })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: AuditQueryDto): Promise<Page<AuditEventDto>> {
    const limit = query.limit ?? 50;
    let beforeId: string | undefined;
    if (query.cursor !== undefined) {
      beforeId = Buffer.from(query.cursor, 'base64url').toString('utf8').replace(/^a:/, '');
      if (!/^\d{1,19}$/.test(beforeId))
        throw AppException.validation([{ field: 'cursor', message: 'cursor is not a cursor this API issued' }]);
    }
    const adminTeams = [...auth.memberships].filter(([, role]) => role === 'team_admin').map(([teamId]) => teamId);
    const { rows, total } = await this.audit.find(
      {
        ...(query.teamId && { teamId: query.teamId }),
        ...(query.actor && { actor: query.actor }),
        ...(query.action && { action: query.action }),
        ...(query.from && { from: new Date(query.from) }),
        ...(query.to && { to: new Date(query.to) }),
        ...(!isGlobalAdmin(auth) && { visibleTo: { actorId: auth.user.id, teamIds: adminTeams } }),
      },
      limit,
      beforeId,
    );
    const items = rows.slice(0, limit).map(toDto);
    const last = items.at(-1);
    return rows.length > limit && last
      ? { items, total, nextCursor: Buffer.from(`a:${last.id}`).toString('base64url') }
      : { items, total };
  }
}

function parse(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

function toDto(e: AuditEvent): AuditEventDto {
  return {
    id: String(e.id),
    time: e.createdAt.toISOString(),
    actor: { id: e.actorId, email: e.actorEmail },
    action: e.action,
    target: { type: e.targetType, id: e.targetId },
    teamId: e.teamId,
    before: parse(e.before),
    after: parse(e.after),
    requestId: e.requestId,
  };
}
