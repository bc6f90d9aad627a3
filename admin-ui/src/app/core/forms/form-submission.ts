import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { ApiError } from '../api/api-error';
import { applyServerErrors } from './server-errors';

export interface SubmitErrorOptions<F extends FormGroup> {
  /** Dropped from the server's field names when the form mirrors a nested part of the request body. */
  fieldPrefix?: string;
  /**
   * A failure the server names no field for although it is about one the user typed (a 409 for a taken email): the
   * field, and which failures are about it. The message then shows under that field instead of over the form.
   */
  blame?: { field: keyof F['controls'] & string; when: (error: ApiError) => boolean };
}

/**
 * A form that sends one request at a time: the busy flag while it does, and the message of a failure that belongs
 * to no field. Failures about fields show under them (see `applyServerErrors`).
 */
export class FormSubmission<F extends FormGroup = FormGroup> {
  private readonly busyState = signal(false);
  private readonly errorState = signal<string | null>(null);

  readonly busy = this.busyState.asReadonly();
  readonly error = this.errorState.asReadonly();

  constructor(private readonly form: F) {}

  /**
   * Runs `send` unless the form is invalid or still sending, in which case every field is marked touched so that its
   * problem shows. Never rejects: a failure of `send` shows on the form.
   */
  async submit(send: () => Promise<unknown>, options: SubmitErrorOptions<F> = {}): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busyState.set(true);
    this.errorState.set(null);
    try {
      await send();
    } catch (err) {
      this.errorState.set(this.showOnFields(ApiError.from(err), options));
    } finally {
      this.busyState.set(false);
    }
  }

  /** Puts the failure on the fields it is about and returns the message left for the form as a whole, if any. */
  private showOnFields(error: ApiError, { fieldPrefix = '', blame }: SubmitErrorOptions<F>): string | null {
    const blamed = blame?.when(error) && !error.fieldErrors[blame.field] ? this.form.get(blame.field) : null;
    if (blamed) {
      blamed.setErrors({ server: error.message });
      blamed.markAsTouched();
      return null;
    }
    return applyServerErrors(this.form, error, fieldPrefix) ? null : error.message;
  }
}
