import { T0, T0_SECONDS, accessTokenClaims, revocationEntry } from '../test/factories/access-tokens.js';
import { RevocationList, isRevocationFeed } from './revocation-list.js';

describe('RevocationList', () => {
  let clock: number;
  let list: RevocationList;

  beforeEach(() => {
    clock = T0 + 10_000;
    list = new RevocationList(() => clock);
  });

  it('matches tokens by jti, client, and user in one team or in all', () => {
    list.replace([
      revocationEntry({ kind: 'jti', value: 'jti-1' }),
      revocationEntry({ kind: 'client', value: 'client-9' }),
      revocationEntry({ kind: 'user', value: 'user-7', teamId: 'team-1' }),
      revocationEntry({ kind: 'user', value: 'user-8', teamId: null }),
    ]);
    expect(list.isRevoked(accessTokenClaims({ jti: 'jti-1' }))).toBe(true);
    expect(list.isRevoked(accessTokenClaims({ client_id: 'client-9' }))).toBe(true);
    expect(list.isRevoked(accessTokenClaims({ sub: 'user-7', team: 'team-1' }))).toBe(true);
    expect(list.isRevoked(accessTokenClaims({ sub: 'user-7', team: 'team-2' }))).toBe(false);
    expect(list.isRevoked(accessTokenClaims({ sub: 'user-8', team: 'team-5' }))).toBe(true);
    expect(list.isRevoked(accessTokenClaims())).toBe(false);
  });

  it('does not match a token issued after the revocation', () => {
    list.add([revocationEntry({ kind: 'client', value: 'client-1', revokedAt: new Date(T0).toISOString() })]);
    expect(list.isRevoked(accessTokenClaims({ iat: T0_SECONDS - 1 }))).toBe(true);
    expect(list.isRevoked(accessTokenClaims({ iat: T0_SECONDS }))).toBe(false);
    expect(list.isRevoked(accessTokenClaims({ iat: T0_SECONDS + 1 }))).toBe(false);
  });

  it('replaces the whole list and remembers that it was loaded', () => {
    expect(list.loaded).toBe(false);
    list.add([revocationEntry({ kind: 'jti', value: 'jti-1' })]);
    list.replace([revocationEntry({ kind: 'jti', value: 'jti-2' })]);
    expect(list.loaded).toBe(true);
    expect(list.size).toBe(1);
    expect(list.isRevoked(accessTokenClaims({ jti: 'jti-1' }))).toBe(false);
    expect(list.isRevoked(accessTokenClaims({ jti: 'jti-2' }))).toBe(true);
  });

  it('ignores a job delivered twice', () => {
    const entries = [revocationEntry({ kind: 'jti', value: 'jti-1' }), revocationEntry({ kind: 'client', value: 'c' })];
    expect(list.add(entries)).toBe(2);
    expect(list.add(structuredClone(entries))).toBe(0);
    expect(list.size).toBe(2);
  });

  it('drops expired entries on arrival and when the list next changes', () => {
    const soon = new Date(clock + 1_000).toISOString();
    expect(list.add([revocationEntry({ kind: 'jti', value: 'gone', expiresAt: new Date(clock).toISOString() })])).toBe(0);
    list.add([revocationEntry({ kind: 'jti', value: 'jti-1', expiresAt: soon })]);
    expect(list.size).toBe(1);
    clock += 1_000;
    // Expired but not yet pruned: it no longer matches.
    expect(list.isRevoked(accessTokenClaims({ jti: 'jti-1' }))).toBe(false);
    list.add([revocationEntry({ kind: 'client', value: 'c' })]);
    expect(list.size).toBe(1);
  });
});

describe('isRevocationFeed', () => {
  it('accepts the backend feed and rejects anything malformed', () => {
    const entry = revocationEntry({ kind: 'user', value: 'u', teamId: 't' });
    expect(isRevocationFeed({ entries: [] })).toBe(true);
    expect(isRevocationFeed({ entries: [entry] })).toBe(true);
    expect(isRevocationFeed({ entries: [{ ...entry, kind: 'session' }] })).toBe(false);
    expect(isRevocationFeed({ entries: [{ ...entry, value: '' }] })).toBe(false);
    expect(isRevocationFeed({ entries: [{ ...entry, expiresAt: 'tomorrow' }] })).toBe(false);
    expect(isRevocationFeed({ entries: [{ ...entry, teamId: undefined }] })).toBe(false);
    expect(isRevocationFeed({ items: [entry] })).toBe(false);
    expect(isRevocationFeed(null)).toBe(false);
  });
});
