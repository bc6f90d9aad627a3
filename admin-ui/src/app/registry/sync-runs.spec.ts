import { aSyncRun } from '../testing/factories';
import { filterIssues, formatDuration, isActive, issueCount, runDurationMs, runProgress } from './sync-runs';

describe('runProgress', () => {
  it('is the share of the expected entries seen so far', () => {
    expect(runProgress(aSyncRun({ seen: 50, estimatedTotal: 200 }))).toBe(25);
    expect(runProgress(aSyncRun({ seen: 0, estimatedTotal: 200 }))).toBe(0);
  });

  it('is unknown without an expected total (incremental runs, or before any full run)', () => {
    expect(runProgress(aSyncRun({ seen: 50, estimatedTotal: null }))).toBeNull();
    expect(runProgress(aSyncRun({ seen: 50, estimatedTotal: 0 }))).toBeNull();
  });

  it('stops at 100 when the registry grew since the last full run', () => {
    expect(runProgress(aSyncRun({ seen: 260, estimatedTotal: 200 }))).toBe(100);
  });
});

describe('isActive', () => {
  it('is true for queued and running runs only', () => {
    expect(['queued', 'running', 'succeeded', 'failed'].map((status) => isActive({ status } as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('run duration', () => {
  const now = Date.parse('2026-03-01T12:10:00.000Z');

  it('runs from start to finish, or to now while the run goes on', () => {
    expect(runDurationMs(aSyncRun({ startedAt: '2026-03-01T12:00:00.000Z', finishedAt: '2026-03-01T12:02:05.000Z' }), now)).toBe(
      125_000,
    );
    expect(runDurationMs(aSyncRun({ startedAt: '2026-03-01T12:09:30.000Z', finishedAt: null }), now)).toBe(30_000);
    expect(runDurationMs(aSyncRun({ status: 'queued', startedAt: null, finishedAt: null }), now)).toBeNull();
  });

  it('reads as seconds, minutes or hours', () => {
    expect([null, 400, 42_000, 125_000, 3_900_000].map(formatDuration)).toEqual(['—', '0 s', '42 s', '2 min 5 s', '1 h 5 min']);
  });
});

describe('filterIssues', () => {
  const skipped = [
    { name: 'io.github.acme/tool', version: '1.0.0', reason: 'the server has neither a package nor a remote' },
    { name: 'com.example/db', version: '2.1.0', reason: 'a catalog entry made by an admin has this name' },
    { name: 'io.github.acme/other', version: '0.3.0', reason: 'packages[0]: pypi needs a runtime' },
  ];

  it('keeps the entries holding every word in any field, ignoring case', () => {
    expect(filterIssues(skipped, 'ACME').map((s) => s.name)).toEqual(['io.github.acme/tool', 'io.github.acme/other']);
    expect(filterIssues(skipped, 'acme runtime').map((s) => s.name)).toEqual(['io.github.acme/other']);
    expect(filterIssues(skipped, '2.1.0').map((s) => s.name)).toEqual(['com.example/db']);
    expect(filterIssues(skipped, 'nothing like this')).toEqual([]);
  });

  it('matches a warning by its field', () => {
    const warnings = [
      { name: 'a.b/c', version: '1', field: '_meta.status', reason: 'unknown status "paused", read as active' },
      { name: 'a.b/d', version: '1', field: 'packages[0].transport', reason: 'package transport sse is run as stdio' },
    ];
    expect(filterIssues(warnings, '_meta').map((w) => w.name)).toEqual(['a.b/c']);
  });

  it('keeps everything for an empty or blank filter', () => {
    expect(filterIssues(skipped, '   ')).toBe(skipped);
  });
});

describe('issueCount', () => {
  const noun = ['warning', 'warnings'] as const;

  it('counts what the run counted, and says when it kept only the first ones or the filter hides some', () => {
    expect(issueCount(1, 1, 1, noun)).toBe('1 warning');
    expect(issueCount(3, 3, 1, noun)).toBe('3 warnings · 1 matches the filter');
    expect(issueCount(4_000, 500, 500, noun)).toBe('4,000 warnings · the first 500 listed');
    expect(issueCount(4_000, 500, 20, noun)).toBe('4,000 warnings · the first 500 listed · 20 match the filter');
  });
});
