import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import { signIn } from '../../testing/auth-testing';
import { byTestId, errorNear, toggle, typeInto } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { aCatalogServer, aCatalogVersion, aFilesystemDefinition, anInstallation, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { InstallWizard, slugFrom } from './install-wizard';

describe('InstallWizard', () => {
  let fixture: ComponentFixture<InstallWizard>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [InstallWizard], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  /** An older version whose directories are locked unless a team unlocks them. */
  function lockedDirectories() {
    const definition = aFilesystemDefinition();
    definition.user.args = [{ name: 'directories', type: 'filepath', repeated: true, lockedByDefault: true }];
    return definition;
  }

  async function open(version?: string): Promise<void> {
    await signIn({ teams: [{ teamId: 't1', teamName: 'Platform', role: 'team_admin', personal: false }] });
    fixture = TestBed.createComponent(InstallWizard);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('teamId', 't1');
    fixture.componentRef.setInput('serverId', 's1');
    if (version) fixture.componentRef.setInput('version', version);
    await fixture.whenStable();
    http
      .expectOne('/api/catalog/servers/s1')
      .flush(aCatalogServer({ id: 's1', name: 'io.github.modelcontextprotocol/server-filesystem' }));
    http
      .expectOne('/api/catalog/servers/s1/versions?limit=100')
      .flush(
        pageOf([
          aCatalogVersion({ id: 'v2', version: '2026.8.31', isLatest: true }),
          aCatalogVersion({ id: 'v1', version: '2026.1.1', isLatest: false, config: lockedDirectories() }),
        ]),
      );
    await settle(fixture);
  }

  it('sends the chosen version, the team values and a lock for every member setting', async () => {
    await open();
    expect(byTestId<HTMLSelectElement>(element, 'install-version').value).toBe('v2');
    const secret = byTestId<HTMLInputElement>(element, 'install-value-env-SHARED_API_KEY');
    expect(secret.type).toBe('password');
    typeInto(secret, 'sk-team-1');
    typeInto(byTestId<HTMLInputElement>(element, 'install-slug'), 'files');
    toggle(byTestId(element, 'install-lock-env-DEBUG'));
    await settle(fixture);

    byTestId(element, 'install-save').click();
    await settle(fixture);
    const request = http.expectOne({ method: 'POST', url: '/api/teams/t1/installations' });
    expect(request.request.body).toEqual({
      serverId: 's1',
      version: '2026.8.31',
      slug: 'files',
      config: { env: { SHARED_API_KEY: 'sk-team-1' } },
      locks: { 'args.directories': false, 'env.DEBUG': true },
    });
    request.flush(anInstallation({ id: 'i9', teamId: 't1' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/teams', 't1', 'installations', 'i9']);
  });

  it('starts with locks as the definition says and the version chosen on the entry page', async () => {
    await open('2026.1.1');
    expect(byTestId<HTMLSelectElement>(element, 'install-version').value).toBe('v1');
    const checked = (testId: string) => byTestId(element, testId).querySelector('button')?.getAttribute('aria-checked');
    expect([checked('install-lock-args-directories'), checked('install-lock-env-DEBUG')]).toEqual(['true', 'false']);
    byTestId(element, 'install-save').click();
    await settle(fixture);
    const request = http.expectOne({ method: 'POST', url: '/api/teams/t1/installations' });
    expect(request.request.body).toEqual({
      serverId: 's1',
      version: '2026.1.1',
      locks: { 'args.directories': true, 'env.DEBUG': false },
    });
    request.flush(anInstallation());
    await settle(fixture);
  });

  it('shows a taken slug and a refused team value next to their inputs', async () => {
    await open();
    typeInto(byTestId<HTMLInputElement>(element, 'install-slug'), 'files');
    byTestId(element, 'install-save').click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/teams/t1/installations' })
      .flush(...failure(409, 'This team already has an installation named files', { code: 'duplicate' }));
    await settle(fixture);
    expect(errorNear(byTestId(element, 'install-slug'))).toBe('This team already has an installation named files');

    typeInto(byTestId<HTMLInputElement>(element, 'install-slug'), 'files-2');
    byTestId(element, 'install-save').click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: '/api/teams/t1/installations' }).flush(
      ...failure(400, 'Validation failed', {
        details: [{ field: 'config.env.SHARED_API_KEY', message: 'SHARED_API_KEY is too long' }],
      }),
    );
    await settle(fixture);
    expect(errorNear(byTestId(element, 'install-value-env-SHARED_API_KEY'))).toBe('SHARED_API_KEY is too long');
  });

  it('derives the slug the API would use from the name', () => {
    expect(slugFrom('io.github.modelcontextprotocol/server-filesystem')).toBe('server-filesystem');
    expect(slugFrom('com.Example/My Server!')).toBe('my-server');
  });
});
