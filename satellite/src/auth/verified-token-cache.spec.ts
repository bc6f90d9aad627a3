import { accessTokenClaims } from '../test/factories/access-tokens.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

describe('VerifiedTokenCache', () => {
  it('keys tokens by their SHA-256', () => {
    expect(VerifiedTokenCache.keyOf('abc')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', accessTokenClaims({ jti: 'a' }));
    cache.set('b', accessTokenClaims({ jti: 'b' }));
    expect(cache.get('a')?.jti).toBe('a');
    cache.set('c', accessTokenClaims({ jti: 'c' }));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.jti).toBe('a');
    expect(cache.get('c')?.jti).toBe('c');
  });

  it('replaces an entry set twice without growing', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', accessTokenClaims({ jti: 'a1' }));
    cache.set('a', accessTokenClaims({ jti: 'a2' }));
    expect(cache.size).toBe(1);
    expect(cache.get('a')?.jti).toBe('a2');
  });

  it('refuses a size below one', () => {
    expect(() => new VerifiedTokenCache(0)).toThrow(RangeError);
  });
});
