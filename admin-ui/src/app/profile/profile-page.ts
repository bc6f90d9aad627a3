import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroupDirective } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiClient } from '../core/api/api-client';
import { AuthStore } from '../core/auth/auth-store';
import { FormSubmission } from '../core/forms/form-submission';
import { fieldError } from '../core/forms/server-errors';
import { Notifier } from '../core/ui/notifier';
import { GLOBAL_ROLE_LABELS, TEAM_ROLE_LABELS } from '../core/ui/role-labels';

@Component({
  selector: 'orbit-profile-page',
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  templateUrl: './profile-page.html',
  styleUrl: './profile-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly user = this.auth.user;
  protected readonly globalRoleLabels = GLOBAL_ROLE_LABELS;
  protected readonly teams = computed(() =>
    (this.user()?.teams ?? []).map((team) => `${team.teamName} (${TEAM_ROLE_LABELS[team.role]})`).join(', '),
  );
  protected readonly fieldError = fieldError;

  protected readonly nameForm = this.fb.group({ name: ['', [Validators.required]] });
  protected readonly savingName = new FormSubmission(this.nameForm);

  protected readonly passwordForm = this.fb.group({
    currentPassword: ['', [Validators.required]],
    newPassword: ['', [Validators.required]],
    confirmPassword: ['', [Validators.required]],
  });
  protected readonly confirmErrors = { required: 'Repeat the new password', mismatch: 'The passwords do not match' };
  protected readonly changingPassword = new FormSubmission(this.passwordForm);

  ngOnInit(): void {
    this.nameForm.reset({ name: this.user()?.name ?? '' });
  }

  protected async saveName(): Promise<void> {
    await this.savingName.submit(async () => {
      const user = await this.api.updateMe({ name: this.nameForm.getRawValue().name.trim() });
      this.auth.setUser(user);
      this.nameForm.reset({ name: user.name });
      this.notifier.success('Name saved');
    });
  }

  /** Takes the form's directive so that a reset also clears its submitted state (else the emptied fields show errors). */
  protected async changePassword(formDirective: FormGroupDirective): Promise<void> {
    const { currentPassword, newPassword, confirmPassword } = this.passwordForm.getRawValue();
    if (newPassword && confirmPassword && newPassword !== confirmPassword) {
      this.passwordForm.controls.confirmPassword.setErrors({ mismatch: true });
    }
    await this.changingPassword.submit(async () => {
      await this.api.changePassword({ currentPassword, newPassword });
      formDirective.resetForm();
      this.notifier.success('Password changed');
    });
  }
}
