import type { ComponentFixture } from '@angular/core/testing';
import { settle } from './settle';

/** DOM helpers for page specs: elements by `data-testid`, typing, choosing and checking as a user would. */

export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, testId: string): T {
  const element = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`No element with data-testid="${testId}"`);
  return element;
}

export function allByTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, testId: string): T[] {
  return Array.from(root.querySelectorAll<T>(`[data-testid="${testId}"]`));
}

export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** Picks an option of a native `<select>` by its value. */
export function selectValue(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** Toggles a `mat-checkbox` or `mat-slide-toggle` through its inner control. */
export function toggle(host: HTMLElement): void {
  host.querySelector<HTMLElement>('input, button')!.click();
}

/** Opens a `mat-select` and clicks the option whose text contains `label`. */
export async function chooseOption(fixture: ComponentFixture<unknown>, select: HTMLElement, label: string): Promise<void> {
  select.querySelector<HTMLElement>('.mat-mdc-select-trigger')!.click();
  await settle(fixture);
  const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent?.includes(label));
  if (!option) throw new Error(`No option "${label}"`);
  option.click();
  await settle(fixture);
}

/** The `<mat-error>` text of the form field around `control`, or null. */
export function errorNear(control: HTMLElement): string | null {
  return control.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
}
