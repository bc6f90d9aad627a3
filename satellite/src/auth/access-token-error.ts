/**
 * Why an access token was refused. `insufficient_scope` is a valid token without the `mcp` scope (RFC 6750: 403);
 * `jwks_unavailable` means the signing keys could not be fetched, a fault of ours rather than the client's (503, so
 * the client does not throw away a good token); every other reason is RFC 6750's `invalid_token` (401).
 */
export const ACCESS_TOKEN_REFUSALS = [
  'malformed',
  'bad_signature',
  'bad_issuer',
  'bad_audience',
  'expired',
  'revoked',
  'insufficient_scope',
  'jwks_unavailable',
] as const;
export type AccessTokenRefusal = (typeof ACCESS_TOKEN_REFUSALS)[number];

export class AccessTokenError extends Error {
  constructor(
    readonly reason: AccessTokenRefusal,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AccessTokenError';
  }

  /** The `error` of a `WWW-Authenticate: Bearer` challenge, or null when the fault is ours (answer 503). */
  get bearerError(): 'invalid_token' | 'insufficient_scope' | null {
    if (this.reason === 'jwks_unavailable') return null;
    return this.reason === 'insufficient_scope' ? 'insufficient_scope' : 'invalid_token';
  }

  get httpStatus(): 401 | 403 | 503 {
    if (this.reason === 'jwks_unavailable') return 503;
    return this.reason === 'insufficient_scope' ? 403 : 401;
  }
}
