import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorResponse } from '@orbit/contracts';
import type { Request, Response } from 'express';
import { AppException, HTTP_STATUS_OF } from './app.exception.js';
import { errorBody } from './error-response.js';
import { isUniqueViolation } from './unique-violation.js';

/**
 * Maps every error to the API's error body. Known errors keep their message; anything else is logged with its
 * stack and answered as a bare 500, so no client ever sees a stack trace or an internal message.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    const body = this.toBody(exception, request);
    if (requestId) body.requestId = requestId;
    if (exception instanceof AppException && exception.options.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(Math.ceil(exception.options.retryAfterSeconds)));
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorResponse {
    if (exception instanceof AppException) {
      const { details, conflict } = exception.options;
      return errorBody(HTTP_STATUS_OF[exception.code], exception.message, {
        ...(conflict && { code: conflict }),
        ...(details && { details }),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string'
          ? raw
          : typeof (raw as { message?: unknown }).message === 'string'
            ? (raw as { message: string }).message
            : exception.message;
      if (status >= 500) this.logger.error(exception.stack ?? exception.message);
      return errorBody(status, message);
    }
    if (isUniqueViolation(exception)) {
      // Two requests raced for the same unique value (a slug, a name): the loser gets the conflict, not a 500.
      return errorBody(409, 'A record with this value already exists: reload and try again', { code: 'duplicate' });
    }
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`${request.method} ${request.originalUrl} failed: ${err.stack ?? err.message}`);
    return errorBody(500, 'Internal server error');
  }
}
