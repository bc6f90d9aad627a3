import { type ArgumentsHost, NotFoundException } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { AppException } from './app.exception.js';

function hostCapturing() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const request = { id: 'req-1', method: 'GET', originalUrl: '/api/x' };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('AllExceptionsFilter', () => {
  const filter = new AllExceptionsFilter();

  it('maps a conflict to 409 with its code', () => {
    const { host, sent } = hostCapturing();
    filter.catch(AppException.conflict('duplicate', 'A user with this email exists'), host);
    expect(sent.status).toBe(409);
    expect(sent.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'A user with this email exists',
      code: 'duplicate',
      requestId: 'req-1',
    });
  });

  it('maps validation errors to 400 with field details', () => {
    const { host, sent } = hostCapturing();
    filter.catch(AppException.validation([{ field: 'email', message: 'email must be an email' }]), host);
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ details: [{ field: 'email', message: 'email must be an email' }] });
  });

  it('sets Retry-After on 429', () => {
    const { host, sent } = hostCapturing();
    filter.catch(new AppException('too_many_requests', 'Slow down', { retryAfterSeconds: 2.2 }), host);
    expect(sent.status).toBe(429);
    expect(sent.headers['Retry-After']).toBe('3');
  });

  it("keeps Nest's HTTP exceptions", () => {
    const { host, sent } = hostCapturing();
    filter.catch(new NotFoundException('Cannot GET /api/x'), host);
    expect(sent.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /api/x', requestId: 'req-1' });
  });

  it('hides the message and stack of unexpected errors', () => {
    const { host, sent } = hostCapturing();
    filter.catch(new Error('ER_DUP_ENTRY at /srv/app/secret/path.js:12'), host);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      requestId: 'req-1',
    });
  });

  it('answers a unique-key race from the database as a 409 duplicate', () => {
    const { host, sent } = hostCapturing();
    filter.catch(
      Object.assign(new Error("Duplicate entry 'x' for key 'uq_teams_slug'"), { driverError: { code: 'ER_DUP_ENTRY' } }),
      host,
    );
    expect(sent.status).toBe(409);
    expect(sent.body).toMatchObject({ code: 'duplicate' });
    expect(JSON.stringify(sent.body)).not.toContain('uq_teams_slug');
  });
});
