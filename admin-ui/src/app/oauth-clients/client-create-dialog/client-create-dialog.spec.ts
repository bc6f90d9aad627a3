import { OverlayContainer } from '@angular/cdk/overlay';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { OAuthClientWithSecretDto } from '@orbit/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { byTestId, errorNear, toggle, typeInto } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { anOAuthClient } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { ClientCreateDialog } from './client-create-dialog';
import { groupRedirectUriErrors, parseRedirectUris } from './client-create-form';

@Component({ template: '' })
class Host {}

const CREATE = '/api/teams/t1/oauth-clients';

describe('ClientCreateDialog', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let overlay: HTMLElement;
  let closed: Promise<OAuthClientWithSecretDto | undefined>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    overlay = TestBed.inject(OverlayContainer).getContainerElement();
    fixture = TestBed.createComponent(Host);
    const ref = TestBed.inject(MatDialog).open<ClientCreateDialog, { teamId: string }, OAuthClientWithSecretDto>(
      ClientCreateDialog,
      { data: { teamId: 't1' } },
    );
    closed = firstValueFrom(ref.afterClosed());
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const field = <T extends HTMLElement>(testId: string) => byTestId<T>(overlay, testId);

  async function save(): Promise<void> {
    field('oauth-client-save').click();
    await settle(fixture);
  }

  async function fill(name: string, options: { code?: boolean; uris?: string; noCredentials?: boolean } = {}): Promise<void> {
    typeInto(field<HTMLInputElement>('oauth-client-name-input'), name);
    if (options.noCredentials) toggle(field('oauth-client-grant-client-credentials'));
    if (options.code) toggle(field('oauth-client-grant-authorization-code'));
    await settle(fixture);
    if (options.uris !== undefined) typeInto(field<HTMLTextAreaElement>('oauth-client-redirect-uris'), options.uris);
  }

  it('makes a client-credentials client by default, and closes with its secret', async () => {
    await fill('Nightly job');
    expect(overlay.querySelector('[data-testid=oauth-client-redirect-uris]')).toBeNull();
    await save();
    const post = http.expectOne({ method: 'POST', url: CREATE });
    expect(post.request.body).toEqual({ name: 'Nightly job', grantTypes: ['client_credentials'] });
    const created = { ...anOAuthClient({ name: 'Nightly job' }), clientSecret: 'orbit_cs_abc' };
    post.flush(created, { status: 201, statusText: 'Created' });
    expect(await closed).toEqual(created);
  });

  it('requires redirect URIs once authorization code is checked, without asking the server', async () => {
    await fill('Web app', { code: true });
    await save();
    http.expectNone(CREATE);
    expect(errorNear(field('oauth-client-redirect-uris'))).toBe(
      'Enter at least one redirect URI for the authorization code grant',
    );
  });

  it('refuses a line that is not an absolute URI before sending', async () => {
    await fill('Web app', { code: true, uris: 'https://app.example.com/cb\ncallback' });
    await save();
    http.expectNone(CREATE);
    expect(errorNear(field('oauth-client-redirect-uris'))).toBe('Not an absolute URI: callback');
  });

  it('sends both grants and one URI per non-empty line', async () => {
    await fill('Web app', { code: true, uris: ' https://app.example.com/cb \n\nhttp://127.0.0.1/callback\n' });
    await save();
    expect(http.expectOne(CREATE).request.body).toEqual({
      name: 'Web app',
      grantTypes: ['client_credentials', 'authorization_code'],
      redirectUris: ['https://app.example.com/cb', 'http://127.0.0.1/callback'],
    });
  });

  it('asks for a grant when both are unchecked', async () => {
    await fill('Nothing', { noCredentials: true });
    await save();
    http.expectNone(CREATE);
    expect(field('oauth-client-grants-error').textContent).toContain('Choose at least one grant');
  });

  it('shows the server’s message about one URI under the URIs, naming it', async () => {
    await fill('Web app', { code: true, noCredentials: true, uris: 'https://app.example.com/cb\nhttp://app.example.com/cb' });
    await save();
    http.expectOne(CREATE).flush(
      ...failure(400, 'Validation failed', {
        details: [{ field: 'redirectUris[1]', message: 'web clients require https redirect URIs' }],
      }),
    );
    await settle(fixture);
    expect(errorNear(field('oauth-client-redirect-uris'))).toBe(
      'http://app.example.com/cb: web clients require https redirect URIs',
    );
    expect(field('oauth-client-save')).toBeTruthy();
  });

  it('shows a message about the name under the name', async () => {
    await fill('x'.repeat(300));
    await save();
    http
      .expectOne(CREATE)
      .flush(...failure(400, 'Validation failed', { details: [{ field: 'name', message: 'name is too long' }] }));
    await settle(fixture);
    expect(errorNear(field('oauth-client-name-input'))).toBe('name is too long');
  });
});

describe('parseRedirectUris', () => {
  it('keeps one trimmed URI per non-empty line, whatever the line endings', () => {
    expect(parseRedirectUris('a\r\n  b  \n\n')).toEqual(['a', 'b']);
  });
});

describe('groupRedirectUriErrors', () => {
  it('puts every indexed URI message on the one field, prefixed with its URI, and keeps the others', () => {
    const error = new ApiError(400, 'Validation failed', {
      'redirectUris[0]': 'bad scheme',
      'redirectUris[2]': 'has a fragment',
      name: 'too long',
    });
    expect(groupRedirectUriErrors(error, ['x:/a', 'https://ok', 'https://b#f']).fieldErrors).toEqual({
      redirectUris: 'x:/a: bad scheme; https://b#f: has a fragment',
      name: 'too long',
    });
  });

  it('does not name the URI twice when the server message already does', () => {
    const error = new ApiError(400, 'Validation failed', { 'redirectUris[0]': 'http://a.example/cb must use https' });
    expect(groupRedirectUriErrors(error, ['http://a.example/cb']).fieldErrors).toEqual({
      redirectUris: 'http://a.example/cb must use https',
    });
  });
});
