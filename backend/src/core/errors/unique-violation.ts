/** Whether a TypeORM error is a unique or primary key violation, on MySQL/MariaDB and on SQLite alike. */
export function isUniqueViolation(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
