import { OverlayContainer } from '@angular/cdk/overlay';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { InstallationDto, TeamRole } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, toggle, typeInto } from '../../testing/dom';
import { aFilesystemDefinition, aMemberConfigState, anInstallation, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { InstallationPage } from './installation-page';

const BASE = '/api/teams/t1/installations/i1';

describe('InstallationPage', () => {
  let fixture: ComponentFixture<InstallationPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [InstallationPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(role: TeamRole, installation: InstallationDto): Promise<void> {
    await signIn({ teams: [{ teamId: 't1', teamName: 'Platform', role, personal: false }] });
    fixture = TestBed.createComponent(InstallationPage);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('teamId', 't1');
    fixture.componentRef.setInput('installationId', 'i1');
    await fixture.whenStable();
    http.expectOne(BASE).flush(installation);
    await settle(fixture);
  }

  const present = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) !== null;

  it('shows a team admin the status, what is missing, write-only secrets, tools and each member’s setup', async () => {
    await open('team_admin', anInstallation({ id: 'i1', status: 'incomplete', missing: ['env.SHARED_API_KEY'] }));
    http
      .expectOne(`${BASE}/user-configs?limit=100`)
      .flush(
        pageOf([
          aMemberConfigState({ email: 'alice@example.com', set: ['args.directories', 'env.DEBUG'], status: 'incomplete' }),
          aMemberConfigState({ email: 'bob@example.com', status: 'awaiting_user_config', missing: ['args.directories'] }),
        ]),
      );
    await settle(fixture);

    expect(byTestId(element, 'installation-status').textContent).toContain('incomplete');
    expect(byTestId(element, 'installation-missing').textContent).toContain('env.SHARED_API_KEY');
    expect(byTestId(element, 'installation-secret-env-SHARED_API_KEY').textContent?.trim()).toBe('not set');
    expect(byTestId(element, 'tools-empty').textContent).toContain('No tools discovered yet');
    const rows = allByTestId(element, 'member-config-row').map((r) => r.textContent);
    expect(rows[0]).toContain('args.directories, env.DEBUG');
    expect(rows[1]).toContain('awaiting user config');

    typeInto(byTestId<HTMLInputElement>(element, 'installation-value-env-SHARED_API_KEY'), 'sk-team-2');
    toggle(byTestId(element, 'installation-lock-env-DEBUG'));
    await settle(fixture);
    byTestId(element, 'installation-save').click();
    await settle(fixture);
    const patch = http.expectOne({ method: 'PATCH', url: BASE });
    expect(patch.request.body).toEqual({
      config: { env: { SHARED_API_KEY: 'sk-team-2' } },
      locks: { 'args.directories': false, 'env.DEBUG': true },
      toolPolicy: { disabled: [] },
    });
    patch.flush(
      anInstallation({
        id: 'i1',
        config: { env: { SHARED_API_KEY: '*****' } },
        locks: { 'args.directories': false, 'env.DEBUG': true },
        updatedAt: '2026-02-01T00:00:00.000Z',
      }),
    );
    await settle(fixture);
    http.expectOne(`${BASE}/user-configs?limit=100`).flush(pageOf([]));
    await settle(fixture);

    expect(byTestId(element, 'installation-status').textContent).toContain('ready');
    expect(present('installation-missing')).toBe(false);
    expect(byTestId(element, 'installation-secret-env-SHARED_API_KEY').textContent?.trim()).toBe('set');
    expect(byTestId<HTMLInputElement>(element, 'installation-value-env-SHARED_API_KEY').value).toBe('');
  });

  it('says when a newer version is available and when the server was deleted upstream', async () => {
    await open(
      'team_user',
      anInstallation({ id: 'i1', latestVersion: '1.2.0', updateAvailable: true, upstreamStatus: 'deleted' }),
    );
    expect(byTestId(element, 'installation-update-available').textContent?.trim()).toBe('Update available: 1.2.0');
    expect(byTestId(element, 'installation-upstream-status').textContent?.trim()).toBe('Deleted upstream');
  });

  it('shows a team user the visible team values and the locks, read-only', async () => {
    const definition = aFilesystemDefinition();
    definition.team.env = [
      { name: 'SHARED_API_KEY', type: 'secret', required: true },
      { name: 'REGION', type: 'string', visibleToUsers: true },
    ];
    await open(
      'team_user',
      anInstallation({ id: 'i1', definition, config: { env: { REGION: 'eu-west-1' } }, locks: { 'env.DEBUG': true } }),
    );
    expect(byTestId(element, 'installation-shown-env-REGION').textContent).toContain('eu-west-1');
    expect(present('installation-value-env-SHARED_API_KEY')).toBe(false);
    expect(present('installation-secret-env-SHARED_API_KEY')).toBe(false);
    expect(byTestId(element, 'installation-lock-env-DEBUG').textContent).toContain('Locked');
    for (const testId of ['installation-save', 'installation-uninstall', 'installation-toggle', 'member-config-row', 'tool-name'])
      expect(present(testId)).toBe(false);
    expect(present('installation-my-config')).toBe(true);
  });

  it('lets a team admin disable the installation and uninstall it after confirming', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await open('team_admin', anInstallation({ id: 'i1' }));
    http.expectOne(`${BASE}/user-configs?limit=100`).flush(pageOf([]));
    await settle(fixture);

    byTestId(element, 'installation-toggle').click();
    const patch = http.expectOne({ method: 'PATCH', url: BASE });
    expect(patch.request.body).toEqual({ disabled: true });
    patch.flush(anInstallation({ id: 'i1', status: 'disabled', updatedAt: '2026-03-01T00:00:00.000Z' }));
    await settle(fixture);
    http.expectOne(`${BASE}/user-configs?limit=100`).flush(pageOf([]));
    await settle(fixture);
    expect(byTestId(element, 'installation-status').textContent).toContain('disabled');
    expect(byTestId(element, 'installation-toggle').textContent).toContain('Enable');

    byTestId(element, 'installation-uninstall').click();
    await settle(fixture);
    byTestId(TestBed.inject(OverlayContainer).getContainerElement(), 'confirm-ok').click();
    await settle(fixture);
    http.expectOne({ method: 'DELETE', url: BASE }).flush(null);
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/installations'], { queryParams: { teamId: 't1' } });
  });
});
