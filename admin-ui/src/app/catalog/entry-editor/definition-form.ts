import { FormArray, FormControl, FormGroup, Validators, type AbstractControl } from '@angular/forms';
import {
  CONFIG_TARGETS,
  type ConfigDefinition,
  type ConfigElement,
  type ConfigTarget,
  type ElementType,
  type TemplateValues,
  type TierElements,
} from '@orbit/contracts';

/**
 * The configuration definition as the schema editor edits it. The form mirrors the request body's `config`
 * (`team.env[0].name` is the control for `config.team.env[0].name`), so that server field errors find their input;
 * only template maps become lists of name/value rows, which keep their order while being typed.
 */

export const TIERS = ['team', 'user'] as const;
export type Tier = (typeof TIERS)[number];
/** Where an element or a fixed value may live: the template, or one of the tiers that fill it in. */
export type Place = 'template' | Tier;
export const PLACE_LABELS: Readonly<Record<Place, string>> = { template: 'Template', team: 'Team tier', user: 'User tier' };
export type MapTarget = Exclude<ConfigTarget, 'args'>;
export const MAP_TARGETS: readonly MapTarget[] = ['env', 'headers', 'queryParams', 'url'];

const NAME_PATTERN = /^[A-Za-z0-9_.\-:]{1,128}$/;
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

export type ElementForm = FormGroup<{
  name: FormControl<string>;
  type: FormControl<ElementType>;
  required: FormControl<boolean>;
  repeated: FormControl<boolean>;
  default: FormControl<string>;
  flag: FormControl<string>;
  description: FormControl<string>;
  placeholder: FormControl<string>;
  /** Comma-separated. */
  choices: FormControl<string>;
  min: FormControl<string>;
  max: FormControl<string>;
  pattern: FormControl<string>;
  valueTemplate: FormControl<string>;
  lockedByDefault: FormControl<boolean>;
  userOverridable: FormControl<boolean>;
  visibleToUsers: FormControl<boolean>;
}>;
export type TemplateEntryForm = FormGroup<{ name: FormControl<string>; value: FormControl<string> }>;
export type TemplateForm = FormGroup<{ args: FormArray<FormControl<string>> } & Record<MapTarget, FormArray<TemplateEntryForm>>>;
export type TierForm = FormGroup<Record<ConfigTarget, FormArray<ElementForm>>>;
export type DefinitionForm = FormGroup<{ template: TemplateForm; team: TierForm; user: TierForm }>;

const text = (value = '', ...validators: ((c: AbstractControl) => Record<string, unknown> | null)[]) =>
  new FormControl(value, { nonNullable: true, validators });
const flag = (value = false) => new FormControl(value, { nonNullable: true });

export function elementForm(element: Partial<ConfigElement> = {}): ElementForm {
  return new FormGroup({
    name: text(element.name, Validators.required, Validators.pattern(NAME_PATTERN)),
    type: new FormControl<ElementType>(element.type ?? 'string', { nonNullable: true }),
    required: flag(element.required),
    repeated: flag(element.repeated),
    default: text(element.default),
    flag: text(element.flag, Validators.pattern(/^-{1,2}[A-Za-z0-9][A-Za-z0-9_.-]*$/)),
    description: text(element.description),
    placeholder: text(element.placeholder),
    choices: text(element.choices?.join(', ')),
    min: text(element.min?.toString(), Validators.pattern(NUMBER_PATTERN)),
    max: text(element.max?.toString(), Validators.pattern(NUMBER_PATTERN)),
    pattern: text(element.pattern),
    valueTemplate: text(element.valueTemplate),
    lockedByDefault: flag(element.lockedByDefault),
    userOverridable: flag(element.userOverridable),
    visibleToUsers: flag(element.visibleToUsers),
  });
}

export function templateEntryForm(name = '', value = ''): TemplateEntryForm {
  return new FormGroup({ name: text(name, Validators.required), value: text(value) });
}

export function templateArgForm(value = ''): FormControl<string> {
  return text(value, Validators.required);
}

function tierForm(elements: TierElements = {}): TierForm {
  const lists = CONFIG_TARGETS.map((target) => [target, new FormArray((elements[target] ?? []).map((e) => elementForm(e)))]);
  return new FormGroup(Object.fromEntries(lists) as Record<ConfigTarget, FormArray<ElementForm>>);
}

function templateForm(template: TemplateValues = {}): TemplateForm {
  const maps = MAP_TARGETS.map((target) => [
    target,
    new FormArray(Object.entries(template[target] ?? {}).map(([name, value]) => templateEntryForm(name, value))),
  ]);
  return new FormGroup({
    args: new FormArray((template.args ?? []).map((arg) => templateArgForm(arg))),
    ...(Object.fromEntries(maps) as Record<MapTarget, FormArray<TemplateEntryForm>>),
  });
}

export function definitionForm(definition: Partial<ConfigDefinition> = {}): DefinitionForm {
  return new FormGroup({
    template: templateForm(definition.template),
    team: tierForm(definition.team),
    user: tierForm(definition.user),
  });
}

/** Puts a stored definition into an existing form, keeping the form's identity (components hold it). */
export function resetDefinitionForm(form: DefinitionForm, definition: ConfigDefinition): void {
  const fresh = definitionForm(definition);
  form.setControl('template', fresh.controls.template);
  for (const tier of TIERS) form.setControl(tier, fresh.controls[tier]);
}

/** The request body's `config`: only what was set, so that a definition reads as an admin would write it. */
export function toDefinition(form: DefinitionForm): ConfigDefinition {
  const { template } = form.controls;
  const fixed: TemplateValues = {};
  const args = template.controls.args.getRawValue();
  if (args.length) fixed.args = args;
  for (const target of MAP_TARGETS) {
    const rows = template.controls[target].getRawValue();
    if (rows.length) fixed[target] = Object.fromEntries(rows.map((row) => [row.name.trim(), row.value]));
  }
  return { template: fixed, team: toTier(form.controls.team, 'team'), user: toTier(form.controls.user, 'user') };
}

function toTier(form: TierForm, tier: Tier): TierElements {
  const elements: TierElements = {};
  for (const target of CONFIG_TARGETS) {
    const list = form.controls[target].controls.map((row) => toElement(row, tier, target));
    if (list.length) elements[target] = list;
  }
  return elements;
}

/**
 * One element with only its set fields, and only those that apply to its tier, target and type (a moved element
 * keeps the others in the form, in case it moves back).
 */
export function toElement(form: ElementForm, tier: Tier, target: ConfigTarget): ConfigElement {
  const v = form.getRawValue();
  const secret = v.type === 'secret';
  const element: ConfigElement = { name: v.name.trim(), type: v.type };
  if (v.required) element.required = true;
  if (v.repeated && target === 'args') element.repeated = true;
  const texts = {
    default: !secret,
    flag: target === 'args',
    description: true,
    placeholder: true,
    pattern: v.type === 'string',
    valueTemplate: true,
  };
  for (const [key, applies] of Object.entries(texts) as [keyof typeof texts, boolean][]) {
    if (applies && v[key] !== '') element[key] = v[key];
  }
  const choices = v.choices
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (choices.length) element.choices = choices;
  if (v.type === 'number' && v.min.trim() !== '') element.min = Number(v.min);
  if (v.type === 'number' && v.max.trim() !== '') element.max = Number(v.max);
  if (tier === 'user' && v.lockedByDefault) element.lockedByDefault = true;
  if (tier === 'team' && v.userOverridable) element.userOverridable = true;
  if (tier === 'team' && v.visibleToUsers && !secret) element.visibleToUsers = true;
  return element;
}

/** Moves element `index` of a tier's `target` list to another tier, or into the template as a fixed value. */
export function moveElement(form: DefinitionForm, from: Tier, target: ConfigTarget, index: number, to: Place): void {
  const list = form.controls[from].controls[target];
  const row = list.at(index);
  if (!row || to === from) return;
  list.removeAt(index);
  const { name, default: value } = row.getRawValue();
  if (to === 'template') addTemplateValue(form, target, name, value);
  else form.controls[to].controls[target].push(row);
}

/** Moves fixed value `index` of the template's `target` into a tier as an element whose default is that value. */
export function moveTemplateValue(form: DefinitionForm, target: ConfigTarget, index: number, to: Tier): void {
  const { template } = form.controls;
  let element: Partial<ConfigElement>;
  if (target === 'args') {
    const value = template.controls.args.at(index).value;
    template.controls.args.removeAt(index);
    element = { name: argLabel(value), default: value };
  } else {
    const { name, value } = template.controls[target].at(index).getRawValue();
    template.controls[target].removeAt(index);
    element = { name, ...(value ? { default: value } : {}) };
  }
  form.controls[to].controls[target].push(elementForm(element));
}

function addTemplateValue(form: DefinitionForm, target: ConfigTarget, name: string, value: string): void {
  const { template } = form.controls;
  if (target === 'args') template.controls.args.push(templateArgForm(value || name));
  else template.controls[target].push(templateEntryForm(name, value));
}

/** An element name for a fixed argument: `--port` → `port`, `/data` → `data`. */
function argLabel(arg: string): string {
  return arg.replace(/[^A-Za-z0-9_.\-:]+/g, '-').replace(/^-+|-+$/g, '') || 'arg';
}

/**
 * The control a server field path under `config` is about (`user.env[0].name`, `template.env.PROTOCOL_VERSION`),
 * or null for paths about a whole list or section, which the editor shows over that section instead.
 */
export function definitionControlFor(form: DefinitionForm, path: string): AbstractControl | null {
  const [tier, target, ...rest] = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (!tier || !target || !rest.length || !(CONFIG_TARGETS as readonly string[]).includes(target)) return null;
  const section: AbstractControl | null = tier === 'template' || tier === 'team' || tier === 'user' ? form.controls[tier] : null;
  if (!section) return null;
  if (tier === 'template' && target !== 'args') {
    const name = rest.join('.');
    const row = form.controls.template.controls[target as MapTarget].controls.find((r) => r.controls.name.value === name);
    return row?.controls.value ?? null;
  }
  const control = section.get([target, ...rest]);
  return control instanceof FormControl ? control : null;
}
