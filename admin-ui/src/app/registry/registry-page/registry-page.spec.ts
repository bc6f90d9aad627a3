import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { SyncRunDto } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { aSyncRun, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { SYNC_POLL_INTERVAL } from '../sync-run-watcher';
import { RegistryPage } from './registry-page';

const LIST = '/api/admin/registry/sync?limit=50';
const runUrl = (id: string) => `/api/admin/registry/sync/${id}`;

describe('RegistryPage', () => {
  let fixture: ComponentFixture<RegistryPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [RegistryPage],
      // Polls as soon as each answer is in, so that a test steps through them without waiting a second each.
      providers: [...providePageTesting(), { provide: SYNC_POLL_INTERVAL, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn({ globalRole: 'global_admin' });
    fixture = TestBed.createComponent(RegistryPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function answer(url: string, body: SyncRunDto | ReturnType<typeof pageOf<SyncRunDto>>): Promise<void> {
    http.expectOne(url).flush(body);
    await settle(fixture);
  }

  const running = (overrides: Partial<SyncRunDto> = {}) =>
    aSyncRun({ id: 'r2', status: 'running', finishedAt: null, skipped: [], skippedCount: 0, ...overrides });
  const text = (testId: string) => byTestId(element, testId).textContent?.trim();
  const present = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) !== null;

  it('follows the running sync with a progress bar until it finishes, then stops asking', async () => {
    await answer(LIST, pageOf([running({ seen: 50, estimatedTotal: 200, imported: 40 }), aSyncRun({ id: 'r1' })]));
    expect(text('registry-run-status')).toBe('running');
    const bar = byTestId(element, 'registry-run-progress');
    expect(bar.getAttribute('mode')).toBe('determinate');
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(text('registry-run-progress-text')).toBe('50 of about 200 entries (25%)');
    expect(byTestId<HTMLButtonElement>(element, 'registry-sync-now').disabled).toBe(true);
    expect(allByTestId(element, 'registry-run-row')).toHaveLength(2);

    await answer(runUrl('r2'), running({ seen: 150, estimatedTotal: 200, imported: 120, pages: 2 }));
    expect(byTestId(element, 'registry-run-progress').getAttribute('aria-valuenow')).toBe('75');
    expect(text('registry-run-imported')).toBe('120');
    expect(text('registry-run-pages')).toBe('2');
    expect(byTestId(allByTestId(element, 'registry-run-row')[0]!, 'registry-row-imported').textContent?.trim()).toBe('120');

    await answer(
      runUrl('r2'),
      aSyncRun({
        id: 'r2',
        status: 'succeeded',
        seen: 210,
        imported: 180,
        skippedCount: 1_200,
        startedAt: '2026-03-01T12:00:00.000Z',
        finishedAt: '2026-03-01T12:03:10.000Z',
      }),
    );
    expect(text('registry-run-status')).toBe('succeeded');
    expect(present('registry-run-progress')).toBe(false);
    expect(text('registry-run-duration')).toBe('3 min 10 s');
    expect(text('registry-run-skipped')).toBe('1,200');
    expect(byTestId(allByTestId(element, 'registry-run-row')[0]!, 'registry-row-status').textContent).toBe('succeeded');
    expect(byTestId<HTMLButtonElement>(element, 'registry-sync-now').disabled).toBe(false);

    await settle(fixture);
    http.expectNone(runUrl('r2'));
  });

  it('shows an indeterminate bar while the total is unknown, and stops asking once the page is gone', async () => {
    await answer(LIST, pageOf([running({ mode: 'incremental', seen: 30, estimatedTotal: null })]));
    const bar = byTestId(element, 'registry-run-progress');
    expect(bar.getAttribute('mode')).toBe('indeterminate');
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(text('registry-run-progress-text')).toBe('30 entries read so far');

    fixture.destroy();
    http.expectOne(runUrl('r2')).flush(running({ seen: 60 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    http.expectNone(runUrl('r2'));
  });

  it('shows why a failed run stopped', async () => {
    await answer(
      LIST,
      pageOf([aSyncRun({ status: 'failed', error: 'registry answered 503 after 6 attempts', retries: 5, warningCount: 7 })]),
    );
    expect(text('registry-run-error')).toBe('registry answered 503 after 6 attempts');
    expect(text('registry-run-retries')).toBe('5');
    expect(text('registry-run-warnings')).toBe('7');
    expect(present('registry-run-progress')).toBe(false);
  });

  it('starts an incremental or a full sync and follows the new run', async () => {
    await answer(LIST, pageOf([aSyncRun({ id: 'r1' })]));

    byTestId(element, 'registry-sync-full').click();
    const start = http.expectOne({ method: 'POST', url: '/api/admin/registry/sync' });
    expect(start.request.body).toEqual({ full: true });
    start.flush({ runId: 'r2' });
    await settle(fixture);
    await answer(runUrl('r2'), aSyncRun({ id: 'r2', status: 'queued', startedAt: null, finishedAt: null, estimatedTotal: 250 }));
    expect(text('registry-run-status')).toBe('queued');
    expect(text('registry-run-progress-text')).toBe('Waiting to start…');
    expect(allByTestId(element, 'registry-run-row')).toHaveLength(2);
    expect(document.querySelector('.mat-mdc-snack-bar-container')?.textContent).toContain('Full sync started');
    await answer(runUrl('r2'), aSyncRun({ id: 'r2' }));

    byTestId(element, 'registry-sync-now').click();
    http.expectOne({ method: 'POST', url: '/api/admin/registry/sync' }).flush({ runId: 'r3' });
    await settle(fixture);
    await answer(runUrl('r3'), aSyncRun({ id: 'r3', mode: 'incremental' }));
    expect(text('registry-run-mode')).toContain('Incremental');
    expect(allByTestId(element, 'registry-run-row')).toHaveLength(3);
  });

  it('sends an incremental start without a body flag', async () => {
    await answer(LIST, pageOf([]));
    expect(element.textContent).toContain('No sync has run yet.');
    byTestId(element, 'registry-sync-now').click();
    const start = http.expectOne({ method: 'POST', url: '/api/admin/registry/sync' });
    expect(start.request.body).toEqual({});
    start.flush({ runId: 'r1' });
    await settle(fixture);
    await answer(runUrl('r1'), aSyncRun({ id: 'r1' }));
  });

  it('on 409 shows the message and jumps to the run already going', async () => {
    await answer(LIST, pageOf([aSyncRun({ id: 'r1' })]));
    expect(text('registry-run-status')).toBe('succeeded');

    byTestId(element, 'registry-sync-now').click();
    http
      .expectOne({ method: 'POST', url: '/api/admin/registry/sync' })
      .flush(...failure(409, 'A registry sync is already running: run r9', { code: 'in_progress' }));
    await settle(fixture);
    expect(document.querySelector('.mat-mdc-snack-bar-container')?.textContent).toContain(
      'A registry sync is already running: run r9',
    );

    await answer(LIST, pageOf([running({ id: 'r9', trigger: 'schedule' }), aSyncRun({ id: 'r1' })]));
    expect(text('registry-run-status')).toBe('running');
    expect(byTestId(element, 'registry-current-run').textContent).toContain('Scheduled');
    expect(byTestId<HTMLButtonElement>(element, 'registry-sync-now').disabled).toBe(true);
    await answer(runUrl('r9'), aSyncRun({ id: 'r9' }));
  });

  it('opens a run from its row', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await answer(LIST, pageOf([aSyncRun({ id: 'r1' })]));
    byTestId(element, 'registry-run-row').click();
    expect(navigate).toHaveBeenCalledWith(['/registry/runs', 'r1']);
    expect(byTestId(element, 'registry-run-open').getAttribute('href')).toBe('/registry/runs/r1');
  });
});
