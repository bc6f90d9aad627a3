import type { FieldError } from '@orbit/contracts';

/** Error codes of the whole API; the exception filter maps each to one HTTP status. */
export const ErrorCode = {
  Validation: 'validation',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  PayloadTooLarge: 'payload_too_large',
  TooManyRequests: 'too_many_requests',
  Unavailable: 'unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The documented 409 reasons (DESIGN, roles and permissions). */
export type ConflictCode =
  'personal_team' | 'last_team_admin' | 'last_global_admin' | 'limit_exceeded' | 'duplicate' | 'in_use' | 'in_progress';

export interface AppExceptionOptions {
  details?: FieldError[];
  conflict?: ConflictCode;
  retryAfterSeconds?: number;
}

export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: AppExceptionOptions = {},
  ) {
    super(message);
    this.name = 'AppException';
  }

  static validation(details: FieldError[], message = 'Validation failed'): AppException {
    return new AppException(ErrorCode.Validation, message, { details });
  }

  static notFound(what: string): AppException {
    return new AppException(ErrorCode.NotFound, `${what} not found`);
  }

  static conflict(conflict: ConflictCode, message: string): AppException {
    return new AppException(ErrorCode.Conflict, message, { conflict });
  }
}

export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
};
