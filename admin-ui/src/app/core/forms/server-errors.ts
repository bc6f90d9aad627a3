import type { AbstractControl, FormArray, FormGroup } from '@angular/forms';
import type { ApiError } from '../api/api-error';

/** Finds the control a server field name (`config.user.env[0].name`) is about; null when the form has none. */
export type ControlFinder = (field: string) => AbstractControl | null;

export interface ServerErrorMapping {
  /** Dropped from the server's field names when the form mirrors a nested part of the request body. */
  fieldPrefix?: string;
  /** Replaces the lookup by name, for forms whose shape differs from the request body's. */
  controlFor?: ControlFinder;
}

/**
 * Puts the server's field messages on the matching controls as a `server` error (shown by `<mat-error>` and cleared
 * by the next edit) and returns whether any field matched, so the caller shows the general message otherwise.
 */
export function applyServerErrors(
  form: FormGroup,
  error: ApiError,
  { fieldPrefix = '', controlFor }: ServerErrorMapping = {},
): boolean {
  let matched = false;
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    const control = controlFor
      ? controlFor(field)
      : form.get(fieldPrefix && field.startsWith(fieldPrefix) ? field.slice(fieldPrefix.length) : field);
    if (!control) continue;
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
    matched = true;
  }
  return matched;
}

/**
 * Removes the server's messages from `control` and everything below it, keeping the client-side ones: a server
 * message judges the request it answered, and must not keep the next one from being sent.
 */
export function clearServerErrors(control: AbstractControl): void {
  const children = (control as Partial<FormGroup | FormArray>).controls;
  if (children) for (const child of Object.values(children)) clearServerErrors(child);
  if (!control.hasError('server')) return;
  const { server: _server, ...rest } = control.errors ?? {};
  control.setErrors(Object.keys(rest).length ? rest : null);
}

/** The message to show under a field: the server's, else the first client-side one from `messages`. */
export function fieldError(control: AbstractControl, messages: Readonly<Record<string, string>> = {}): string | null {
  const server: unknown = control.getError('server');
  if (typeof server === 'string') return server;
  for (const [key, message] of Object.entries(messages)) if (control.hasError(key)) return message;
  return null;
}

export const EMAIL_ERRORS: Readonly<Record<string, string>> = {
  required: 'Email is required',
  email: 'Enter a valid email address',
};
