import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException, ErrorCode } from '../errors/app.exception.js';
import { IS_PUBLIC } from './public.decorator.js';

/**
 * Global guard: a route is reachable only when it says `@Public()`. Authentication and per-route permissions
 * (identity issue) extend this guard; until then nothing but public routes answers.
 */
@Injectable()
export class DenyByDefaultGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic === true) return true;
    throw new AppException(ErrorCode.Unauthorized, 'Authentication required');
  }
}
