import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { TierValues } from '@orbit/contracts';
import type { FormSubmission } from '../../core/forms/form-submission';
import type { LocksForm, ValueField, ValuesForm } from './config-values';
import { ConfigValuesEditor } from './config-values-editor';

/**
 * An installation's settings as a team admin sets them (read-only for members): the team values, then the member
 * settings with their locks. The install wizard and the installation page both show it.
 */
@Component({
  selector: 'orbit-installation-settings',
  imports: [MatCardModule, ConfigValuesEditor],
  template: `
    @for (section of sections(); track section.testId) {
      <mat-card appearance="outlined" class="orbit-section" [attr.data-testid]="section.testId">
        <mat-card-header>
          <mat-card-title>{{ section.title }}</mat-card-title>
          @if (section.subtitle) {
            <mat-card-subtitle>{{ section.subtitle }}</mat-card-subtitle>
          }
        </mat-card-header>
        <mat-card-content>
          <orbit-config-values-editor
            [fields]="section.fields"
            [values]="values()"
            [locks]="locks()"
            [stored]="stored()"
            [testIdPrefix]="testIdPrefix()"
            [readonly]="readonly()"
            [submission]="submission()"
          />
        </mat-card-content>
      </mat-card>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstallationSettings {
  readonly teamFields = input.required<readonly ValueField[]>();
  readonly userFields = input.required<readonly ValueField[]>();
  readonly values = input.required<ValuesForm>();
  readonly locks = input.required<LocksForm>();
  /** The team's stored values (secrets `*****` when set); empty before installing. */
  readonly stored = input<TierValues>({});
  readonly testIdPrefix = input.required<string>();
  readonly readonly = input(false);
  readonly submission = input<FormSubmission | null>(null);

  protected readonly sections = computed(() => [
    {
      testId: 'team-values',
      title: 'Team values',
      subtitle: this.readonly() ? null : 'Secrets are write-only: stored encrypted and never shown again',
      fields: this.teamFields(),
    },
    {
      testId: 'member-settings',
      title: 'Member settings',
      subtitle: "Each member sets these for themselves; a locked one takes the team's value",
      fields: this.userFields(),
    },
  ]);
}
