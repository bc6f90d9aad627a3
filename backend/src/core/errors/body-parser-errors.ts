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
export function bodyParserErrorHandler(err: BodyParserError, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  switch (err.type) {
    case 'entity.too.large':
      res.status(413).json(errorBody(413, `Request body is larger than the ${err.limit ?? ''} byte limit`.replace('  ', ' ')));
      return;
    case 'entity.parse.failed':
      res.status(400).json(errorBody(400, 'Request body is not valid JSON'));
      return;
    case 'encoding.unsupported':
    case 'charset.unsupported':
      res.status(415).json(errorBody(415, err.message));
      return;
    default:
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        res.status(err.status).json(errorBody(err.status, err.message));
        return;
      }
      next(err);
  }
}
