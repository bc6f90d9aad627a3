import type { SyncRunDto } from '@orbit/contracts';
import { ApiError } from '../core/api/api-error';
import { aSyncRun } from '../testing/factories';
import { SyncRunWatcher } from './sync-run-watcher';

describe('SyncRunWatcher', () => {
  let fetchRun: jest.Mock<Promise<SyncRunDto>, [string]>;
  let onUpdate: jest.Mock<void, [SyncRunDto]>;
  let watcher: SyncRunWatcher;

  beforeEach(() => {
    jest.useFakeTimers();
    fetchRun = jest.fn<Promise<SyncRunDto>, [string]>();
    onUpdate = jest.fn<void, [SyncRunDto]>();
    watcher = new SyncRunWatcher(fetchRun, { intervalMs: 1_000, onUpdate });
  });

  afterEach(() => {
    watcher.stop();
    jest.useRealTimers();
  });

  const running = (seen: number) => aSyncRun({ id: 'r1', status: 'running', seen, finishedAt: null });

  it('asks for a running run every second and stops once it has finished', async () => {
    fetchRun
      .mockResolvedValueOnce(running(100))
      .mockResolvedValueOnce(aSyncRun({ id: 'r1', status: 'succeeded', seen: 250 }))
      .mockResolvedValue(aSyncRun({ id: 'r1' }));
    watcher.watch(running(50));

    await jest.advanceTimersByTimeAsync(999);
    expect(fetchRun).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(fetchRun).toHaveBeenCalledWith('r1');
    expect(watcher.run()?.seen).toBe(100);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(watcher.run()?.status).toBe('succeeded');
    expect(onUpdate.mock.calls.map(([run]) => run.status)).toEqual(['running', 'succeeded']);

    await jest.advanceTimersByTimeAsync(10_000);
    expect(fetchRun).toHaveBeenCalledTimes(2);
  });

  it('never asks about a run that has already finished', async () => {
    watcher.watch(aSyncRun({ status: 'failed', error: 'registry answered 503' }));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fetchRun).not.toHaveBeenCalled();
  });

  it('stops asking when stopped, and drops an answer that arrives afterwards', async () => {
    let answer!: (run: SyncRunDto) => void;
    fetchRun.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    watcher.watch(running(50));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(fetchRun).toHaveBeenCalledTimes(1);

    watcher.stop();
    answer(running(120));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(watcher.run()?.seen).toBe(50);
    expect(onUpdate).not.toHaveBeenCalled();
    expect(fetchRun).toHaveBeenCalledTimes(1);
  });

  it('follows only the run watched last', async () => {
    fetchRun.mockImplementation((id) => Promise.resolve(aSyncRun({ id, status: 'running', finishedAt: null })));
    watcher.watch(running(50));
    watcher.watch(aSyncRun({ id: 'r2', status: 'queued', startedAt: null, finishedAt: null }));
    await jest.advanceTimersByTimeAsync(3_000);
    expect(fetchRun.mock.calls.map(([id]) => id)).toEqual(['r2', 'r2', 'r2']);
  });

  it('keeps asking after a failed poll, and gives up on a run that is gone', async () => {
    fetchRun
      .mockRejectedValueOnce(new ApiError(0, 'The Orbit server cannot be reached'))
      .mockResolvedValueOnce(running(80))
      .mockRejectedValueOnce(new ApiError(404, 'Sync run not found'));
    watcher.watch(running(50));

    await jest.advanceTimersByTimeAsync(1_000);
    expect(watcher.error()).toBe('The Orbit server cannot be reached');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(watcher.error()).toBeNull();
    expect(watcher.run()?.seen).toBe(80);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(watcher.error()).toBe('Sync run not found');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fetchRun).toHaveBeenCalledTimes(3);
  });
});
