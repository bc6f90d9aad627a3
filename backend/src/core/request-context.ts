import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** Per-request facts the audit log needs deep inside services, without threading them through every call. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  actor: { id: string; email: string } | null;
  /** Set when a service recorded an audit event, so the interceptor does not add a generic one. */
  audited: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const id = (req as { id?: unknown }).id;
  storage.run({ requestId: typeof id === 'string' ? id : null, ip: req.ip ?? null, actor: null, audited: false }, next);
}
