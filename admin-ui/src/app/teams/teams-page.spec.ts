import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { AuthSettingsDto, CurrentUser } from '@orbit/contracts';
import { signIn } from '../testing/auth-testing';
import { aTeam, pageOf } from '../testing/factories';
import { providePageTesting } from '../testing/providers';
import { settle } from '../testing/settle';
import { TeamsPage } from './teams-page';

describe('TeamsPage', () => {
  let fixture: ComponentFixture<TeamsPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [TeamsPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(
    user: Partial<CurrentUser>,
    teamCreation: AuthSettingsDto['teamCreation'],
    teams = [aTeam()],
  ): Promise<void> {
    await signIn(user);
    fixture = TestBed.createComponent(TeamsPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/auth/settings').flush({ sso: { enabled: false, label: '' }, teamCreation });
    http.expectOne('/api/teams?limit=50').flush(pageOf(teams));
    await settle(fixture);
  }

  const createButton = () => element.querySelector('[data-testid=teams-create]');

  it('lists teams with a personal badge and the caller’s role', async () => {
    await open({}, 'everyone', [
      aTeam({ name: 'Me', personal: true, myRole: 'team_admin' }),
      aTeam({ name: 'Ops', memberCount: 7 }),
    ]);
    const rows = Array.from(element.querySelectorAll('[data-testid=team-row]'));
    expect(rows.map((row) => row.querySelector('[data-testid=team-personal]') !== null)).toEqual([true, false]);
    expect(rows[0]?.textContent).toContain('Team admin');
    expect(rows[1]?.textContent).toContain('7');
  });

  it('lets everyone create teams when the deployment allows it', async () => {
    await open({ globalRole: 'global_user' }, 'everyone');
    expect(createButton()).not.toBeNull();
  });

  it('hides team creation from plain users when only admins may create teams', async () => {
    await open({ globalRole: 'global_user' }, 'admins');
    expect(createButton()).toBeNull();
  });

  it('always lets global admins create teams', async () => {
    await open({ globalRole: 'global_admin' }, 'admins');
    expect(createButton()).not.toBeNull();
  });

  it('opens the team page when a row is clicked', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await open({}, 'everyone', [aTeam({ id: 't42' })]);
    element.querySelector<HTMLElement>('[data-testid=team-row]')!.click();
    expect(navigate).toHaveBeenCalledWith(['/teams', 't42']);
  });
});
