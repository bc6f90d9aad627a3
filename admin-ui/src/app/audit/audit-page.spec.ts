import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { anAuditEvent, aTeam, pageOf } from '../testing/factories';
import { providePageTesting } from '../testing/providers';
import { settle } from '../testing/settle';
import { AuditPage } from './audit-page';

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [AuditPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/teams?limit=100').flush(pageOf([aTeam({ id: 't1', name: 'Platform' })]));
  });

  afterEach(() => http.verify());

  function type(testId: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(`[data-testid=${testId}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows events with the team name and their before and after on demand', async () => {
    http.expectOne('/api/audit?limit=50').flush(
      pageOf([
        anAuditEvent({
          action: 'team.member.role_changed',
          actor: { id: 'u1', email: 'lead@example.com' },
          teamId: 't1',
          before: { role: 'team_user' },
          after: { role: 'team_admin' },
        }),
      ]),
    );
    await settle(fixture);
    const row = element.querySelector<HTMLElement>('[data-testid=audit-row]')!;
    expect(row.textContent).toContain('lead@example.com');
    expect(row.textContent).toContain('team.member.role_changed');
    expect(row.textContent).toContain('Platform');
    expect(element.querySelector('[data-testid=audit-details]')).toBeNull();

    row.click();
    await settle(fixture);
    expect(element.querySelector('[data-testid=audit-before]')?.textContent).toContain('"role": "team_user"');
    expect(element.querySelector('[data-testid=audit-after]')?.textContent).toContain('"role": "team_admin"');
  });

  it('sends the filters, with dates as the whole local days, and pages on with the cursor', async () => {
    http.expectOne('/api/audit?limit=50').flush(pageOf([]));
    await settle(fixture);
    type('audit-actor', 'alice+ops@example.com');
    type('audit-action', 'team.created');
    type('audit-from', '2026-03-01');
    type('audit-to', '2026-03-02');
    element.querySelector<HTMLButtonElement>('[data-testid=audit-apply]')!.click();
    const request = http.expectOne((req) => req.url.startsWith('/api/audit?'));
    const params = new URL(request.request.url, 'http://x').searchParams;
    expect(params.get('actor')).toBe('alice+ops@example.com');
    expect(params.get('action')).toBe('team.created');
    expect(params.get('from')).toBe(new Date(2026, 2, 1).toISOString());
    expect(params.get('to')).toBe(new Date(new Date(2026, 2, 3).getTime() - 1).toISOString());
    expect(params.has('teamId')).toBe(false);
    request.flush(pageOf([anAuditEvent()], 'next'));
    await settle(fixture);

    element.querySelector<HTMLButtonElement>('[data-testid=audit-more]')!.click();
    const more = http.expectOne((req) => req.url.includes('cursor=next'));
    expect(new URL(more.request.url, 'http://x').searchParams.get('actor')).toBe('alice+ops@example.com');
    more.flush(pageOf([anAuditEvent()]));
    await settle(fixture);
    expect(element.querySelectorAll('[data-testid=audit-row]')).toHaveLength(2);
  });

  it('refuses a start date after the end date without asking the server', async () => {
    http.expectOne('/api/audit?limit=50').flush(pageOf([]));
    await settle(fixture);
    type('audit-from', '2026-03-05');
    type('audit-to', '2026-03-01');
    element.querySelector<HTMLButtonElement>('[data-testid=audit-apply]')!.click();
    await settle(fixture);
    http.expectNone((req) => req.url.startsWith('/api/audit'));
    expect(element.textContent).toContain('The start date is after the end date.');
  });
});
