import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-response.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Express error middleware for what happens before Nest's router: body-parser's oversized or malformed
 * bodies. Without it express answers with an HTML page (and a stack trace outside production).
 */
export function bodyParserErrorHandler(err: BodyParserError, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  const extra = typeof (req as { id?: unknown }).id === 'string' ? { requestId: (req as { id: string }).id } : {};
  switch (err.type) {
    case 'entity.too.large':
      res
        .status(413)
        .json(
          errorBody(
            413,
            err.limit ? `Request body is larger than the limit of ${err.limit} bytes` : 'Request body is too large',
            extra,
          ),
        );
      return;
    case 'entity.parse.failed':
      res.status(400).json(errorBody(400, 'Request body is not valid JSON', extra));
      return;
    case 'encoding.unsupported':
    case 'charset.unsupported':
      res.status(415).json(errorBody(415, err.message, extra));
      return;
    default:
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        res.status(err.status).json(errorBody(err.status, err.message, extra));
        return;
      }
      next(err);
  }
}
