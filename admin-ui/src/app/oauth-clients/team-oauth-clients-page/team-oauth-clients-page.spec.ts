import { OverlayContainer } from '@angular/cdk/overlay';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { CurrentUser, OAuthClientDto } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, typeInto } from '../../testing/dom';
import { anOAuthClient, aTeam, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { TeamOAuthClientsPage } from './team-oauth-clients-page';

const CLIENTS = '/api/teams/t1/oauth-clients';
const MEMBER: Partial<CurrentUser> = {
  id: 'me',
  teams: [{ teamId: 't1', teamName: 'Platform', role: 'team_user', personal: false }],
};

describe('TeamOAuthClientsPage', () => {
  let fixture: ComponentFixture<TeamOAuthClientsPage>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let overlay: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [TeamOAuthClientsPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    overlay = TestBed.inject(OverlayContainer).getContainerElement();
  });

  afterEach(() => http.verify());

  async function open(user: Partial<CurrentUser>, clients: OAuthClientDto[]): Promise<void> {
    await signIn(user);
    fixture = TestBed.createComponent(TeamOAuthClientsPage);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('teamId', 't1');
    await fixture.whenStable();
    http.expectOne(`${CLIENTS}?limit=50`).flush(pageOf(clients));
    http.expectOne('/api/teams/t1/connect').flush({ teamId: 't1', mcpUrl: 'https://sat.example.com/mcp', issuer: 'x' });
    http.expectOne('/api/teams/t1').flush(aTeam({ id: 't1', name: 'Platform' }));
    await settle(fixture);
  }

  const rows = () => allByTestId(element, 'oauth-client-row');
  const has = (root: ParentNode, testId: string) => root.querySelector(`[data-testid=${testId}]`) !== null;

  async function confirm(): Promise<void> {
    await settle(fixture);
    byTestId(overlay, 'confirm-ok').click();
    await settle(fixture);
  }

  it('lists a member’s clients with their id, grants and owner, and lets them rotate and revoke them', async () => {
    await open(MEMBER, [anOAuthClient({ clientId: 'cid-1', name: 'Nightly job', ownerId: 'me', ownerEmail: 'me@example.com' })]);
    const [row] = rows();
    expect(byTestId(row!, 'oauth-client-id').textContent).toBe('cid-1');
    expect(row!.textContent).toContain('Client credentials');
    expect(row!.textContent).toContain('me@example.com (you)');
    expect(row!.textContent).toContain('Never');
    expect(has(row!, 'oauth-client-rotate')).toBe(true);
    expect(has(row!, 'oauth-client-revoke')).toBe(true);
    expect(has(element, 'oauth-clients-create')).toBe(true);
  });

  it('lets a team admin revoke another member’s client but not rotate its secret', async () => {
    const admin = { ...MEMBER, teams: [{ teamId: 't1', teamName: 'Platform', role: 'team_admin' as const, personal: false }] };
    await open(admin, [anOAuthClient({ ownerId: 'someone-else' })]);
    expect(has(rows()[0]!, 'oauth-client-revoke')).toBe(true);
    expect(has(rows()[0]!, 'oauth-client-rotate')).toBe(false);
  });

  it('makes a client and shows its secret once with the team’s MCP URL in the config', async () => {
    await open(MEMBER, []);
    byTestId(element, 'oauth-clients-create').click();
    await settle(fixture);
    typeInto(byTestId<HTMLInputElement>(overlay, 'oauth-client-name-input'), 'Nightly job');
    byTestId(overlay, 'oauth-client-save').click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: CLIENTS })
      .flush({ ...anOAuthClient({ clientId: 'cid-9', name: 'Nightly job', ownerId: 'me' }), clientSecret: 'orbit_cs_new' });
    await settle(fixture);

    expect(byTestId(overlay, 'client-secret-value').textContent).toBe('orbit_cs_new');
    expect(JSON.parse(byTestId(overlay, 'client-secret-snippet').textContent).mcpServers.orbit).toEqual({
      url: 'https://sat.example.com/mcp',
      oauth: { client_id: 'cid-9', client_secret: 'orbit_cs_new' },
    });
    byTestId(overlay, 'client-secret-done').click();
    await settle(fixture);
    expect(has(overlay, 'client-secret-value')).toBe(false);
    expect(rows()).toHaveLength(1);
    expect(element.textContent).not.toContain('orbit_cs_new');
  });

  it('rotates a secret after confirmation and shows the new one', async () => {
    await open(MEMBER, [anOAuthClient({ clientId: 'cid-1', ownerId: 'me' })]);
    byTestId(element, 'oauth-client-rotate').click();
    await confirm();
    http
      .expectOne({ method: 'POST', url: `${CLIENTS}/cid-1/rotate-secret` })
      .flush({ ...anOAuthClient({ clientId: 'cid-1', ownerId: 'me' }), clientSecret: 'orbit_cs_rotated' });
    await settle(fixture);
    expect(byTestId(overlay, 'client-secret-value').textContent).toBe('orbit_cs_rotated');
    expect(byTestId(overlay, 'client-secret-warning').textContent).toContain('previous secret no longer works');
  });

  it('revokes a client after confirmation and drops its row', async () => {
    await open(MEMBER, [anOAuthClient({ clientId: 'cid-1', ownerId: 'me' }), anOAuthClient({ ownerId: 'me' })]);
    byTestId(rows()[0]!, 'oauth-client-revoke').click();
    await confirm();
    http.expectOne({ method: 'DELETE', url: `${CLIENTS}/cid-1` }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(rows()).toHaveLength(1);
  });

  it('sends nothing when the revoke is cancelled', async () => {
    await open(MEMBER, [anOAuthClient({ clientId: 'cid-1', ownerId: 'me' })]);
    byTestId(element, 'oauth-client-revoke').click();
    await settle(fixture);
    byTestId(overlay, 'confirm-cancel').click();
    await settle(fixture);
    http.expectNone(`${CLIENTS}/cid-1`);
    expect(rows()).toHaveLength(1);
  });
});
