import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, typeInto } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { aSyncRun } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { SYNC_POLL_INTERVAL } from '../sync-run-watcher';
import { RunDetail } from './run-detail';

describe('RunDetail', () => {
  let fixture: ComponentFixture<RunDetail>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [RunDetail],
      providers: [...providePageTesting(), { provide: SYNC_POLL_INTERVAL, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
    await signIn({ globalRole: 'global_admin' });
    fixture = TestBed.createComponent(RunDetail);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('runId', 'r1');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = (testId: string) => byTestId(element, testId).textContent?.trim();
  const names = (testId: string) => allByTestId(element, testId).map((row) => row.querySelector('code')?.textContent);

  it('lists what was skipped and the warnings, filtered by text', async () => {
    http.expectOne('/api/admin/registry/sync/r1').flush(
      aSyncRun({
        id: 'r1',
        skipped: [
          { name: 'io.github.acme/tool', version: '1.0.0', reason: 'the server has neither a package nor a remote' },
          { name: 'com.example/db', version: '2.1.0', reason: 'a catalog entry made by an admin has this name' },
          { name: 'io.github.acme/py', version: '0.3.0', reason: 'could not be stored: value too long' },
        ],
        skippedCount: 3,
        warnings: [
          {
            name: 'io.github.acme/tool',
            version: '1.1.0',
            field: '_meta.status',
            reason: 'unknown status "paused", read as active',
          },
          {
            name: 'org.example/files',
            version: '3.0.0',
            field: 'packages[0].transport',
            reason: 'package transport sse is run as stdio',
          },
        ],
        warningCount: 2,
      }),
    );
    await settle(fixture);
    expect(names('registry-skipped-row')).toEqual(['io.github.acme/tool', 'com.example/db', 'io.github.acme/py']);
    expect(allByTestId(element, 'registry-skipped-row')[0]?.textContent).toContain('neither a package nor a remote');
    expect(text('registry-skipped-count')).toBe('3 entries not imported');
    expect(allByTestId(element, 'registry-warning-row')[0]?.textContent).toContain('_meta.status');
    expect(text('registry-warnings-count')).toBe('2 warnings');

    typeInto(byTestId<HTMLInputElement>(element, 'registry-issues-filter'), 'ACME');
    await settle(fixture);
    expect(names('registry-skipped-row')).toEqual(['io.github.acme/tool', 'io.github.acme/py']);
    expect(text('registry-skipped-count')).toBe('3 entries not imported · 2 match the filter');
    expect(names('registry-warning-row')).toEqual(['io.github.acme/tool']);
    expect(text('registry-warnings-count')).toBe('2 warnings · 1 matches the filter');

    typeInto(byTestId<HTMLInputElement>(element, 'registry-issues-filter'), 'admin name');
    await settle(fixture);
    expect(names('registry-skipped-row')).toEqual(['com.example/db']);
    expect(allByTestId(element, 'registry-warning-row')).toHaveLength(0);
    expect(element.textContent).toContain('No warning matches the filter.');
  });

  it('follows a running run until it finishes', async () => {
    http
      .expectOne('/api/admin/registry/sync/r1')
      .flush(aSyncRun({ id: 'r1', status: 'running', finishedAt: null, skipped: [], skippedCount: 0 }));
    await settle(fixture);
    expect(text('registry-run-status')).toBe('running');
    expect(element.textContent).toContain('Nothing was skipped.');

    http
      .expectOne('/api/admin/registry/sync/r1')
      .flush(aSyncRun({ id: 'r1', skipped: [{ name: 'a.b/c', version: '1', reason: 'version "" is missing or too long' }] }));
    await settle(fixture);
    expect(text('registry-skipped-count')).toBe('1 entry not imported');
    await settle(fixture);
    expect(text('registry-run-status')).toBe('succeeded');
    expect(allByTestId(element, 'registry-skipped-row')).toHaveLength(1);
    await settle(fixture);
    http.expectNone('/api/admin/registry/sync/r1');
  });

  it('says when the run kept only the first of its skipped entries', async () => {
    http.expectOne('/api/admin/registry/sync/r1').flush(aSyncRun({ id: 'r1', skippedCount: 1_250 }));
    await settle(fixture);
    expect(allByTestId(element, 'registry-skipped-row')).toHaveLength(1);
    expect(text('registry-skipped-count')).toBe('1,250 entries not imported · the first 1 listed');
  });

  it('says so for an unknown run', async () => {
    http.expectOne('/api/admin/registry/sync/r1').flush(...failure(404, 'Sync run not found'));
    await settle(fixture);
    expect(text('registry-run-error-message')).toBe('This sync run does not exist.');
  });
});
