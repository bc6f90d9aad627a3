import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { CurrentUser } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, chooseOption, typeInto } from '../../testing/dom';
import { aCatalogServer, aTeam, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { CatalogPage } from './catalog-page';

describe('CatalogPage', () => {
  let fixture: ComponentFixture<CatalogPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [CatalogPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(user: Partial<CurrentUser> = {}, teamId?: string): Promise<void> {
    await signIn(user);
    fixture = TestBed.createComponent(CatalogPage);
    element = fixture.nativeElement as HTMLElement;
    if (teamId) fixture.componentRef.setInput('teamId', teamId);
    await fixture.whenStable();
    http.expectOne('/api/teams?limit=100').flush(pageOf([aTeam({ id: 't1', name: 'Platform' })]));
  }

  const searchParams = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

  it('lists entries with title, name, transport, tags, status and latest version', async () => {
    await open();
    http.expectOne('/api/catalog/servers?limit=50').flush(
      pageOf([
        aCatalogServer({
          title: 'Filesystem',
          name: 'io.github.modelcontextprotocol/server-filesystem',
          tags: ['files', 'local'],
          latestVersion: '2026.8.31',
          status: 'deprecated',
        }),
      ]),
    );
    await settle(fixture);
    const row = byTestId(element, 'catalog-row').textContent ?? '';
    for (const text of [
      'Filesystem',
      'io.github.modelcontextprotocol/server-filesystem',
      'stdio',
      'files',
      'local',
      'deprecated',
      '2026.8.31',
    ])
      expect(row).toContain(text);
  });

  it('shows where each entry comes from, and which ones the registry deleted', async () => {
    await open({ globalRole: 'global_admin' });
    http
      .expectOne('/api/catalog/servers?limit=50')
      .flush(pageOf([aCatalogServer({ source: 'registry', upstreamDeleted: true }), aCatalogServer({ source: 'manual' })]));
    await settle(fixture);
    const [imported, manual] = allByTestId(element, 'catalog-row');
    expect(byTestId(imported!, 'catalog-source-chip').textContent?.trim()).toBe('Registry');
    expect(byTestId(imported!, 'catalog-upstream-deleted').textContent?.trim()).toBe('Deleted upstream');
    expect(byTestId(manual!, 'catalog-source-chip').textContent?.trim()).toBe('Manual');
    expect(manual!.querySelector('[data-testid=catalog-upstream-deleted]')).toBeNull();
  });

  it('builds the query from the debounced search, the tag, the transport and the team', async () => {
    await open();
    http.expectOne('/api/catalog/servers?limit=50').flush(pageOf([]));
    await settle(fixture);

    typeInto(byTestId<HTMLInputElement>(element, 'catalog-search'), 'file');
    typeInto(byTestId<HTMLInputElement>(element, 'catalog-search'), 'files');
    http.expectNone((req) => req.url.startsWith('/api/catalog'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    http.expectOne('/api/catalog/servers?q=files&limit=50').flush(pageOf([]));

    typeInto(byTestId<HTMLInputElement>(element, 'catalog-tag'), 'local');
    await new Promise((resolve) => setTimeout(resolve, 350));
    http.expectOne('/api/catalog/servers?q=files&tag=local&limit=50').flush(pageOf([]));

    await chooseOption(fixture, byTestId(element, 'catalog-transport'), 'streamable-http');
    http.expectOne('/api/catalog/servers?q=files&tag=local&transport=streamable-http&limit=50').flush(pageOf([]));

    await chooseOption(fixture, byTestId(element, 'catalog-team'), 'Platform');
    const request = http.expectOne((req) => req.url.startsWith('/api/catalog/servers?'));
    expect(searchParams(request.request.url)).toEqual({
      q: 'files',
      tag: 'local',
      transport: 'streamable-http',
      teamId: 't1',
      limit: '50',
    });
    request.flush(pageOf([aCatalogServer()], 'c2'));
    await settle(fixture);

    byTestId(element, 'catalog-more').click();
    const more = http.expectOne((req) => req.url.includes('cursor=c2'));
    expect(searchParams(more.request.url)).toMatchObject({ q: 'files', teamId: 't1' });
    more.flush(pageOf([aCatalogServer()]));
    await settle(fixture);
    expect(allByTestId(element, 'catalog-row')).toHaveLength(2);
  });

  it('starts with the team from the address and opens an entry for that team', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await open({}, 't1');
    http.expectOne('/api/catalog/servers?teamId=t1&limit=50').flush(pageOf([aCatalogServer({ id: 's7' })]));
    await settle(fixture);
    byTestId(element, 'catalog-row').click();
    expect(navigate).toHaveBeenCalledWith(['/catalog', 's7'], { queryParams: { teamId: 't1' } });
  });

  it('offers a new entry to global and team admins only', async () => {
    const admin = { teamId: 't1', teamName: 'Platform', role: 'team_admin' as const, personal: false };
    await open({ globalRole: 'global_user', teams: [{ ...admin, role: 'team_user' }] });
    http.expectOne('/api/catalog/servers?limit=50').flush(pageOf([]));
    await settle(fixture);
    expect(element.querySelector('[data-testid=catalog-create]')).toBeNull();

    fixture.destroy();
    await open({ globalRole: 'global_user', teams: [admin] });
    http.expectOne('/api/catalog/servers?limit=50').flush(pageOf([]));
    await settle(fixture);
    expect(element.querySelector('[data-testid=catalog-create]')).not.toBeNull();
  });
});
