import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorResponse } from '@orbit/contracts';

/** An API failure as the console shows it: one message, plus messages per form field for 400s. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (!(error instanceof HttpErrorResponse)) return new ApiError(0, 'Something went wrong');
    if (error.status === 0) return new ApiError(0, 'The Orbit server cannot be reached');
    const body = error.error as Partial<ErrorResponse> | null;
    if (!body || typeof body.message !== 'string') return new ApiError(error.status, error.statusText || 'Request failed');
    const fields: Record<string, string> = {};
    // Every problem of a field at once (a weak password may break several rules).
    for (const detail of body.details ?? [])
      fields[detail.field] = fields[detail.field] ? `${fields[detail.field]}; ${detail.message}` : detail.message;
    return new ApiError(error.status, body.message, fields, body.code);
  }
}
