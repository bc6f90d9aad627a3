import type { DatabaseConfig } from '../../config/env.schema.js';

interface DriverError {
  code?: string;
  errno?: number;
  sqlMessage?: string;
  message?: string;
}

/** A one-line explanation of why the database could not be opened, naming the URL with its password masked. */
export function describeDatabaseError(database: DatabaseConfig, error: unknown): string {
  const err = (error ?? {}) as DriverError;
  const where = database.type === 'mysql' ? database.maskedUrl : database.path;
  const reason = (() => {
    switch (err.code) {
      case 'ER_BAD_DB_ERROR':
        return `${err.sqlMessage ?? 'unknown database'}: create it first (CREATE DATABASE …) or fix DATABASE_URL`;
      case 'ER_ACCESS_DENIED_ERROR':
        return 'access denied: check the user and password in DATABASE_URL';
      case 'ECONNREFUSED':
        return 'connection refused: is the server running and listening on that host and port?';
      case 'ETIMEDOUT':
        return 'connection timed out: the host does not answer';
      case 'ENOTFOUND':
        return 'host not found';
      default:
        return err.sqlMessage ?? err.message ?? String(error);
    }
  })();
  // Drivers sometimes echo the URL back: never let a password through.
  const safe = database.type === 'mysql' ? reason.split(database.url).join(database.maskedUrl) : reason;
  return `Cannot open the database at ${where}: ${safe}`;
}

export function isDatabaseError(error: unknown): boolean {
  const err = (error ?? {}) as DriverError;
  return (
    typeof err.code === 'string' &&
    (err.code.startsWith('ER_') ||
      ['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'SQLITE_CANTOPEN'].includes(err.code))
  );
}
