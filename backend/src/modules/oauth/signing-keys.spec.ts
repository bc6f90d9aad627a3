import { activationDelayMs, isActive, nextActivation, signingOrder, type StoredSigningKey } from './signing-keys.js';

const NOW = Date.parse('2026-12-04T12:00:00.000Z');
const key = (kid: string, activatesAt?: string | null, retiredAt: string | null = null): StoredSigningKey => ({
  kid,
  jwk: { kid, kty: 'EC' },
  createdAt: '2026-12-01T00:00:00.000Z',
  ...(activatesAt !== undefined && { activatesAt }),
  retiredAt,
});

describe('signing key order', () => {
  it('signs with the newest active key and publishes a waiting one after it', () => {
    const waiting = key('new', '2026-12-04T12:01:00.000Z');
    const current = key('current', null, '2026-12-04T12:01:00.000Z');
    const legacy = key('legacy', undefined, '2026-12-01T00:00:00.000Z'); // stored before activatesAt existed
    const keys = [waiting, current, legacy];
    expect(signingOrder(keys, NOW).map((k) => k.kid)).toEqual(['current', 'legacy', 'new']);
    expect(nextActivation(keys, NOW)).toBe(Date.parse('2026-12-04T12:01:00.000Z'));
    expect(isActive(waiting, NOW)).toBe(false);
  });

  it('lets the new key sign from its activation on, with nothing left waiting', () => {
    const keys = [key('new', '2026-12-04T12:00:00.000Z'), key('current', null, '2026-12-04T12:00:00.000Z')];
    expect(signingOrder(keys, NOW).map((k) => k.kid)).toEqual(['new', 'current']);
    expect(nextActivation(keys, NOW)).toBeUndefined();
  });

  it('waits for the reload interval plus a minute before a new key signs', () => {
    expect(activationDelayMs(30_000)).toBe(90_000);
  });
});
