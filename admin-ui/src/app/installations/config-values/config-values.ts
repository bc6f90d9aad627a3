import { FormArray, FormControl, FormRecord, type AbstractControl, type ValidatorFn } from '@angular/forms';
import {
  CONFIG_TARGETS,
  MASKED_SECRET,
  elementKey,
  valueProblem,
  type ConfigDefinition,
  type ConfigElement,
  type ConfigTarget,
  type ConfigWriteValues,
  type Locks,
  type TierValues,
} from '@orbit/contracts';

/**
 * Values for the elements of a definition, as the install wizard, the installation page and "My configuration"
 * edit them. Secrets are write-only: their input starts empty, empty keeps what is stored, and null (the "remove"
 * button) erases it.
 */

export type ValueTier = 'team' | 'user';

export interface ValueField {
  tier: ValueTier;
  target: ConfigTarget;
  element: ConfigElement;
  /** `env.SHARED_API_KEY`, as locks and `missing` lists name it. */
  key: string;
}

/** One input, or one per value of a repeated element. null in a secret's input means "erase the stored secret". */
export type ValueControl = FormControl<string | null> | FormArray<FormControl<string>>;
export type ValuesForm = FormRecord<FormRecord<ValueControl>>;
export type LocksForm = FormRecord<FormControl<boolean>>;

/** The elements of `tiers`, in definition order (team first), optionally narrowed by `include`. */
export function fieldsOf(
  definition: ConfigDefinition,
  tiers: readonly ValueTier[],
  include: (field: ValueField) => boolean = () => true,
): ValueField[] {
  return tiers
    .flatMap((tier) =>
      CONFIG_TARGETS.flatMap((target) =>
        (definition[tier][target] ?? []).map((element) => ({ tier, target, element, key: elementKey(target, element.name) })),
      ),
    )
    .filter(include);
}

export const isSecret = (field: ValueField): boolean => field.element.type === 'secret';

/** The stored value of a field: a string, a list for a repeated element, or undefined. */
export function storedValue(stored: TierValues, field: ValueField): string | string[] | undefined {
  return stored[field.target]?.[field.element.name];
}

/** Checks a typed value against its element (type, pattern, choices, bounds) with the API's own rules. */
function fitsElement(element: ConfigElement): ValidatorFn {
  return (control: AbstractControl) => {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value === '' || element.type === 'secret') return null;
    const problem = valueProblem(element, value);
    return problem ? { value: `${element.name} ${problem}` } : null;
  };
}

function valueControl(field: ValueField, value = ''): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators: fitsElement(field.element) });
}

export function addRepeatedValue(list: FormArray<FormControl<string>>, field: ValueField): void {
  list.push(valueControl(field));
}

export function valuesForm(fields: readonly ValueField[], stored: TierValues = {}): ValuesForm {
  const form: ValuesForm = new FormRecord<FormRecord<ValueControl>>({});
  for (const field of fields) {
    if (!form.contains(field.target)) form.addControl(field.target, new FormRecord<ValueControl>({}));
    const current = storedValue(stored, field);
    let control: ValueControl;
    if (field.element.repeated) {
      const values = Array.isArray(current) && !isSecret(field) ? current : [];
      control = new FormArray((values.length ? values : ['']).map((v) => valueControl(field, v)));
    } else {
      control = new FormControl<string | null>(isSecret(field) || typeof current !== 'string' ? '' : current, {
        validators: fitsElement(field.element),
      });
    }
    form.controls[field.target]!.addControl(field.element.name, control);
  }
  return form;
}

export function valueControlOf(form: ValuesForm, field: ValueField): ValueControl | undefined {
  return form.controls[field.target]?.controls[field.element.name];
}

/**
 * The write body for `fields`: typed values; null for a value that was stored and is now empty or removed;
 * `"*****"` for a stored secret left empty (kept); nothing for what was never set and still is not.
 */
export function writeValues(fields: readonly ValueField[], form: ValuesForm, stored: TierValues = {}): ConfigWriteValues {
  const body: ConfigWriteValues = {};
  for (const field of fields) {
    const control = valueControlOf(form, field);
    if (!control) continue;
    const had = storedValue(stored, field) !== undefined;
    let value: string | string[] | null | undefined;
    if (control instanceof FormArray) {
      const list = control.getRawValue().filter((v) => v !== '');
      value = list.length ? list : had ? null : undefined;
    } else if (control.value === null) value = had ? null : undefined;
    else if (control.value !== '') value = control.value;
    else value = had ? (isSecret(field) ? MASKED_SECRET : null) : undefined;
    if (value !== undefined) (body[field.target] ??= {})[field.element.name] = value;
  }
  return body;
}

/**
 * Fields a team may lock: every user-tier element, and team elements that members may override. Unset, a
 * user-tier element is locked when its definition says `lockedByDefault`; a team element starts unlocked.
 */
export function lockableFields(fields: readonly ValueField[]): ValueField[] {
  return fields.filter((f) => f.tier === 'user' || f.element.userOverridable);
}

export function locksForm(fields: readonly ValueField[], stored: Locks = {}): LocksForm {
  const form: LocksForm = new FormRecord<FormControl<boolean>>({});
  for (const field of lockableFields(fields)) {
    const locked = stored[field.key] ?? (field.tier === 'user' && field.element.lockedByDefault === true);
    form.addControl(field.key, new FormControl(locked, { nonNullable: true }));
  }
  return form;
}

/**
 * The control a server field path is about: `config.env.SHARED_API_KEY` (installation bodies, with `prefix`
 * `config.`), `args.directories[1]` (user-config bodies). A message about a repeated element as a whole shows
 * under its first input.
 */
export function valueControlFor(form: ValuesForm, field: string, prefix = ''): AbstractControl | null {
  const path = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
  const match = /^([A-Za-z]+)\.(.+?)(?:\[(\d+)\])?$/.exec(path);
  if (!match) return null;
  const [, target = '', name = '', index] = match;
  const control = form.controls[target]?.controls[name];
  if (!(control instanceof FormArray)) return control ?? null;
  return control.at(index === undefined ? 0 : Number(index)) ?? null;
}

/** The input a server field path of an installation body names: `config.env.X` a value, `locks.env.X` a lock. */
export function settingsControlFor(values: ValuesForm, locks: LocksForm, field: string): AbstractControl | null {
  if (field.startsWith('config.')) return valueControlFor(values, field, 'config.');
  if (field.startsWith('locks.')) return locks.controls[field.slice('locks.'.length)] ?? null;
  return null;
}
