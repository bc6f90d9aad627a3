import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ApiError } from '../api/api-error';
import { applyServerErrors, fieldError } from './server-errors';

describe('applyServerErrors', () => {
  const form = () => new FormGroup({ email: new FormControl('a@example.com', Validators.required), name: new FormControl('') });

  it('puts each message on its control and reports a match', () => {
    const group = form();
    const matched = applyServerErrors(group, new ApiError(400, 'Validation failed', { email: 'email is taken' }));
    expect(matched).toBe(true);
    expect(fieldError(group.controls.email)).toBe('email is taken');
    expect(group.controls.email.touched).toBe(true);
  });

  it('reports no match when the server names fields the form does not have', () => {
    const group = form();
    expect(applyServerErrors(group, new ApiError(409, 'Conflict', { other: 'x' }))).toBe(false);
    expect(group.valid).toBe(true);
  });

  it('maps nested field names through a prefix', () => {
    const group = new FormGroup({ maxMembers: new FormControl<number | null>(null) });
    applyServerErrors(group, new ApiError(400, 'Validation failed', { 'limits.maxMembers': 'must be positive' }), {
      fieldPrefix: 'limits.',
    });
    expect(fieldError(group.controls.maxMembers)).toBe('must be positive');
  });

  it('clears the server message once the user edits the field', () => {
    const group = form();
    applyServerErrors(group, new ApiError(400, 'Validation failed', { email: 'email is taken' }));
    group.controls.email.setValue('b@example.com');
    expect(fieldError(group.controls.email, { required: 'required' })).toBeNull();
  });
});
