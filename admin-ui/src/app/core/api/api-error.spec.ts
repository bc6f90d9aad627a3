import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from './api-error';

describe('ApiError.from', () => {
  it('keeps the server message and joins every detail of a field', () => {
    const error = ApiError.from(
      new HttpErrorResponse({
        status: 400,
        error: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          details: [
            { field: 'email', message: 'email must be an email' },
            { field: 'email', message: 'email must be shorter' },
          ],
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe('Validation failed');
    expect(error.fieldErrors).toEqual({ email: 'email must be an email; email must be shorter' });
  });

  it('says the server cannot be reached on a network failure', () => {
    expect(ApiError.from(new HttpErrorResponse({ status: 0 })).message).toBe('The Orbit server cannot be reached');
  });

  it('keeps a 409 conflict code', () => {
    const error = ApiError.from(
      new HttpErrorResponse({ status: 409, error: { statusCode: 409, error: 'Conflict', message: 'Taken', code: 'duplicate' } }),
    );
    expect(error.code).toBe('duplicate');
  });
});
