import { OverlayContainer } from '@angular/cdk/overlay';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId } from '../../testing/dom';
import { anOAuthClient, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { AllOAuthClientsPage } from './all-oauth-clients-page';

describe('AllOAuthClientsPage', () => {
  let fixture: ComponentFixture<AllOAuthClientsPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [AllOAuthClientsPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    await signIn({ globalRole: 'global_admin' });
    fixture = TestBed.createComponent(AllOAuthClientsPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/oauth-clients?limit=50').flush(
      pageOf(
        [
          anOAuthClient({ clientId: 'cid-1', teamName: 'Platform' }),
          anOAuthClient({
            clientId: 'dyn-1',
            name: 'Visual Studio Code',
            kind: 'dynamic',
            teamId: null,
            teamName: null,
            ownerId: null,
            ownerEmail: null,
            hasSecret: false,
            grantTypes: ['authorization_code', 'refresh_token'],
          }),
        ],
        'next',
      ),
    );
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows where each client comes from and its team', () => {
    const [consoleMade, dynamic] = allByTestId(element, 'oauth-client-row');
    expect(consoleMade!.textContent).toContain('Console');
    expect(consoleMade!.textContent).toContain('Platform');
    expect(dynamic!.textContent).toContain('Self-registered');
    expect(dynamic!.textContent).toContain('Chosen at each sign-in');
    expect(dynamic!.querySelector('[data-testid=oauth-client-rotate]')).toBeNull();
  });

  it('revokes any client through the global route', async () => {
    byTestId(allByTestId(element, 'oauth-client-row')[1]!, 'oauth-client-revoke').click();
    await settle(fixture);
    byTestId(TestBed.inject(OverlayContainer).getContainerElement(), 'confirm-ok').click();
    await settle(fixture);
    http.expectOne({ method: 'DELETE', url: '/api/oauth-clients/dyn-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(allByTestId(element, 'oauth-client-row')).toHaveLength(1);
  });

  it('loads the next page with the cursor', async () => {
    byTestId(element, 'all-oauth-clients-more').click();
    http.expectOne('/api/oauth-clients?limit=50&cursor=next').flush(pageOf([anOAuthClient()]));
    await settle(fixture);
    expect(allByTestId(element, 'oauth-client-row')).toHaveLength(3);
  });
});
