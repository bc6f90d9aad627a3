import type { ErrorResponse } from '@orbit/contracts';

const STATUS_TEXTS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  503: 'Service Unavailable',
};

/** An API error answer as `flush` takes it: `request.flush(...failure(409, 'Taken', { code: 'duplicate' }))`. */
export function failure(
  status: number,
  message: string,
  extra: Pick<ErrorResponse, 'code' | 'details'> = {},
): [ErrorResponse, { status: number; statusText: string }] {
  const statusText = STATUS_TEXTS[status] ?? 'Error';
  return [
    { statusCode: status, error: statusText, message, ...extra },
    { status, statusText },
  ];
}
