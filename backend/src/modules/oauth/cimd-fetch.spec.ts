import { guardedFetch, RefusedAddressError, refusedAddress } from './cimd-fetch.js';

describe('client metadata document fetch guard', () => {
  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    'fc00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::',
  ])('refuses the private or special-use address %s', (address) => {
    expect(refusedAddress(address, true)).toBe('a private or special-use address');
  });

  it('refuses loopback unless development allows it', () => {
    expect(refusedAddress('127.0.0.1', false)).toBe('a loopback address');
    expect(refusedAddress('::1', false)).toBe('a loopback address');
    expect(refusedAddress('::ffff:127.0.0.1', false)).toBe('a loopback address');
    expect(refusedAddress('127.0.0.1', true)).toBeNull();
  });

  it('lets public addresses through', () => {
    expect(refusedAddress('93.184.216.34', false)).toBeNull();
    expect(refusedAddress('2606:4700::1111', false)).toBeNull();
  });

  it('refuses a literal private address before any connection is made', async () => {
    const fetch = guardedFetch({ allowLoopback: false });
    await expect(fetch('https://10.1.2.3/client.json', {})).rejects.toBeInstanceOf(RefusedAddressError);
    await expect(fetch('https://[::1]:8443/client.json', {})).rejects.toThrow(/loopback/);
  });

  it('refuses a name that resolves to loopback, at lookup time', async () => {
    const fetch = guardedFetch({ allowLoopback: false });
    const error = await fetch('https://localhost:8443/client.json', {}).then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(error?.cause?.message ?? error?.message).toMatch(/localhost resolves to a loopback address/);
  });
});
