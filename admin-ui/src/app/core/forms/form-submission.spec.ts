import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ApiError } from '../api/api-error';
import { FormSubmission } from './form-submission';
import { fieldError } from './server-errors';

describe('FormSubmission', () => {
  const form = () =>
    new FormGroup({
      email: new FormControl('a@example.com', { nonNullable: true, validators: Validators.required }),
      name: new FormControl('Alice', { nonNullable: true }),
    });
  const duplicate = new ApiError(409, 'A user with this email already exists', {}, 'duplicate');
  const isDuplicate = (error: ApiError) => error.code === 'duplicate';

  it('sends a valid form and is busy until the answer comes', async () => {
    const submission = new FormSubmission(form());
    let busyWhileSending = false;
    await submission.submit(() => {
      busyWhileSending = submission.busy();
      return Promise.resolve();
    });
    expect(busyWhileSending).toBe(true);
    expect(submission.busy()).toBe(false);
    expect(submission.error()).toBeNull();
  });

  it('shows the problems of an invalid form instead of sending it', async () => {
    const group = form();
    group.controls.email.setValue('');
    const send = jest.fn(() => Promise.resolve());
    await new FormSubmission(group).submit(send);
    expect(send).not.toHaveBeenCalled();
    expect(group.controls.email.touched).toBe(true);
  });

  it('does not send again while a request is under way', async () => {
    const submission = new FormSubmission(form());
    let answer!: () => void;
    const first = submission.submit(() => new Promise<void>((resolve) => (answer = resolve)));
    const send = jest.fn(() => Promise.resolve());
    await submission.submit(send);
    expect(send).not.toHaveBeenCalled();
    answer();
    await first;
  });

  it('shows a failure about a field under that field', async () => {
    const group = form();
    const submission = new FormSubmission(group);
    await submission.submit(() => Promise.reject(new ApiError(400, 'Validation failed', { name: 'name is too long' })));
    expect(fieldError(group.controls.name)).toBe('name is too long');
    expect(submission.error()).toBeNull();
  });

  it('shows a failure that names no field over the form', async () => {
    const submission = new FormSubmission(form());
    await submission.submit(() => Promise.reject(new ApiError(503, 'Try again later')));
    expect(submission.error()).toBe('Try again later');
    expect(submission.busy()).toBe(false);
  });

  it('puts a field-less failure under the field it is about', async () => {
    const group = form();
    const submission = new FormSubmission(group);
    await submission.submit(() => Promise.reject(duplicate), { blame: { field: 'email', when: isDuplicate } });
    expect(fieldError(group.controls.email)).toBe('A user with this email already exists');
    expect(group.controls.email.touched).toBe(true);
    expect(submission.error()).toBeNull();
  });

  it('blames a field only for the failures said to be about it', async () => {
    const group = form();
    const submission = new FormSubmission(group);
    await submission.submit(() => Promise.reject(new ApiError(403, 'Forbidden')), {
      blame: { field: 'email', when: isDuplicate },
    });
    expect(fieldError(group.controls.email)).toBeNull();
    expect(submission.error()).toBe('Forbidden');
  });

  it('maps nested field names through a prefix', async () => {
    const group = form();
    await new FormSubmission(group).submit(
      () => Promise.reject(new ApiError(400, 'Validation failed', { 'profile.name': 'must not be empty' })),
      { fieldPrefix: 'profile.' },
    );
    expect(fieldError(group.controls.name)).toBe('must not be empty');
  });

  it('clears the previous failure when sending again', async () => {
    const submission = new FormSubmission(form());
    await submission.submit(() => Promise.reject(new ApiError(503, 'Try again later')));
    await submission.submit(() => Promise.resolve());
    expect(submission.error()).toBeNull();
  });

  it('asks the server again after a refusal instead of keeping its message as a client-side error', async () => {
    const group = form();
    const submission = new FormSubmission(group);
    await submission.submit(() => Promise.reject(new ApiError(400, 'Validation failed', { name: 'name is taken' })));
    const send = jest.fn(() => Promise.resolve());
    await submission.submit(send);
    expect(send).toHaveBeenCalled();
    expect(fieldError(group.controls.name)).toBeNull();
  });

  it('keeps every field message of the last failure for a summary, and finds controls through controlFor', async () => {
    const group = form();
    const submission = new FormSubmission(group);
    const failure = new ApiError(400, 'Validation failed', { 'config.env[0].name': 'bad name', other: 'unknown' });
    await submission.submit(() => Promise.reject(failure), {
      controlFor: (field) => (field === 'config.env[0].name' ? group.controls.name : null),
    });
    expect(fieldError(group.controls.name)).toBe('bad name');
    expect(submission.fieldErrors()).toEqual([
      { field: 'config.env[0].name', message: 'bad name' },
      { field: 'other', message: 'unknown' },
    ]);
    expect(submission.error()).toBeNull();
  });

  it('moves its revision at a refused submit and at a failure, so that child views re-check their fields', async () => {
    const group = form();
    const submission = new FormSubmission(group);
    group.controls.email.setValue('');
    await submission.submit(() => Promise.resolve());
    expect(submission.revision()).toBe(1);
    group.controls.email.setValue('a@example.com');
    await submission.submit(() => Promise.reject(new ApiError(400, 'Validation failed', { name: 'too long' })));
    expect(submission.revision()).toBe(3);
  });

  it('shows problems found without a submit on their fields, and clears them with an empty list', () => {
    const group = form();
    const submission = new FormSubmission(group);
    submission.showProblems([
      { field: 'name', message: 'too long' },
      { field: 'name', message: 'has spaces' },
      { field: 'elsewhere', message: 'no such field' },
    ]);
    expect(fieldError(group.controls.name)).toBe('too long; has spaces');
    expect(submission.fieldErrors()).toEqual([
      { field: 'name', message: 'too long; has spaces' },
      { field: 'elsewhere', message: 'no such field' },
    ]);
    expect(submission.error()).toBeNull();
    expect(submission.revision()).toBe(1);

    submission.showProblems([]);
    expect(group.controls.name.valid).toBe(true);
    expect(submission.fieldErrors()).toEqual([]);
  });
});
