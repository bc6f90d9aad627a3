import { MCP_SCOPE } from '@orbit/contracts';
import type { Request } from 'express';

/**
 * The provider trusts X-Forwarded-* when `proxy` is on; express already decided, with TRUSTED_PROXIES, what to believe
 * of them. Hand the provider express's verdict, so a client that is not a trusted proxy can't choose the host or
 * scheme the provider builds URLs from.
 */
export function trustedForwarding(req: Request): void {
  req.headers['x-forwarded-proto'] = req.protocol;
  // Express 5's req.host: X-Forwarded-Host from a trusted proxy, else the Host header (with its port).
  req.headers['x-forwarded-host'] = req.host;
  req.headers['x-forwarded-for'] = req.ip ?? '';
  delete req.headers['forwarded'];
}

/**
 * Every authorization request asks for `mcp`, the one scope that makes a token useful: one with no scope, or only
 * `openid`/`offline_access`, would end in a token satellites refuse (or in access_denied after consent).
 */
export function defaultScope(req: Request): void {
  const url = new URL(req.url, 'http://orbit.invalid');
  const scopes = (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean);
  if (!scopes.includes(MCP_SCOPE)) {
    url.searchParams.set('scope', [...scopes, MCP_SCOPE].join(' '));
    req.url = `${url.pathname}${url.search}`;
  }
}
