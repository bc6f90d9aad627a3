import { signal } from '@angular/core';
import type { Page } from '@orbit/contracts';
import { ApiError } from '../api/api-error';

/** Asks the API for the page after `cursor`, or for the first page without one. */
export type PageFetcher<T> = (cursor?: string) => Promise<Page<T>>;

/**
 * A list the API serves in pages, as a table shows it: the items so far, the total, whether more can be loaded, and
 * the loading state. Only the latest load counts: the answer to an older one (a search typed over, a team switched
 * away from) is dropped, so it can neither overwrite newer items nor end the newer load's progress bar.
 */
export class PagedList<T> {
  private readonly itemsState = signal<readonly T[]>([]);
  private readonly totalState = signal(0);
  private readonly nextCursorState = signal<string | undefined>(undefined);
  private readonly loadingState = signal(false);
  private readonly errorState = signal<string | null>(null);
  private fetchPage?: PageFetcher<T>;
  private requestId = 0;

  readonly items = this.itemsState.asReadonly();
  readonly total = this.totalState.asReadonly();
  readonly nextCursor = this.nextCursorState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly error = this.errorState.asReadonly();

  /**
   * Loads the first page in place of the items, or with a cursor the page after it onto the end. `fetchPage` is kept
   * for `loadMore()`, so it should capture the query (filters, search, team) the pages belong to. Never rejects: a
   * failure shows as `error`.
   */
  async load(fetchPage: PageFetcher<T>, cursor?: string): Promise<void> {
    const id = ++this.requestId;
    this.fetchPage = fetchPage;
    this.loadingState.set(true);
    this.errorState.set(null);
    try {
      const page = await fetchPage(cursor);
      if (id !== this.requestId) return;
      this.itemsState.update((items) => (cursor ? [...items, ...page.items] : page.items));
      this.totalState.set(page.total);
      this.nextCursorState.set(page.nextCursor);
    } catch (err) {
      if (id === this.requestId) this.errorState.set(ApiError.from(err).message);
    } finally {
      if (id === this.requestId) this.loadingState.set(false);
    }
  }

  /** Loads the page after the last one, with the same query; does nothing on the last page. */
  loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    return cursor && this.fetchPage ? this.load(this.fetchPage, cursor) : Promise.resolve();
  }

  /**
   * Applies a change made here (an item created, edited or deleted) without asking the server again; `total` moves
   * by as many items as the change adds or drops.
   */
  update(change: (items: readonly T[]) => readonly T[]): void {
    const before = this.itemsState().length;
    const after = change(this.itemsState());
    this.itemsState.set(after);
    this.totalState.update((total) => total + after.length - before);
  }

  /** Shows a problem the page found with what it was asked to list (e.g. its filters), where load failures show. */
  showError(message: string): void {
    this.errorState.set(message);
  }
}
