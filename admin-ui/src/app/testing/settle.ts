import type { ComponentFixture } from '@angular/core/testing';

/**
 * Lets promise callbacks that follow a flushed response run, then waits for the change detection they schedule.
 * `whenStable()` alone can resolve before an `await api.x()` continuation has set its signals.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}
