import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { currentRequestContext } from '../../core/request-context.js';
import { AuditService } from './audit.service.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every successful mutating request leaves an audit event. Services record precise ones (with before/after);
 * a mutation whose service recorded nothing still gets a generic entry naming the route.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!MUTATING.has(request.method)) return next.handle();
    return next.handle().pipe(
      mergeMap((result: unknown) => {
        const ctx = currentRequestContext();
        if (!ctx || ctx.audited || !ctx.actor) return [result];
        const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
        const teamId = typeof request.params['teamId'] === 'string' ? request.params['teamId'] : null;
        return from(
          this.audit
            .record({
              action: `${request.method.toLowerCase()} ${route}`,
              target: { type: 'route', id: request.path.slice(0, 100) },
              teamId,
            })
            .then(() => result),
        );
      }),
    );
  }
}
