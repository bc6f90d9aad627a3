import { maskSecrets } from './mask-secrets.js';

describe('maskSecrets', () => {
  it('masks secret-looking fields at any depth and keeps the rest', () => {
    expect(
      maskSecrets({
        name: 'x',
        password: 'hunter2',
        env: { SHARED_API_KEY: 'k', DEBUG: 'true' },
        headers: [{ Authorization: 'Bearer t' }],
        clientSecret: 's',
      }),
    ).toEqual({
      name: 'x',
      password: '*****',
      env: { SHARED_API_KEY: '*****', DEBUG: 'true' },
      headers: [{ Authorization: '*****' }],
      clientSecret: '*****',
    });
  });

  it('leaves absent secrets absent, so an audit entry shows that nothing was set', () => {
    expect(maskSecrets({ password: null })).toEqual({ password: null });
  });
});
