import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { OAuthInteractionDto } from '@orbit/contracts';
import { routes } from '../app.routes';
import { BrowserLocation } from '../core/ui/browser-location';
import { signIn } from '../testing/auth-testing';
import { allByTestId, byTestId } from '../testing/dom';
import { failure } from '../testing/failure';
import { anInteraction } from '../testing/factories';
import { providePageTesting } from '../testing/providers';
import { settle } from '../testing/settle';
import { INTERACTION_EXPIRED } from './consent-text';
import { ConsentPage } from './consent-page';

const INTERACTION = '/api/oauth/interactions/abc';

describe('ConsentPage', () => {
  let fixture: ComponentFixture<ConsentPage>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let assign: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ConsentPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    assign = jest.spyOn(TestBed.inject(BrowserLocation), 'assign').mockImplementation(() => undefined);
  });

  afterEach(() => http.verify());

  async function open(interaction: OAuthInteractionDto | 'expired' = anInteraction()): Promise<void> {
    await signIn({ email: 'alice@example.com' });
    fixture = TestBed.createComponent(ConsentPage);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('uid', 'abc');
    await fixture.whenStable();
    const request = http.expectOne(`${INTERACTION}/details`);
    if (interaction === 'expired') request.flush(...failure(404, 'Interaction not found'));
    else request.flush(interaction);
    await settle(fixture);
  }

  function click(testId: string): void {
    byTestId<HTMLButtonElement>(element, testId).click();
  }

  it('says which client asks, where the answer goes and what it may do, as the signed-in user', async () => {
    await open();
    expect(byTestId(element, 'consent-client-name').textContent).toBe('Visual Studio Code');
    expect(byTestId(element, 'consent-redirect-host').textContent).toBe('127.0.0.1:33418');
    expect(byTestId(element, 'consent-scopes').textContent).toContain("Use your team's MCP servers through Orbit");
    expect(byTestId(element, 'consent-user').textContent).toBe('alice@example.com');
    expect(byTestId(element, 'consent-unregistered').textContent).toContain('Not registered by your organisation');
  });

  it('warns of no unregistered client for one made in the console', async () => {
    const interaction = anInteraction();
    await open({ ...interaction, client: { ...interaction.client, kind: 'console' } });
    expect(element.querySelector('[data-testid=consent-unregistered]')).toBeNull();
  });

  it('posts the only team, preselected, then leaves for the redirect the server answers', async () => {
    await open();
    expect(allByTestId(element, 'consent-team-option')[0]!.querySelector('input')!.checked).toBe(true);
    click('consent-allow');
    const consent = http.expectOne({ method: 'POST', url: `${INTERACTION}/consent` });
    expect(consent.request.body).toEqual({ teamId: 't1' });
    consent.flush({ redirectTo: 'http://127.0.0.1:3000/oauth/authorize/abc' });
    await settle(fixture);
    expect(assign).toHaveBeenCalledWith('http://127.0.0.1:3000/oauth/authorize/abc');
    expect(byTestId<HTMLButtonElement>(element, 'consent-allow').disabled).toBe(true);
  });

  it('waits for a team to be picked when the user is in several', async () => {
    const teams = [
      { id: 't1', name: 'Platform', slug: 'platform', mcpUrl: 'https://sat/mcp' },
      { id: 't2', name: 'Data', slug: 'data', mcpUrl: 'https://sat/mcp' },
    ];
    await open(anInteraction({ teams }));
    expect(byTestId<HTMLButtonElement>(element, 'consent-allow').disabled).toBe(true);
    allByTestId(element, 'consent-team-option')[1]!.querySelector('input')!.click();
    await settle(fixture);
    click('consent-allow');
    expect(http.expectOne(`${INTERACTION}/consent`).request.body).toEqual({ teamId: 't2' });
  });

  it('denies and follows the redirect back to the client', async () => {
    await open();
    click('consent-deny');
    http
      .expectOne({ method: 'POST', url: `${INTERACTION}/deny` })
      .flush({ redirectTo: 'http://127.0.0.1:3000/oauth/authorize/abc' });
    await settle(fixture);
    expect(assign).toHaveBeenCalledWith('http://127.0.0.1:3000/oauth/authorize/abc');
  });

  it('says the request expired when the server no longer knows it, and offers no buttons', async () => {
    await open('expired');
    expect(byTestId(element, 'consent-error').textContent).toContain(INTERACTION_EXPIRED);
    expect(element.querySelector('[data-testid=consent-allow]')).toBeNull();
  });

  it('says the request expired when it runs out while the page is open', async () => {
    await open();
    click('consent-allow');
    http.expectOne(`${INTERACTION}/consent`).flush(...failure(404, 'Interaction not found'));
    await settle(fixture);
    expect(byTestId(element, 'consent-error').textContent).toContain(INTERACTION_EXPIRED);
    expect(assign).not.toHaveBeenCalled();
  });

  it('keeps the page for another try after another failure', async () => {
    await open();
    click('consent-allow');
    http.expectOne(`${INTERACTION}/consent`).flush(...failure(503, 'Try again later'));
    await settle(fixture);
    expect(byTestId(element, 'consent-error').textContent).toContain('Try again later');
    expect(byTestId<HTMLButtonElement>(element, 'consent-allow').disabled).toBe(false);
  });

  it('signs out and sends the user to sign in again, coming back to this request', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    click('consent-sign-out');
    http.expectOne('/api/auth/logout').flush(null);
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/oauth/consent/abc' } });
  });
});

describe('the consent route', () => {
  it('sends a signed-out browser to sign in first, with the way back', async () => {
    TestBed.configureTestingModule({ providers: providePageTesting(routes) });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/oauth/consent/abc');
    expect(router.url).toBe('/login?returnUrl=%2Foauth%2Fconsent%2Fabc');
  });
});
