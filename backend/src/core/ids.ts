const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a path parameter can be one of our ids. Anything else is answered 404 without a query, so a malformed id
 * and an unknown one look the same to the caller.
 */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
