import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, chooseOption } from '../../testing/dom';
import { anInstallation, aTeam, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { InstallationsPage } from './installations-page';

describe('InstallationsPage', () => {
  let fixture: ComponentFixture<InstallationsPage>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [InstallationsPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await signIn({ teams: [{ teamId: 't2', teamName: 'Data', role: 'team_admin', personal: false }] });
    fixture = TestBed.createComponent(InstallationsPage);
    element = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  it('lists the installations of the team from the address, then of the team picked', async () => {
    fixture.componentRef.setInput('teamId', 't2');
    await fixture.whenStable();
    http
      .expectOne('/api/teams?limit=100')
      .flush(pageOf([aTeam({ id: 't1', name: 'Platform' }), aTeam({ id: 't2', name: 'Data' })]));
    await settle(fixture);
    http
      .expectOne('/api/teams/t2/installations?limit=50')
      .flush(pageOf([anInstallation({ id: 'i1', teamId: 't2', slug: 'files', status: 'incomplete' })]));
    await settle(fixture);
    const row = byTestId(element, 'installation-row');
    expect(row.textContent).toContain('files');
    expect(row.textContent).toContain('incomplete');
    expect(element.querySelector('[data-testid=installations-browse]')).not.toBeNull();

    row.click();
    expect(navigate).toHaveBeenCalledWith(['/teams', 't2', 'installations', 'i1']);

    await chooseOption(fixture, byTestId(element, 'installations-team'), 'Platform');
    http.expectOne('/api/teams/t1/installations?limit=50').flush(pageOf([]));
    await settle(fixture);
    expect(allByTestId(element, 'installation-row')).toHaveLength(0);
    expect(element.textContent).toContain('Nothing installed in this team yet.');
    expect(element.querySelector('[data-testid=installations-browse]')).toBeNull();
  });

  it('flags installations with a newer version or an upstream change', async () => {
    fixture.componentRef.setInput('teamId', 't2');
    await fixture.whenStable();
    http.expectOne('/api/teams?limit=100').flush(pageOf([aTeam({ id: 't2', name: 'Data' })]));
    await settle(fixture);
    http
      .expectOne('/api/teams/t2/installations?limit=50')
      .flush(
        pageOf([
          anInstallation({ teamId: 't2', version: '1.0.0', latestVersion: '1.2.0', updateAvailable: true }),
          anInstallation({ teamId: 't2', upstreamStatus: 'deprecated' }),
          anInstallation({ teamId: 't2', upstreamStatus: 'deleted' }),
          anInstallation({ teamId: 't2' }),
        ]),
      );
    await settle(fixture);
    const rows = allByTestId(element, 'installation-row');
    const flag = (row: HTMLElement, testId: string) => row.querySelector(`[data-testid=${testId}]`)?.textContent?.trim();
    expect(flag(rows[0]!, 'installation-update-available')).toBe('Update available: 1.2.0');
    expect(rows.map((row) => flag(row, 'installation-upstream-status'))).toEqual([
      undefined,
      'Deprecated upstream',
      'Deleted upstream',
      undefined,
    ]);
    expect(flag(rows[3]!, 'installation-update-available')).toBeUndefined();
  });
});
