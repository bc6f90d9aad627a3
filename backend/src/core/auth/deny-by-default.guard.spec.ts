import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException } from '../errors/app.exception.js';
import { DenyByDefaultGuard } from './deny-by-default.guard.js';
import { Public } from './public.decorator.js';

class Routes {
  @Public()
  open(): void {}

  closed(): void {}
}

@Public()
class PublicRoutes {
  anything(): void {}
}

function contextFor(cls: new () => object, method: string): ExecutionContext {
  return {
    getHandler: () => (cls.prototype as Record<string, unknown>)[method],
    getClass: () => cls,
  } as unknown as ExecutionContext;
}

describe('DenyByDefaultGuard', () => {
  const guard = new DenyByDefaultGuard(new Reflector());

  it('lets @Public() routes through', () => {
    expect(guard.canActivate(contextFor(Routes, 'open'))).toBe(true);
    expect(guard.canActivate(contextFor(PublicRoutes, 'anything'))).toBe(true);
  });

  it('refuses every undecorated route with 401', () => {
    expect(() => guard.canActivate(contextFor(Routes, 'closed'))).toThrow(AppException);
    try {
      guard.canActivate(contextFor(Routes, 'closed'));
    } catch (error) {
      expect((error as AppException).code).toBe('unauthorized');
    }
  });
});
