import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const SSO_STATE_COOKIE = 'orbit_sso';
const MAX_AGE_MS = 10 * 60 * 1000;

type StoreCallback = (err: Error | null, state?: string) => void;
type VerifyCallback = (err: Error | null, ok: string | false, info?: { message: string }) => void;

/**
 * passport-oauth2's state store without a server-side session: the state handle and the PKCE verifier travel in a
 * short-lived, HMAC-signed, HttpOnly cookie scoped to the SSO routes, and are checked once on the callback.
 */
export class CookieStateStore {
  constructor(
    private readonly key: Buffer,
    private readonly secure: boolean,
  ) {}

  store(req: Request, verifier: string, _state: unknown, _meta: unknown, callback: StoreCallback): void {
    const handle = randomBytes(24).toString('base64url');
    const expires = Date.now() + MAX_AGE_MS;
    const payload = `${handle}.${verifier}.${expires}`;
    (req.res as Response).cookie(SSO_STATE_COOKIE, `${payload}.${this.sign(payload)}`, {
      httpOnly: true,
      // Lax: the cookie must come back on the provider's top-level redirect to our callback.
      sameSite: 'lax',
      secure: this.secure,
      path: '/api/auth/sso',
      maxAge: MAX_AGE_MS,
    });
    callback(null, handle);
  }

  verify(req: Request, providedState: string, callback: VerifyCallback): void {
    const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SSO_STATE_COOKIE];
    (req.res as Response).clearCookie(SSO_STATE_COOKIE, { path: '/api/auth/sso' });
    const parts = typeof cookie === 'string' ? cookie.split('.') : [];
    const [handle, verifier, expires, signature] = parts;
    if (parts.length !== 4 || !handle || !verifier || !expires || !signature) {
      return callback(null, false, { message: 'state_missing' });
    }
    const expected = Buffer.from(this.sign(`${handle}.${verifier}.${expires}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return callback(null, false, { message: 'state_forged' });
    if (Number(expires) < Date.now()) return callback(null, false, { message: 'state_expired' });
    const a = Buffer.from(handle);
    const b = Buffer.from(String(providedState ?? ''));
    if (a.length !== b.length || !timingSafeEqual(a, b)) return callback(null, false, { message: 'state_mismatch' });
    callback(null, verifier);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
