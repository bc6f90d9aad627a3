import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiError } from '../api/api-error';

/**
 * Puts the server's field messages on the matching controls as a `server` error (shown by `<mat-error>` and cleared
 * by the next edit) and returns whether any field matched, so the caller shows the general message otherwise.
 * `fieldPrefix` is dropped from the server's field names when the form mirrors a nested part of the request body.
 */
export function applyServerErrors(form: FormGroup, error: ApiError, fieldPrefix = ''): boolean {
  let matched = false;
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    const control = form.get(fieldPrefix && field.startsWith(fieldPrefix) ? field.slice(fieldPrefix.length) : field);
    if (!control) continue;
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
    matched = true;
  }
  return matched;
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
