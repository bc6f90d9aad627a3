import { OverlayContainer } from '@angular/cdk/overlay';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { CurrentUser, TeamDto } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { aCatalogServer, aCatalogVersion, aTeam, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { EntryDetail } from './entry-detail';

describe('EntryDetail', () => {
  let fixture: ComponentFixture<EntryDetail>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [EntryDetail], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const remote = aCatalogVersion({
    id: 'v1',
    version: '0.9.0',
    isLatest: false,
    transport: { type: 'streamable-http', url: 'https://{tenant}.example.com/mcp' },
    config: { template: {}, team: { url: [{ name: 'tenant', type: 'string', required: true }] }, user: {} },
  });

  async function open(user: Partial<CurrentUser>, teams: TeamDto[] = []): Promise<void> {
    await signIn(user);
    fixture = TestBed.createComponent(EntryDetail);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('serverId', 's1');
    await fixture.whenStable();
    http.expectOne('/api/teams?limit=100').flush(pageOf(teams));
    http.expectOne('/api/catalog/servers/s1').flush(aCatalogServer({ id: 's1', title: 'Filesystem', tags: ['files'] }));
    http
      .expectOne('/api/catalog/servers/s1/versions?limit=100')
      .flush(pageOf([aCatalogVersion({ id: 'v2', version: '2026.8.31' }), remote]));
    await settle(fixture);
  }

  const present = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) !== null;

  it('shows the latest version’s transport and its three tiers as tables', async () => {
    await open({});
    expect(byTestId(element, 'entry-title').textContent).toContain('Filesystem');
    expect(byTestId(element, 'transport-summary').textContent).toContain('@modelcontextprotocol/server-filesystem@1.0.0');
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim());
    expect(allByTestId(element, 'definition-template-row').map(cells)).toEqual([
      ['args', '#1', '-y'],
      ['args', '#2', '@modelcontextprotocol/server-filesystem'],
      ['env', 'PROTOCOL_VERSION', '1.0'],
    ]);
    const team = allByTestId(element, 'definition-team-row');
    expect(team).toHaveLength(1);
    expect(team[0]?.textContent).toContain('Never shown');
    const user = allByTestId(element, 'definition-user-row').map((r) => r.textContent);
    expect(user[0]).toContain('directories');
    expect(user[0]).toContain('repeated');
    expect(user[1]).toContain('Unlocked by default');

    const versions = allByTestId(element, 'entry-version-row');
    expect(versions.map((row) => row.getAttribute('aria-current'))).toEqual(['true', 'false']);
    versions[1]!.click();
    await settle(fixture);
    expect(byTestId(element, 'transport-summary').textContent).toContain('https://{tenant}.example.com/mcp');
    expect(allByTestId(element, 'definition-template-row')).toHaveLength(0);
    expect(allByTestId(element, 'definition-team-row')[0]?.textContent).toContain('tenant');
  });

  it('shows a registry entry’s source and flags, and which versions need a runtime or keep an admin’s mapping', async () => {
    await signIn({ globalRole: 'global_admin' });
    fixture = TestBed.createComponent(EntryDetail);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('serverId', 's1');
    await fixture.whenStable();
    http.expectOne('/api/teams?limit=100').flush(pageOf([]));
    http.expectOne('/api/catalog/servers/s1').flush(aCatalogServer({ id: 's1', source: 'registry', upstreamDeleted: true }));
    http
      .expectOne('/api/catalog/servers/s1/versions?limit=100')
      .flush(
        pageOf([
          aCatalogVersion({ version: '2.0.0', runnable: false }),
          aCatalogVersion({ version: '1.0.0', isLatest: false, mappingOverridden: true }),
        ]),
      );
    await settle(fixture);
    expect(byTestId(element, 'catalog-source-chip').textContent?.trim()).toBe('Registry');
    expect(present('catalog-upstream-deleted')).toBe(true);
    const [newer, older] = allByTestId(element, 'entry-version-row');
    expect(byTestId(newer!, 'catalog-version-needs-runtime').textContent?.trim()).toBe('Needs a runtime');
    expect(newer!.querySelector('[data-testid=catalog-version-mapping-overridden]')).toBeNull();
    expect(byTestId(older!, 'catalog-version-mapping-overridden').textContent?.trim()).toBe('Mapping overridden');
    expect(older!.querySelector('[data-testid=catalog-version-needs-runtime]')).toBeNull();
  });

  it('lets a team admin install the chosen version in their team, and a team user only read', async () => {
    await open({ teams: [{ teamId: 't1', teamName: 'Platform', role: 'team_admin', personal: false }] }, [
      aTeam({ id: 't1', name: 'Platform' }),
    ]);
    expect(byTestId(element, 'catalog-install').getAttribute('href')).toBe('/teams/t1/install/s1?version=2026.8.31');
    expect(present('catalog-edit')).toBe(false);

    fixture.destroy();
    await open({ teams: [{ teamId: 't1', teamName: 'Platform', role: 'team_user', personal: false }] }, [aTeam({ id: 't1' })]);
    expect(present('catalog-install')).toBe(false);
  });

  it('lets a global admin edit, and tells why a used entry cannot be deleted', async () => {
    await open({ globalRole: 'global_admin' }, [aTeam({ id: 't1' }), aTeam({ id: 't2' })]);
    expect(present('catalog-edit')).toBe(true);
    byTestId(element, 'catalog-install').click();
    await settle(fixture);
    expect(document.querySelectorAll('[data-testid=catalog-install-team]')).toHaveLength(2);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));

    byTestId(element, 'catalog-delete').click();
    await settle(fixture);
    byTestId(TestBed.inject(OverlayContainer).getContainerElement(), 'confirm-ok').click();
    await settle(fixture);
    http
      .expectOne({ method: 'DELETE', url: '/api/catalog/servers/s1' })
      .flush(...failure(409, '2 installations use this entry', { code: 'in_use' }));
    await settle(fixture);
    expect(document.querySelector('.mat-mdc-snack-bar-container')?.textContent).toContain('2 installations use this entry');
  });
});
