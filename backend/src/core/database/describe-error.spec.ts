import { describeDatabaseError, isDatabaseError } from './describe-error.js';

const mysql = {
  type: 'mysql' as const,
  flavour: 'mysql' as const,
  url: 'mysql://root:pw@db:3306/orbit',
  maskedUrl: 'mysql://root:*****@db:3306/orbit',
  migrationsRun: true,
};

describe('describeDatabaseError', () => {
  it('explains a refused connection with the masked URL', () => {
    const message = describeDatabaseError(mysql, Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(message).toBe(
      'Cannot open the database at mysql://root:*****@db:3306/orbit: connection refused: is the server running and listening on that host and port?',
    );
  });

  it('names a missing database', () => {
    const err = { code: 'ER_BAD_DB_ERROR', sqlMessage: "Unknown database 'orbit'" };
    expect(describeDatabaseError(mysql, err)).toContain("Unknown database 'orbit': create it first");
    expect(isDatabaseError(err)).toBe(true);
  });

  it('never repeats a password that a driver echoed back', () => {
    const message = describeDatabaseError(mysql, new Error(`bad thing with ${mysql.url}`));
    expect(message).not.toContain(':pw@');
  });

  it('does not take ordinary errors for database errors', () => {
    expect(isDatabaseError(new Error('boom'))).toBe(false);
    expect(isDatabaseError(Object.assign(new Error('in use'), { code: 'EADDRINUSE' }))).toBe(false);
  });
});
