import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps a path in this app, with its query', () => {
    expect(safeReturnUrl('/oauth/consent/abc')).toBe('/oauth/consent/abc');
    expect(safeReturnUrl('/installations?teamId=t1')).toBe('/installations?teamId=t1');
  });

  it.each([
    ['nothing', undefined],
    ['an empty string', ''],
    ['an absolute URL', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash a browser reads as a slash', '/\\evil.example'],
    ['a tab that URL parsing drops', '/\t/evil.example'],
    ['a relative path', 'teams'],
  ])('refuses %s', (_what, value) => {
    expect(safeReturnUrl(value)).toBeNull();
  });
});
