import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ELEMENT_TYPES, type ConfigTarget, type TransportType } from '@orbit/contracts';
import type { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';
import {
  MAP_TARGETS,
  PLACE_LABELS,
  TIERS,
  elementForm,
  moveElement,
  moveTemplateValue,
  templateArgForm,
  templateEntryForm,
  type DefinitionForm,
  type ElementForm,
  type MapTarget,
  type Place,
  type Tier,
} from './definition-form';

const STDIO_TARGETS: readonly ConfigTarget[] = ['args', 'env'];
const REMOTE_TARGETS: readonly ConfigTarget[] = ['headers', 'queryParams', 'url'];

const TARGET_LABELS: Readonly<Record<ConfigTarget, string>> = {
  args: 'Arguments',
  env: 'Environment variables',
  headers: 'Headers',
  queryParams: 'Query parameters',
  url: 'URL variables',
};
const NAME_ERRORS = { required: 'Name is required', pattern: 'Letters, digits, _ . - or : only' };
const NUMBER_ERRORS = { pattern: 'Enter a number' };

/**
 * The three tiers of a catalog entry's configuration: fixed template values, and the elements that teams and users
 * fill in, per target. Elements and fixed values move between tiers with their "Move to" select. Section-wide
 * server errors (a `{variable}` nobody defines) show over their section; field errors sit on their inputs.
 */
@Component({
  selector: 'orbit-schema-editor',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
  ],
  templateUrl: './schema-editor.html',
  styleUrl: './schema-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchemaEditor {
  readonly config = input.required<DefinitionForm>();
  readonly transportType = input.required<TransportType>();
  /** The entry form's submission: its field errors, and its revision, which shows this view's fields' problems. */
  readonly submission = input.required<FormSubmission>();

  protected readonly tiers = TIERS;
  protected readonly places: readonly Place[] = ['template', ...TIERS];
  protected readonly placeLabels = PLACE_LABELS;
  protected readonly targetLabels = TARGET_LABELS;
  protected readonly elementTypes = ELEMENT_TYPES;
  protected readonly fieldError = fieldError;
  protected readonly nameErrors = NAME_ERRORS;
  protected readonly numberErrors = NUMBER_ERRORS;
  private readonly expanded = signal<ReadonlySet<ElementForm>>(new Set());

  /**
   * Server messages about a whole section, by path under `config` (`user.env`, `template.args`, `env`). Reading
   * the revision re-renders this view whenever the submission touched its fields or put errors on them.
   */
  protected readonly sectionErrors = computed(() => {
    this.submission().revision();
    const bySection = new Map<string, string[]>();
    for (const { field, message } of this.submission().fieldErrors()) {
      if (!field.startsWith('config.') || /\[\d+\]/.test(field)) continue;
      const path = field.slice('config.'.length);
      bySection.set(path, [...(bySection.get(path) ?? []), message]);
    }
    return bySection;
  });

  /** Errors about a target as such (`config.headers` for a stdio server) that no tier section owns. */
  protected readonly generalErrors = computed(() =>
    [...this.sectionErrors().entries()]
      .filter(([path]) => !path.includes('.'))
      .flatMap(([path, messages]) => messages.map((message) => `${path}: ${message}`)),
  );

  /** The targets that fit the transport, plus any other that still holds something (after a transport change). */
  protected targetsFor(place: Place): ConfigTarget[] {
    const fitting = this.transportType() === 'stdio' ? STDIO_TARGETS : REMOTE_TARGETS;
    const section: AbstractControl = this.config().controls[place];
    return (['args', 'env', 'headers', 'queryParams', 'url'] as const).filter(
      (target) => fitting.includes(target) || (section.get(target)?.value as unknown[] | undefined)?.length,
    );
  }

  protected templateMapTargets(): MapTarget[] {
    return MAP_TARGETS.filter((target) => this.targetsFor('template').includes(target));
  }

  protected elements(tier: Tier, target: ConfigTarget) {
    return this.config().controls[tier].controls[target];
  }

  protected templateMap(target: MapTarget) {
    return this.config().controls.template.controls[target];
  }

  protected addElement(tier: Tier, target: ConfigTarget): void {
    this.elements(tier, target).push(elementForm());
  }

  protected addTemplateArg(): void {
    this.config().controls.template.controls.args.push(templateArgForm());
  }

  protected addTemplateEntry(target: MapTarget): void {
    this.templateMap(target).push(templateEntryForm());
  }

  /** For the row actions' template, whose context is untyped. */
  protected placeLabel(place: Place): string {
    return PLACE_LABELS[place];
  }

  /** Moves a fixed value or an element to the place chosen in its "Move to" select. */
  protected move(from: Place, target: ConfigTarget, index: number, event: Event): void {
    const to = (event.target as HTMLSelectElement).value as Place;
    if (from !== 'template') moveElement(this.config(), from, target, index, to);
    else if (to !== 'template') moveTemplateValue(this.config(), target, index, to);
  }

  protected remove(from: Place, target: ConfigTarget, index: number): void {
    const { template } = this.config().controls;
    if (from !== 'template') this.elements(from, target).removeAt(index);
    else if (target === 'args') template.controls.args.removeAt(index);
    else template.controls[target].removeAt(index);
  }

  /** Server messages about a checkbox, which has no error slot of its own. */
  protected flagErrors(element: ElementForm): string[] {
    const { required, repeated, lockedByDefault, userOverridable, visibleToUsers } = element.controls;
    return [required, repeated, lockedByDefault, userOverridable, visibleToUsers].flatMap((c) => fieldError(c) ?? []);
  }

  protected isExpanded(element: ElementForm): boolean {
    const { placeholder, min, max, pattern, valueTemplate } = element.controls;
    return this.expanded().has(element) || [placeholder, min, max, pattern, valueTemplate].some((c) => c.invalid);
  }

  protected toggleExpanded(element: ElementForm): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (!next.delete(element)) next.add(element);
      return next;
    });
  }
}
