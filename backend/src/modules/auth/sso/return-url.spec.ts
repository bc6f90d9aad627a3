import { safeReturnUrl } from './return-url.js';

describe('safeReturnUrl', () => {
  it('keeps an absolute path of the console, with its query', () => {
    expect(safeReturnUrl('/oauth/consent/abc')).toBe('/oauth/consent/abc');
    expect(safeReturnUrl('/installations?teamId=t1')).toBe('/installations?teamId=t1');
  });

  it.each([
    ['no value', undefined],
    ['a repeated query parameter', ['/a', '/b']],
    ['an empty string', ''],
    ['an absolute URL', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab that URL parsing drops', '/\t/evil.example'],
    ['a line break', '/a\r\nSet-Cookie: x=y'],
    ['a relative path', 'teams'],
    ['an overlong path', `/${'a'.repeat(2048)}`],
  ])('ignores %s', (_what, value) => {
    expect(safeReturnUrl(value)).toBeUndefined();
  });
});
