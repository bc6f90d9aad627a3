import type { Page } from '@orbit/contracts';
import { ApiError } from '../api/api-error';
import { PagedList } from './paged-list';

/** A page request the test answers when it chooses, to order answers against later loads. */
function deferred<T>(): { promise: Promise<Page<T>>; resolve: (page: Page<T>) => void; reject: (err: unknown) => void } {
  let resolve!: (page: Page<T>) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<Page<T>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('PagedList', () => {
  it('shows the first page, then appends the next one fetched with its cursor', async () => {
    const list = new PagedList<string>();
    const fetchPage = jest.fn((cursor?: string) =>
      Promise.resolve(cursor ? { items: ['c'], total: 3 } : { items: ['a', 'b'], total: 3, nextCursor: 'p2' }),
    );

    await list.load(fetchPage);
    expect(list.items()).toEqual(['a', 'b']);
    expect(list.nextCursor()).toBe('p2');

    await list.loadMore();
    expect(fetchPage).toHaveBeenLastCalledWith('p2');
    expect(list.items()).toEqual(['a', 'b', 'c']);
    expect(list.total()).toBe(3);
    expect(list.nextCursor()).toBeUndefined();
  });

  it('replaces the items when loading the first page again', async () => {
    const list = new PagedList<string>();
    await list.load(() => Promise.resolve({ items: ['a'], total: 1 }));
    await list.load(() => Promise.resolve({ items: ['b'], total: 1 }));
    expect(list.items()).toEqual(['b']);
  });

  it('does not ask for more on the last page', async () => {
    const list = new PagedList<string>();
    const fetchPage = jest.fn(() => Promise.resolve({ items: ['a'], total: 1 }));
    await list.load(fetchPage);
    await list.loadMore();
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('is loading until the answer comes', async () => {
    const list = new PagedList<string>();
    const request = deferred<string>();
    const done = list.load(() => request.promise);
    expect(list.loading()).toBe(true);
    request.resolve({ items: [], total: 0 });
    await done;
    expect(list.loading()).toBe(false);
  });

  it('drops the answer to a load that a newer one overtook', async () => {
    const list = new PagedList<string>();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = list.load(() => older.promise);
    const second = list.load(() => newer.promise);

    newer.resolve({ items: ['new'], total: 1 });
    await second;
    older.resolve({ items: ['old'], total: 5, nextCursor: 'stale' });
    await first;

    expect(list.items()).toEqual(['new']);
    expect(list.total()).toBe(1);
    expect(list.nextCursor()).toBeUndefined();
  });

  it('keeps showing progress while the newer load runs, whatever becomes of the older one', async () => {
    const list = new PagedList<string>();
    const older = deferred<string>();
    const first = list.load(() => older.promise);
    void list.load(() => deferred<string>().promise);

    older.reject(new ApiError(500, 'Database down'));
    await first;

    expect(list.loading()).toBe(true);
    expect(list.error()).toBeNull();
  });

  it('shows the failure when a load fails and clears it on the next load', async () => {
    const list = new PagedList<string>();
    await list.load(() => Promise.reject(new ApiError(500, 'Database down')));
    expect(list.error()).toBe('Database down');
    expect(list.loading()).toBe(false);

    await list.load(() => Promise.resolve({ items: ['a'], total: 1 }));
    expect(list.error()).toBeNull();
  });

  it('shows a problem the page found until the next load', async () => {
    const list = new PagedList<string>();
    list.showError('The start date is after the end date.');
    expect(list.error()).toBe('The start date is after the end date.');
    await list.load(() => Promise.resolve({ items: [], total: 0 }));
    expect(list.error()).toBeNull();
  });

  it('moves the total with local additions and removals but not with edits', async () => {
    const list = new PagedList<string>();
    await list.load(() => Promise.resolve({ items: ['a', 'b'], total: 10, nextCursor: 'p2' }));

    list.update((items) => ['new', ...items]);
    expect(list.items()).toEqual(['new', 'a', 'b']);
    expect(list.total()).toBe(11);

    list.update((items) => items.filter((item) => item !== 'a'));
    expect(list.total()).toBe(10);

    list.update((items) => items.map((item) => (item === 'b' ? 'B' : item)));
    expect(list.items()).toEqual(['new', 'B']);
    expect(list.total()).toBe(10);
  });
});
