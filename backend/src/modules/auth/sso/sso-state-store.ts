import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { safeReturnUrl } from './return-url.js';

export const SSO_STATE_COOKIE = 'orbit_sso';
const MAX_AGE_MS = 10 * 60 * 1000;

/**
 * What the sign-in carries from its start to its callback besides the PKCE verifier. Passed to passport as the
 * `state` option, given back by the callback as `info.state`.
 */
export interface SsoState {
  /** The console path to end on (already checked with `safeReturnUrl`). */
  returnUrl?: string;
}

type StoreCallback = (err: Error | null, state?: string) => void;
type VerifyCallback = (err: Error | null, ok: string | false, info?: { message: string } | SsoState) => void;

/**
 * passport-oauth2's state store without a server-side session: the state handle, the PKCE verifier and the return
 * path travel in a short-lived, HMAC-signed, HttpOnly cookie scoped to the SSO routes, and are checked once on the
 * callback.
 */
export class CookieStateStore {
  constructor(
    private readonly key: Buffer,
    private readonly secure: boolean,
  ) {}

  store(req: Request, verifier: string, state: SsoState | undefined, _meta: unknown, callback: StoreCallback): void {
    const handle = randomBytes(24).toString('base64url');
    const expires = Date.now() + MAX_AGE_MS;
    // base64url: the path may hold the dots that separate the cookie's parts.
    const returnUrl = Buffer.from(safeReturnUrl(state?.returnUrl) ?? '').toString('base64url');
    const payload = `${handle}.${verifier}.${expires}.${returnUrl}`;
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
    const [handle, verifier, expires, returnUrl, signature] = parts;
    // The return path is the one part that may be empty.
    if (parts.length !== 5 || !handle || !verifier || !expires || returnUrl === undefined || !signature) {
      return callback(null, false, { message: 'state_missing' });
    }
    const expected = Buffer.from(this.sign(`${handle}.${verifier}.${expires}.${returnUrl}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return callback(null, false, { message: 'state_forged' });
    if (Number(expires) < Date.now()) return callback(null, false, { message: 'state_expired' });
    const a = Buffer.from(handle);
    const b = Buffer.from(String(providedState ?? ''));
    if (a.length !== b.length || !timingSafeEqual(a, b)) return callback(null, false, { message: 'state_mismatch' });
    const state: SsoState = {};
    const path = safeReturnUrl(Buffer.from(returnUrl, 'base64url').toString('utf8'));
    if (path) state.returnUrl = path;
    callback(null, verifier, state);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
