import { STATUS_CODES } from 'node:http';
import type { ErrorResponse } from '@orbit/contracts';

/** The one error body of the API: `{statusCode, error, message, code?, details?, requestId?}`. */
export function errorBody(statusCode: number, message: string, extra: Partial<ErrorResponse> = {}): ErrorResponse {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}
