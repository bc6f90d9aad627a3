import request from 'supertest';
import { CookieClient } from '../support/cookie-client.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider.js';
import { freePort } from '../support/processes.js';
import { ADMIN, createUserVia, startTestApp, type TestApp } from '../support/test-app.js';

/** Single sign-on against a real OpenID Connect provider (oidc-provider) on loopback, driven over HTTP. */
describe('SSO through passport-oauth2', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  let base: string;
  let admin: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider(`${base}/api/auth/sso/callback`);
    t = await startTestApp({
      PORT: String(port),
      ORBIT_PUBLIC_URL: base,
      SSO_ISSUER: idp.issuer,
      SSO_CLIENT_ID: idp.clientId,
      SSO_CLIENT_SECRET: idp.clientSecret,
      SSO_ALLOWED_DOMAINS: 'corp.example',
      SSO_LABEL: 'Corp SSO',
    });
    admin = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Runs the whole browser round trip; `consent: false` cancels at the provider. Returns where Orbit sent us. */
  async function signIn(
    login: string,
    options: { consent?: boolean; tamper?: (c: CookieClient) => void; returnUrl?: string } = {},
  ) {
    const browser = new CookieClient();
    const query = options.returnUrl === undefined ? '' : `?returnUrl=${encodeURIComponent(options.returnUrl)}`;
    const start = await browser.request(`${base}/api/auth/sso${query}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toEqual(expect.any(String));

    let step = await browser.follow(authorize.toString());
    const loginUid = new URL(step.url).pathname.split('/').pop()!;
    let res = await browser.request(`${idp.issuer}/interaction/${loginUid}`, {
      method: 'POST',
      form: { prompt: 'login', login, password: 'any' },
    });
    step = await browser.follow(new URL(res.headers.get('location')!, idp.issuer).toString(), (next) => next.startsWith(base));
    if (!step.url.startsWith(base)) {
      const consentUid = new URL(step.url).pathname.split('/').pop()!;
      res =
        options.consent === false
          ? await browser.request(`${idp.issuer}/interaction/${consentUid}/abort`)
          : await browser.request(`${idp.issuer}/interaction/${consentUid}`, { method: 'POST', form: { prompt: 'consent' } });
      step = await browser.follow(new URL(res.headers.get('location')!, idp.issuer).toString(), (next) => next.startsWith(base));
    }
    expect(step.url.startsWith(`${base}/api/auth/sso/callback`)).toBe(true);
    const callbackUrl = new URL(step.url);
    if (options.consent !== false) {
      expect(callbackUrl.searchParams.get('code')).toEqual(expect.any(String));
      expect(callbackUrl.searchParams.get('iss')).toBe(idp.issuer);
    }
    options.tamper?.(browser);
    const callback = await browser.request(step.url);
    expect(callback.status).toBe(302);
    return { location: callback.headers.get('location')!, refresh: browser.cookie(base, 'orbit_rt') };
  }

  async function whoAmI(refresh: string | undefined) {
    expect(refresh).toEqual(expect.any(String));
    const res = await request(t.http).post('/api/auth/refresh').set('Cookie', `orbit_rt=${refresh}`).expect(200);
    return res.body.user as { email: string; globalRole: string };
  }

  it('advertises SSO to the console', async () => {
    expect((await request(t.http).get('/api/auth/settings').expect(200)).body).toEqual({
      sso: { enabled: true, label: 'Corp SSO' },
      teamCreation: 'everyone',
    });
  });

  it('creates an account just in time for an allowed domain and signs it in', async () => {
    const { location, refresh } = await signIn('sam@corp.example');
    expect(location).toBe('/');
    expect(await whoAmI(refresh)).toMatchObject({ email: 'sam@corp.example', globalRole: 'global_user' });
    const users = (await request(t.http).get('/api/users?q=sam').set('Authorization', `Bearer ${admin}`).expect(200)).body;
    expect(users.items[0]).toMatchObject({ email: 'sam@corp.example', ssoLinked: true, hasPassword: false });
  });

  it('signs the same person in again through the linked identity', async () => {
    const { location, refresh } = await signIn('sam@corp.example');
    expect(location).toBe('/');
    expect((await whoAmI(refresh)).email).toBe('sam@corp.example');
    expect((await request(t.http).get('/api/users?q=sam').set('Authorization', `Bearer ${admin}`)).body.total).toBe(1);
  });

  it('returns to the console page the sign-in started from, such as an OAuth consent page', async () => {
    const { location, refresh } = await signIn('sam@corp.example', { returnUrl: '/oauth/consent/abc.def?x=1' });
    expect(location).toBe('/oauth/consent/abc.def?x=1');
    expect((await whoAmI(refresh)).email).toBe('sam@corp.example');
  });

  it.each(['//evil.example/', 'https://evil.example/', '/\\evil.example', '/\t/evil.example'])(
    'ignores the return URL %j, which would leave the console, and ends at /',
    async (returnUrl) => {
      expect((await signIn('sam@corp.example', { returnUrl })).location).toBe('/');
    },
  );

  it('links an existing account by its verified email, whatever the domain', async () => {
    await createUserVia(t.http, admin, { email: 'pat@partner.example', password: 'Pat-Strong-pass-77' });
    const { location, refresh } = await signIn('pat@partner.example');
    expect(location).toBe('/');
    expect((await whoAmI(refresh)).email).toBe('pat@partner.example');
  });

  it('refuses to link an account when the provider has not verified the email', async () => {
    await createUserVia(t.http, admin, { email: 'unverified.lee@corp.example' });
    expect((await signIn('unverified.lee@corp.example')).location).toBe('/login?error=sso_email_unverified');
  });

  it('creates an account in an allowed domain even without email_verified (only linking needs it)', async () => {
    const { location, refresh } = await signIn('unverified.new@corp.example');
    expect(location).toBe('/');
    expect((await whoAmI(refresh)).email).toBe('unverified.new@corp.example');
  });

  it('refuses a new account outside the allowed domains', async () => {
    expect((await signIn('mallory@elsewhere.example')).location).toBe('/login?error=sso_not_allowed');
    expect((await request(t.http).get('/api/users?q=mallory').set('Authorization', `Bearer ${admin}`)).body.total).toBe(0);
  });

  it('ends on the login page when the user cancels at the provider', async () => {
    expect((await signIn('sam@corp.example', { consent: false })).location).toBe('/login?error=sso_denied');
  });

  it('rejects a callback whose state does not match the browser that started the sign-in', async () => {
    const forged = await signIn('sam@corp.example', {
      tamper: (browser) => browser.setCookie(base, 'orbit_sso', 'forged.value.1.x'),
    });
    expect(forged.location).toBe('/login?error=sso_state');
    expect(forged.refresh).toBeUndefined();
  });

  it('refuses a disabled account', async () => {
    const id = await createUserVia(t.http, admin, { email: 'quinn@corp.example' });
    await request(t.http).patch(`/api/users/${id}`).set('Authorization', `Bearer ${admin}`).send({ disabled: true }).expect(200);
    expect((await signIn('quinn@corp.example')).location).toBe('/login?error=sso_disabled');
  });
});

describe('SSO with the identity provider down', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SSO_ISSUER: `http://127.0.0.1:${await freePort()}`, SSO_CLIENT_ID: 'x', SSO_CLIENT_SECRET: 'y' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('ends on the login page with a clear reason, not a 500', async () => {
    const res = await request(t.http).get('/api/auth/sso').redirects(0).expect(302);
    expect(res.headers['location']).toBe('/login?error=sso_unavailable');
  });
});
