import { effect, signal, untracked } from '@angular/core';
import { ApiError } from '../api/api-error';

/**
 * What a page shows while it loads the thing it is about: a progress flag, and a failure message, a 404 in the
 * page's own words. Only the latest load counts, as in PagedList: the answer for an id navigated away from is dropped.
 */
export class LoadState {
  private readonly loadingState = signal(false);
  private readonly errorState = signal<string | null>(null);
  private requestId = 0;

  readonly loading = this.loadingState.asReadonly();
  readonly error = this.errorState.asReadonly();

  /** `notFound` replaces the API's message for a 404 (a foreign or unknown id). */
  constructor(private readonly notFound: string) {}

  /** Resolves with what `load` gives, or undefined when it failed or a newer load overtook it. Never rejects. */
  async run<T>(load: () => Promise<T>): Promise<T | undefined> {
    const id = ++this.requestId;
    this.loadingState.set(true);
    this.errorState.set(null);
    try {
      const result = await load();
      return id === this.requestId ? result : undefined;
    } catch (err) {
      const error = ApiError.from(err);
      if (id === this.requestId) this.errorState.set(error.status === 404 ? this.notFound : error.message);
      return undefined;
    } finally {
      if (id === this.requestId) this.loadingState.set(false);
    }
  }
}

/**
 * Calls `load` with `source()` now and whenever it changes (route-bound ids); what `load` reads is not tracked, so
 * only `source` triggers it. Call in an injection context, such as a constructor.
 */
export function loadFor<T>(source: () => T, load: (value: T) => unknown): void {
  effect(() => {
    const value = source();
    untracked(() => void load(value));
  });
}
