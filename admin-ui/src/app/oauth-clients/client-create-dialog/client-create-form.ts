import { FormControl, FormGroup, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import type { CreateOAuthClientRequest, OAuthConsoleGrant } from '@orbit/contracts';
import { ApiError } from '../../core/api/api-error';

/** The new-client form: a name, the grants as checkboxes, and redirect URIs one per line. */
export function clientCreateForm() {
  const form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    grants: new FormGroup(
      {
        clientCredentials: new FormControl(true, { nonNullable: true }),
        authorizationCode: new FormControl(false, { nonNullable: true }),
      },
      { validators: atLeastOneGrant },
    ),
    redirectUris: new FormControl('', { nonNullable: true, validators: [requiredWithAuthorizationCode] }),
  });
  // The URIs' requirement follows the checkbox: re-check them when it changes.
  form.controls.grants.controls.authorizationCode.valueChanges.subscribe(() =>
    form.controls.redirectUris.updateValueAndValidity(),
  );
  return form;
}

export type ClientCreateForm = ReturnType<typeof clientCreateForm>;

/** One URI per non-empty line, trimmed. */
export function parseRedirectUris(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function createRequest(form: ClientCreateForm): CreateOAuthClientRequest {
  const { name, grants, redirectUris } = form.getRawValue();
  const grantTypes: OAuthConsoleGrant[] = [];
  if (grants.clientCredentials) grantTypes.push('client_credentials');
  if (grants.authorizationCode) grantTypes.push('authorization_code');
  // Redirect URIs mean something only to the authorization code grant; the field is hidden without it.
  return grants.authorizationCode
    ? { name: name.trim(), grantTypes, redirectUris: parseRedirectUris(redirectUris) }
    : { name: name.trim(), grantTypes };
}

/**
 * The server names each bad URI by its index (`redirectUris[2]`); the form has one textarea for them all, so every
 * such message goes under it, naming the URI it is about when the message does not already.
 */
export function groupRedirectUriErrors(error: ApiError, sent: readonly string[]): ApiError {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    const index = /^redirectUris\[(\d+)\]/.exec(field)?.[1];
    const uri = index === undefined ? undefined : sent[Number(index)];
    const key = index === undefined ? field : 'redirectUris';
    const text = uri === undefined || message.includes(uri) ? message : `${uri}: ${message}`;
    fields[key] = fields[key] ? `${fields[key]}; ${text}` : text;
  }
  return new ApiError(error.status, error.message, fields, error.code);
}

/** The control a server field name is about: `grantTypes…` is the checkboxes' group. */
export function controlFor(form: ClientCreateForm, field: string): AbstractControl | null {
  if (field === 'name') return form.controls.name;
  if (field.startsWith('redirectUris')) return form.controls.redirectUris;
  if (field.startsWith('grantTypes')) return form.controls.grants;
  return null;
}

function atLeastOneGrant(group: AbstractControl): ValidationErrors | null {
  const { clientCredentials, authorizationCode } = group.value as { clientCredentials: boolean; authorizationCode: boolean };
  return clientCredentials || authorizationCode ? null : { noGrant: true };
}

/** Required with the authorization code grant; each line must at least be an absolute URI (the server checks the rest). */
function requiredWithAuthorizationCode(control: AbstractControl): ValidationErrors | null {
  if (control.parent?.get('grants.authorizationCode')?.value !== true) return null;
  const uris = parseRedirectUris(String(control.value ?? ''));
  if (!uris.length) return { required: true };
  const invalid = uris.find((uri) => !isAbsoluteUri(uri));
  return invalid === undefined ? null : { uri: `Not an absolute URI: ${invalid}` };
}

function isAbsoluteUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
