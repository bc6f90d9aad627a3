import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormArray, FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MASKED_SECRET, type TierValues } from '@orbit/contracts';
import type { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';
import {
  addRepeatedValue,
  isSecret,
  storedValue,
  valueControlOf,
  type LocksForm,
  type ValueField,
  type ValuesForm,
} from './config-values';

/**
 * The inputs for a list of configuration elements: one per element (one per value for a repeated one), secrets
 * as write-only password inputs with their "set"/"not set" state, and a lock toggle where the team may lock.
 * Test ids: `<prefix>-value-<target>-<name>`, `<prefix>-value-add-<name>`, `<prefix>-lock-<target>-<name>`,
 * `<prefix>-secret-<target>-<name>`.
 */
@Component({
  selector: 'orbit-config-values-editor',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatSlideToggleModule,
    MatTooltipModule,
  ],
  templateUrl: './config-values-editor.html',
  styleUrl: './config-values-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfigValuesEditor {
  readonly fields = input.required<readonly ValueField[]>();
  readonly values = input.required<ValuesForm>();
  readonly locks = input<LocksForm | null>(null);
  /** What is stored now: secrets come back as `*****` when set. */
  readonly stored = input<TierValues>({});
  readonly testIdPrefix = input.required<string>();
  /** Who fills these in: a team admin (for the team) or a member (for themselves); it picks the hints. */
  readonly audience = input<'team' | 'member'>('team');
  readonly readonly = input(false);
  /** The form's submission, whose revision shows server errors on these inputs (they belong to the page's form). */
  readonly submission = input<FormSubmission | null>(null);

  protected readonly fieldError = fieldError;
  protected readonly isSecret = isSecret;
  protected readonly revision = computed(() => this.submission()?.revision() ?? 0);

  protected testId(kind: string, field: ValueField): string {
    return `${this.testIdPrefix()}-${kind}-${field.target}-${field.element.name}`;
  }

  protected list(field: ValueField): FormArray<FormControl<string>> | null {
    const control = valueControlOf(this.values(), field);
    return control instanceof FormArray ? control : null;
  }

  protected single(field: ValueField): FormControl<string | null> | null {
    const control = valueControlOf(this.values(), field);
    return control instanceof FormControl ? control : null;
  }

  protected lock(field: ValueField): FormControl<boolean> | null {
    return this.locks()?.controls[field.key] ?? null;
  }

  protected addValue(list: FormArray<FormControl<string>>, field: ValueField): void {
    addRepeatedValue(list, field);
  }

  protected secretIsSet(field: ValueField): boolean {
    const value = storedValue(this.stored(), field);
    return value === MASKED_SECRET || (Array.isArray(value) && value.length > 0);
  }

  /** A stored value as read-only text. */
  protected shown(field: ValueField): string {
    const value = storedValue(this.stored(), field);
    if (value === undefined) return '—';
    return Array.isArray(value) ? value.join(', ') : value;
  }

  protected placeholder(field: ValueField): string {
    const { element } = field;
    if (element.default !== undefined) return `Default: ${element.default}`;
    return element.placeholder ?? '';
  }

  protected hint(field: ValueField): string | null {
    if (this.readonly()) return null;
    if (this.audience() === 'member') return field.tier === 'team' ? "Leave empty to use the team's value" : null;
    if (field.tier === 'user') return 'Optional team value: locked, it applies to everyone; unlocked, members may override it';
    return field.element.userOverridable ? 'Members may use their own value unless locked' : null;
  }
}
