import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { GLOBAL_ROLES, type CreateUserRequest, type GlobalRole, type UserDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { FormSubmission } from '../../core/forms/form-submission';
import { EMAIL_ERRORS, fieldError } from '../../core/forms/server-errors';
import { GLOBAL_ROLE_LABELS } from '../../core/ui/role-labels';

const DEFAULT_ROLE: GlobalRole = 'global_user';

/** Creates an account; closes with the created user. */
@Component({
  selector: 'orbit-user-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  templateUrl: './user-create-dialog.html',
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(420px, 80vw);
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreateDialog {
  private readonly api = inject(ApiClient);
  private readonly dialogRef = inject<MatDialogRef<UserCreateDialog, UserDto>>(MatDialogRef);

  protected readonly roles = GLOBAL_ROLES;
  protected readonly roleLabels = GLOBAL_ROLE_LABELS;
  protected readonly fieldError = fieldError;
  protected readonly emailErrors = EMAIL_ERRORS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    name: ['', [Validators.required]],
    password: [''],
    globalRole: [DEFAULT_ROLE],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected async save(): Promise<void> {
    const { email, name, password, globalRole } = this.form.getRawValue();
    // No password makes an account that signs in through SSO only.
    const body: CreateUserRequest = { email: email.trim(), name: name.trim(), globalRole, ...(password ? { password } : {}) };
    await this.submission.submit(async () => this.dialogRef.close(await this.api.createUser(body)), {
      blame: { field: 'email', when: (error) => error.code === 'duplicate' },
    });
  }
}
