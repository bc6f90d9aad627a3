import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SSO_ERROR_MESSAGES, type AuthSettingsDto } from '@orbit/contracts';
import { BrowserLocation } from '../core/ui/browser-location';
import { settle } from '../testing/settle';
import { LoginPage } from './login-page';

const withoutSso: AuthSettingsDto = { sso: { enabled: false, label: '' }, teamCreation: 'everyone' };
const withSso: AuthSettingsDto = { sso: { enabled: true, label: 'Acme SSO' }, teamCreation: 'everyone' };

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }).compileComponents();
    fixture = TestBed.createComponent(LoginPage);
    http = TestBed.inject(HttpTestingController);
    element = fixture.nativeElement as HTMLElement;
  });

  async function open(
    settings: AuthSettingsDto | 'unavailable' = withoutSso,
    query: { error?: string; returnUrl?: string } = {},
  ): Promise<void> {
    if (query.error !== undefined) fixture.componentRef.setInput('error', query.error);
    if (query.returnUrl !== undefined) fixture.componentRef.setInput('returnUrl', query.returnUrl);
    await fixture.whenStable();
    const request = http.expectOne('/api/auth/settings');
    if (settings === 'unavailable') request.flush(null, { status: 503, statusText: 'Service Unavailable' });
    else request.flush(settings);
    await settle(fixture);
  }

  afterEach(() => http.verify());

  function fill(email: string, password: string): void {
    const emailInput = element.querySelector<HTMLInputElement>('[data-testid=login-email]')!;
    const passwordInput = element.querySelector<HTMLInputElement>('[data-testid=login-password]')!;
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=login-submit]')!.click();
  }

  it('does not call the server while the form is invalid', async () => {
    await open();
    fill('not-an-email', '');
    await fixture.whenStable();
    http.expectNone('/api/auth/login');
    expect(element.textContent).toContain('Enter a valid email address');
  });

  it('shows the server message when sign-in is refused', async () => {
    await open();
    fill('alice@example.com', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=login-error]')?.textContent).toContain('Invalid email or password');
  });

  it('goes to the console home after a successful sign-in', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fill('alice@example.com', 'correct horse');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'alice@example.com', password: 'correct horse' });
    request.flush({
      accessToken: 't',
      user: { id: 'u1', email: 'alice@example.com', name: 'Alice', globalRole: 'global_user', teams: [] },
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('offers single sign-on under the configured label when SSO is enabled', async () => {
    await open(withSso);
    expect(element.querySelector('[data-testid=login-sso]')?.textContent).toContain('Sign in with Acme SSO');
  });

  it('goes back to the page the user was sent from, such as an OAuth consent page', async () => {
    await open(withoutSso, { returnUrl: '/oauth/consent/abc' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fill('alice@example.com', 'correct horse');
    http.expectOne('/api/auth/login').flush({
      accessToken: 't',
      user: { id: 'u1', email: 'alice@example.com', name: 'Alice', globalRole: 'global_user', teams: [] },
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/oauth/consent/abc');
  });

  it('goes home instead of to another site named as the return URL', async () => {
    await open(withoutSso, { returnUrl: '/\\evil.example' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fill('alice@example.com', 'correct horse');
    http.expectOne('/api/auth/login').flush({
      accessToken: 't',
      user: { id: 'u1', email: 'alice@example.com', name: 'Alice', globalRole: 'global_user', teams: [] },
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('hands the return URL to single sign-on, which comes back there', async () => {
    const assign = jest.spyOn(TestBed.inject(BrowserLocation), 'assign').mockImplementation(() => undefined);
    await open(withSso, { returnUrl: '/oauth/consent/abc' });
    element.querySelector<HTMLButtonElement>('[data-testid=login-sso]')!.click();
    expect(assign).toHaveBeenCalledWith('/api/auth/sso?returnUrl=%2Foauth%2Fconsent%2Fabc');
  });

  it('starts single sign-on without a return URL that leaves the app', async () => {
    const assign = jest.spyOn(TestBed.inject(BrowserLocation), 'assign').mockImplementation(() => undefined);
    await open(withSso, { returnUrl: '//evil.example' });
    element.querySelector<HTMLButtonElement>('[data-testid=login-sso]')!.click();
    expect(assign).toHaveBeenCalledWith('/api/auth/sso');
  });

  it('offers no single sign-on when SSO is off', async () => {
    await open(withoutSso);
    expect(element.querySelector('[data-testid=login-sso]')).toBeNull();
  });

  it('still offers password sign-in when the settings cannot be read', async () => {
    await open('unavailable');
    expect(element.querySelector('[data-testid=login-sso]')).toBeNull();
    expect(element.querySelector('[data-testid=login-submit]')).not.toBeNull();
    expect(element.querySelector('[data-testid=login-error]')).toBeNull();
  });

  it('explains why single sign-on failed when the backend sends the user back with an error code', async () => {
    await open(withSso, { error: 'sso_not_allowed' });
    expect(element.querySelector('[data-testid=login-error]')?.textContent).toContain(SSO_ERROR_MESSAGES.sso_not_allowed);
  });

  it('shows a generic message for an unknown error code rather than echoing it', async () => {
    await open(withoutSso, { error: '<b>bogus</b>' });
    const message = element.querySelector('[data-testid=login-error]')?.textContent ?? '';
    expect(message).toContain('Single sign-on failed');
    expect(message).not.toContain('bogus');
  });

  it('shows no error when the page is opened normally', async () => {
    await open(withSso);
    expect(element.querySelector('[data-testid=login-error]')).toBeNull();
  });
});
