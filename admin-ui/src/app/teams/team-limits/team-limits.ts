import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { TeamDto, TeamLimits as Limits } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';
import { Notifier } from '../../core/ui/notifier';

const MEMBER_LIMIT_ERRORS = { min: 'A team needs room for at least 1 member', pattern: 'Enter a whole number' };
const INSTALLATION_LIMIT_ERRORS = { min: 'Enter 0 or more', pattern: 'Enter a whole number' };

/** A global admin's editor for a team's limits; an empty field means no limit. */
@Component({
  selector: 'orbit-team-limits',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <form class="limits" [formGroup]="form" (ngSubmit)="save()" novalidate aria-label="Team limits">
      <mat-form-field appearance="outline">
        <mat-label>Maximum members</mat-label>
        <input matInput type="number" min="1" step="1" formControlName="maxMembers" data-testid="team-limit-members" />
        <mat-hint>Empty: no limit</mat-hint>
        @if (fieldError(form.controls.maxMembers, memberLimitErrors); as msg) {
          <mat-error>{{ msg }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Maximum installations</mat-label>
        <input
          matInput
          type="number"
          min="0"
          step="1"
          formControlName="maxInstallations"
          data-testid="team-limit-installations"
        />
        <mat-hint>Empty: no limit</mat-hint>
        @if (fieldError(form.controls.maxInstallations, installationLimitErrors); as msg) {
          <mat-error>{{ msg }}</mat-error>
        }
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="saving.busy() || form.pristine" data-testid="team-limits-save">
        Save limits
      </button>
    </form>
    @if (saving.error(); as msg) {
      <p class="orbit-inline-error" role="alert">{{ msg }}</p>
    }
  `,
  styles: `
    .limits {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
    }
    button {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamLimits {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);

  readonly team = input.required<TeamDto>();
  readonly saved = output<TeamDto>();

  protected readonly fieldError = fieldError;
  protected readonly memberLimitErrors = MEMBER_LIMIT_ERRORS;
  protected readonly installationLimitErrors = INSTALLATION_LIMIT_ERRORS;
  protected readonly form = inject(FormBuilder).group({
    maxMembers: [null as number | null, [Validators.min(1), Validators.pattern(/^\d+$/)]],
    maxInstallations: [null as number | null, [Validators.min(0), Validators.pattern(/^\d+$/)]],
  });
  protected readonly saving = new FormSubmission(this.form);

  constructor() {
    effect(() => {
      const { maxMembers, maxInstallations } = this.team().limits;
      this.form.reset({ maxMembers, maxInstallations });
    });
  }

  protected async save(): Promise<void> {
    const { maxMembers, maxInstallations } = this.form.getRawValue();
    const limits: Limits = { maxMembers: toLimit(maxMembers), maxInstallations: toLimit(maxInstallations) };
    await this.saving.submit(
      async () => {
        const team = await this.api.updateTeam(this.team().id, { limits });
        this.notifier.success('Limits saved');
        this.saved.emit(team);
      },
      { fieldPrefix: 'limits.' },
    );
  }
}

/** A number input gives null when empty; the API takes null as "no limit". */
function toLimit(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value;
}
