import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export type WithRequestId = IncomingMessage & { id?: string };

/**
 * First middleware of the app: every request gets an id (the caller's X-Request-Id when well-formed) before body
 * parsing, so even a 413 or a malformed body is answered and logged with one.
 */
export function requestIdMiddleware(req: WithRequestId, res: ServerResponse, next: () => void): void {
  const incoming = req.headers['x-request-id'];
  req.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}
