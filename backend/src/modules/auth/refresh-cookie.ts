import type { Response } from 'express';
import type { AppConfig } from '../../config/env.schema.js';

export const REFRESH_COOKIE = 'orbit_rt';

function options(config: AppConfig) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.nodeEnv === 'production' || config.publicUrl.startsWith('https:'),
    // Sent only to the auth routes that need it, never with ordinary API calls.
    path: '/api/auth',
  };
}

export function setRefreshCookie(res: Response, config: AppConfig, token: string): void {
  res.cookie(REFRESH_COOKIE, token, { ...options(config), maxAge: config.sessions.refreshTtlSeconds * 1000 });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, options(config));
}
