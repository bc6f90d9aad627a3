import { withQuery } from './query';

describe('withQuery', () => {
  it('leaves the path alone when there is nothing to send', () => {
    expect(withQuery('/api/users', { q: '', cursor: undefined, limit: null })).toBe('/api/users');
  });

  it('encodes values so that a plus sign in an email survives', () => {
    expect(withQuery('/api/audit', { actor: 'alice+ops@example.com', limit: 50 })).toBe(
      '/api/audit?actor=alice%2Bops%40example.com&limit=50',
    );
  });
});
