import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { FieldError } from '@orbit/contracts';
import { ApiError } from '../api/api-error';
import { applyServerErrors, clearServerErrors, type ServerErrorMapping } from './server-errors';

export interface SubmitErrorOptions<F extends FormGroup> extends ServerErrorMapping {
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
  private readonly fieldErrorsState = signal<readonly FieldError[]>([]);
  private readonly revisionState = signal(0);

  readonly busy = this.busyState.asReadonly();
  readonly error = this.errorState.asReadonly();
  /** Every field message of the last failure, for a summary over a long form. */
  readonly fieldErrors = this.fieldErrorsState.asReadonly();
  /**
   * Changes whenever the fields may show new problems: at each submit, which marks them all touched, and at each
   * failure, which puts the server's messages on them. Neither is a signal, so an OnPush child view that shows some
   * of the form's fields reads this to show their problems.
   */
  readonly revision = this.revisionState.asReadonly();

  constructor(private readonly form: F) {}

  /**
   * Runs `send` unless the form is invalid or still sending, in which case every field is marked touched so that its
   * problem shows. Never rejects: a failure of `send` shows on the form.
   */
  async submit(send: () => Promise<unknown>, options: SubmitErrorOptions<F> = {}): Promise<void> {
    if (this.busy()) return;
    clearServerErrors(this.form);
    this.revisionState.update((n) => n + 1);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busyState.set(true);
    this.errorState.set(null);
    this.fieldErrorsState.set([]);
    try {
      await send();
    } catch (err) {
      const error = ApiError.from(err);
      this.fieldErrorsState.set(Object.entries(error.fieldErrors).map(([field, message]) => ({ field, message })));
      this.errorState.set(this.showOnFields(error, options));
      this.revisionState.update((n) => n + 1);
    } finally {
      this.busyState.set(false);
    }
  }

  /**
   * Shows problems found without a submit (the checks of a proposed entry) as a refused submit's field errors: on
   * their fields and in `fieldErrors`. An empty list clears what the last answer showed.
   */
  showProblems(problems: readonly FieldError[], mapping: ServerErrorMapping = {}): void {
    clearServerErrors(this.form);
    const fields: Record<string, string> = {};
    for (const { field, message } of problems) fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
    this.errorState.set(null);
    this.fieldErrorsState.set(Object.entries(fields).map(([field, message]) => ({ field, message })));
    applyServerErrors(this.form, new ApiError(400, 'Validation failed', fields), mapping);
    this.revisionState.update((n) => n + 1);
  }

  /** Puts the failure on the fields it is about and returns the message left for the form as a whole, if any. */
  private showOnFields(error: ApiError, { blame, ...mapping }: SubmitErrorOptions<F>): string | null {
    const blamed = blame?.when(error) && !error.fieldErrors[blame.field] ? this.form.get(blame.field) : null;
    if (blamed) {
      blamed.setErrors({ server: error.message });
      blamed.markAsTouched();
      return null;
    }
    return applyServerErrors(this.form, error, mapping) ? null : error.message;
  }
}
