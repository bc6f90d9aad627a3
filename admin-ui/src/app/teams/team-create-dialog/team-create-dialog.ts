import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CreateTeamRequest, TeamDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';

/** Creates a team (the caller becomes its team admin); closes with the created team. */
@Component({
  selector: 'orbit-team-create-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  template: `
    @if (submission.busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <h2 mat-dialog-title>New team</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="team-name" />
          @if (fieldError(form.controls.name, { required: 'Name is required' }); as msg) {
            <mat-error>{{ msg }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Slug (optional)</mat-label>
          <input matInput formControlName="slug" autocomplete="off" data-testid="team-slug" />
          <mat-hint>Used in installation URLs; made from the name when left empty</mat-hint>
          @if (fieldError(form.controls.slug); as msg) {
            <mat-error>{{ msg }}</mat-error>
          }
        </mat-form-field>
        @if (submission.error(); as msg) {
          <p class="orbit-inline-error" role="alert" data-testid="team-dialog-error">{{ msg }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="team-save">Create team</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(400px, 80vw);
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamCreateDialog {
  private readonly api = inject(ApiClient);
  private readonly dialogRef = inject<MatDialogRef<TeamCreateDialog, TeamDto>>(MatDialogRef);

  protected readonly fieldError = fieldError;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required]],
    slug: [''],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected async save(): Promise<void> {
    const name = this.form.controls.name.value.trim();
    const slug = this.form.controls.slug.value.trim();
    const body: CreateTeamRequest = slug ? { name, slug } : { name };
    await this.submission.submit(async () => this.dialogRef.close(await this.api.createTeam(body)), {
      // A duplicate is about the slug field only when one was typed; otherwise the slug was made from the name.
      blame: { field: 'slug', when: (error) => error.code === 'duplicate' && !!slug },
    });
  }
}
