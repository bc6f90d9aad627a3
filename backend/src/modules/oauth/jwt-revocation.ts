import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { RevocationsService } from './revocations.service.js';

/**
 * RFC 7009 for our JWT access tokens: the provider stores no JWT, so after it has authenticated the client and
 * answered 200, a token of ours that belongs to that client becomes a `jti` revocation entry for satellites.
 */
export function revokeJwtAccessTokens(signingKeys: JWK[], issuer: string, revocations: RevocationsService) {
  const keys = createLocalJWKSet({ keys: signingKeys.map(publicJwk) });
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> => {
    await next();
    // The provider refuses structured tokens (`unsupported_token_type`) after it authenticated the client.
    const refused = (ctx.body as { error?: string } | undefined)?.error === 'unsupported_token_type';
    if (ctx.oidc?.route !== 'revocation' || ctx.status !== 400 || !refused) return;
    const value = ctx.oidc.params?.['token'];
    const clientId = ctx.oidc.client?.clientId;
    if (typeof value !== 'string' || !clientId) return;
    try {
      const { payload } = await jwtVerify(value, keys, { issuer: issuer, typ: 'at+jwt' });
      // Only the client the token was issued to may revoke it; another client's request changes nothing.
      if (payload.client_id === clientId && typeof payload.jti === 'string' && typeof payload.exp === 'number') {
        await revocations.revoke([{ kind: 'jti', value: payload.jti, expiresAt: new Date(payload.exp * 1000) }]);
      }
    } catch {
      // Not one of our valid tokens: RFC 7009 answers 200 all the same.
    }
    ctx.status = 200;
    ctx.body = '';
  };
}

function publicJwk(jwk: JWK): JWK {
  const { d: _d, ...pub } = jwk;
  return pub;
}
