import { ApiError } from '../api/api-error';
import { LoadState } from './load-state';

describe('LoadState', () => {
  it('gives what was loaded and is loading until then', async () => {
    const state = new LoadState('gone');
    const done = state.run(() => Promise.resolve(42));
    expect(state.loading()).toBe(true);
    expect(await done).toBe(42);
    expect(state.loading()).toBe(false);
    expect(state.error()).toBeNull();
  });

  it('says a 404 in the page’s words and other failures in the API’s', async () => {
    const state = new LoadState('This entry does not exist.');
    expect(await state.run(() => Promise.reject(new ApiError(404, 'Not Found')))).toBeUndefined();
    expect(state.error()).toBe('This entry does not exist.');
    await state.run(() => Promise.reject(new ApiError(503, 'Try later')));
    expect(state.error()).toBe('Try later');
  });

  it('drops the answer to a load that a newer one overtook', async () => {
    const state = new LoadState('gone');
    let answerOld!: (value: string) => void;
    const old = state.run(() => new Promise<string>((resolve) => (answerOld = resolve)));
    expect(await state.run(() => Promise.resolve('new'))).toBe('new');
    answerOld('old');
    expect(await old).toBeUndefined();
    expect(state.loading()).toBe(false);
  });
});
