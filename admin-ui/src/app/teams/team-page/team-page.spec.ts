import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { CurrentUser, MemberDto, TeamDto } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { aMember, aTeam, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { TeamPage } from './team-page';

describe('TeamPage', () => {
  let fixture: ComponentFixture<TeamPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [TeamPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(user: Partial<CurrentUser>, team: TeamDto, members: MemberDto[]): Promise<void> {
    await signIn(user);
    fixture = TestBed.createComponent(TeamPage);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('teamId', team.id);
    await fixture.whenStable();
    http.expectOne(`/api/teams/${team.id}`).flush(team);
    await settle(fixture);
    http.expectOne(`/api/teams/${team.id}/members?limit=100`).flush(pageOf(members));
    await settle(fixture);
  }

  const testIds = (...ids: string[]): Record<string, boolean> =>
    Object.fromEntries(ids.map((id) => [id, element.querySelector(`[data-testid=${id}]`) !== null]));
  const controls = [
    'member-email',
    'member-role',
    'member-add',
    'member-role-select',
    'member-remove',
    'team-rename',
    'team-delete',
  ];

  it('shows a team user the members but no way to change them', async () => {
    const team = aTeam({ name: 'Platform', myRole: 'team_user' });
    await open({ id: 'me', globalRole: 'global_user' }, team, [
      aMember({ userId: 'me' }),
      aMember({ email: 'lead@example.com', role: 'team_admin' }),
    ]);
    expect(element.querySelector('[data-testid=team-title]')?.textContent).toContain('Platform');
    const rows = element.querySelectorAll('[data-testid=member-row]');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.textContent).toContain('lead@example.com');
    expect(testIds(...controls)).toEqual(Object.fromEntries(controls.map((id) => [id, false])));
  });

  it('gives a team admin the add form, per-member role and remove controls, rename and delete', async () => {
    const team = aTeam({ myRole: 'team_admin' });
    await open({ id: 'me', globalRole: 'global_user' }, team, [aMember({ userId: 'me', role: 'team_admin' }), aMember()]);
    expect(testIds(...controls)).toEqual(Object.fromEntries(controls.map((id) => [id, true])));
    expect(element.querySelectorAll('[data-testid=member-role-select]')).toHaveLength(2);
    expect(element.querySelector('[data-testid=team-limits]')).toBeNull();
  });

  it('judges by the role in this team, not by admin roles elsewhere', async () => {
    const team = aTeam({ myRole: 'team_user' });
    const elsewhere = [{ teamId: 'other', teamName: 'Other', role: 'team_admin' as const, personal: false }];
    await open({ globalRole: 'global_user', teams: elsewhere }, team, [aMember()]);
    expect(testIds('member-add', 'member-remove', 'team-delete')).toEqual({
      'member-add': false,
      'member-remove': false,
      'team-delete': false,
    });
  });

  it('offers neither new members nor deletion on a personal team', async () => {
    const team = aTeam({ personal: true, myRole: 'team_admin' });
    await open({ id: 'me' }, team, [aMember({ userId: 'me', role: 'team_admin' })]);
    expect(testIds('member-add', 'team-delete', 'team-rename')).toEqual({
      'member-add': false,
      'team-delete': false,
      'team-rename': true,
    });
  });

  it('lets a global admin edit limits and manage a team they are not in', async () => {
    const team = aTeam({ myRole: undefined, limits: { maxMembers: 10, maxInstallations: null } });
    await open({ globalRole: 'global_admin' }, team, [aMember()]);
    expect(testIds('team-limits', 'member-add', 'team-delete')).toEqual({
      'team-limits': true,
      'member-add': true,
      'team-delete': true,
    });
    expect(element.querySelector<HTMLInputElement>('[data-testid=team-limit-members]')?.value).toBe('10');
  });

  it('shows why a role change was refused and keeps the stored role', async () => {
    const team = aTeam({ id: 't1', myRole: 'team_admin' });
    const only = aMember({ userId: 'me', role: 'team_admin' });
    await open({ id: 'me' }, team, [only]);
    element.querySelector<HTMLElement>('[data-testid=member-role-select] .mat-mdc-select-trigger')!.click();
    await settle(fixture);
    const userOption = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) =>
      o.textContent?.includes('Team user'),
    );
    userOption!.click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/teams/t1/members/me' });
    expect(request.request.body).toEqual({ role: 'team_user' });
    request.flush(
      { statusCode: 409, error: 'Conflict', message: 'A team needs at least one team admin', code: 'last_team_admin' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(document.querySelector('.mat-mdc-snack-bar-container')?.textContent).toContain('A team needs at least one team admin');
    expect(element.querySelector('[data-testid=member-role-select]')?.textContent).toContain('Team admin');
  });

  it('adds a member by email and shows the server message when no account has it', async () => {
    const team = aTeam({ id: 't1', myRole: 'team_admin' });
    await open({}, team, []);
    const email = element.querySelector<HTMLInputElement>('[data-testid=member-email]')!;
    email.value = 'nobody@example.com';
    email.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=member-add]')!.click();
    const request = http.expectOne({ method: 'POST', url: '/api/teams/t1/members' });
    expect(request.request.body).toEqual({ email: 'nobody@example.com', role: 'team_user' });
    request.flush(
      { statusCode: 404, error: 'Not Found', message: 'No user has this email' },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);
    expect(email.closest('mat-form-field')?.querySelector('mat-error')?.textContent).toContain('No user has this email');
  });

  it('renames the team in place', async () => {
    const team = aTeam({ id: 't1', name: 'Platform', myRole: 'team_admin' });
    await open({}, team, [aMember()]);
    element.querySelector<HTMLButtonElement>('[data-testid=team-rename]')!.click();
    await settle(fixture);
    const input = element.querySelector<HTMLInputElement>('[data-testid=team-rename-input]')!;
    expect(input.value).toBe('Platform');
    input.value = 'Platform Eng';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=team-rename-save]')!.click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/teams/t1' });
    expect(request.request.body).toEqual({ name: 'Platform Eng' });
    request.flush({ ...team, name: 'Platform Eng' });
    await settle(fixture);
    http.expectOne('/api/me').flush({ id: 'u1', email: 'a@example.com', name: 'A', globalRole: 'global_user', teams: [] });
    await settle(fixture);
    expect(element.querySelector('[data-testid=team-title]')?.textContent).toContain('Platform Eng');
  });

  it('adds a member and leaves an empty form without errors for the next one', async () => {
    const team = aTeam({ id: 't1', myRole: 'team_admin', memberCount: 1 });
    await open({}, team, [aMember()]);
    const email = element.querySelector<HTMLInputElement>('[data-testid=member-email]')!;
    email.value = 'carol@example.com';
    email.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid=member-add]')!.click();
    http
      .expectOne({ method: 'POST', url: '/api/teams/t1/members' })
      .flush(aMember({ email: 'carol@example.com' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    http.expectOne('/api/teams/t1').flush({ ...team, memberCount: 2 });
    await settle(fixture);
    expect(Array.from(element.querySelectorAll('[data-testid=member-row]')).map((r) => r.textContent)).toEqual([
      expect.any(String),
      expect.stringContaining('carol@example.com'),
    ]);
    expect(email.value).toBe('');
    expect(element.querySelector('orbit-team-members mat-error')).toBeNull();
  });

  it('links members to the team’s OAuth clients, and not a global admin outside the team', async () => {
    const team = aTeam({ myRole: 'team_user' });
    await open({ id: 'me', teams: [{ teamId: team.id, teamName: team.name, role: 'team_user', personal: false }] }, team, []);
    expect(element.querySelector('[data-testid=team-oauth-clients]')?.getAttribute('href')).toBe(
      `/teams/${team.id}/oauth-clients`,
    );
    expect(element.querySelector('[data-testid=team-connect]')).not.toBeNull();
  });

  it('sends a global admin outside the team to the all-clients page instead', async () => {
    const team = aTeam({ myRole: undefined });
    await open({ id: 'admin', globalRole: 'global_admin', teams: [] }, team, []);
    expect(element.querySelector('[data-testid=team-oauth-clients]')).toBeNull();
  });
});
