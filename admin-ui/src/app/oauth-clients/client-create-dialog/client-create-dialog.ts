import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { OAuthClientWithSecretDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { ApiError } from '../../core/api/api-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';
import { clientCreateForm, controlFor, createRequest, groupRedirectUriErrors } from './client-create-form';

export interface ClientCreateDialogData {
  teamId: string;
}

/**
 * Makes an OAuth client in a team, owned by the caller; closes with the client and its secret (shown once by the
 * caller). Test ids: `oauth-client-name-input`, `oauth-client-grant-client-credentials`,
 * `oauth-client-grant-authorization-code`, `oauth-client-redirect-uris`, `oauth-client-grants-error`,
 * `oauth-client-dialog-error`, `oauth-client-cancel`, `oauth-client-save`.
 */
@Component({
  selector: 'orbit-client-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatCheckboxModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  templateUrl: './client-create-dialog.html',
  styleUrl: './client-create-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientCreateDialog {
  private readonly api = inject(ApiClient);
  private readonly data = inject<ClientCreateDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ClientCreateDialog, OAuthClientWithSecretDto>>(MatDialogRef);

  protected readonly fieldError = fieldError;
  protected readonly form = clientCreateForm();
  protected readonly submission = new FormSubmission(this.form);
  protected readonly withCode = toSignal(this.form.controls.grants.controls.authorizationCode.valueChanges, {
    initialValue: this.form.controls.grants.controls.authorizationCode.value,
  });

  /** The grants' own problem: none checked, or what the server said about them. */
  protected grantsError(): string | null {
    const grants = this.form.controls.grants;
    if (!grants.touched && !grants.hasError('server')) return null;
    return fieldError(grants, { noGrant: 'Choose at least one grant' });
  }

  protected redirectUrisError(): string | null {
    const control = this.form.controls.redirectUris;
    const uri: unknown = control.getError('uri');
    if (typeof uri === 'string' && !control.hasError('server')) return uri;
    return fieldError(control, { required: 'Enter at least one redirect URI for the authorization code grant' });
  }

  protected async save(): Promise<void> {
    const body = createRequest(this.form);
    await this.submission.submit(
      async () => {
        try {
          this.dialogRef.close(await this.api.createOAuthClient(this.data.teamId, body));
        } catch (err) {
          throw groupRedirectUriErrors(ApiError.from(err), body.redirectUris ?? []);
        }
      },
      { controlFor: (field) => controlFor(this.form, field) },
    );
  }
}
