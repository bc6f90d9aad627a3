import {
  CONFIG_TARGETS,
  MASKED_SECRET,
  elementKey,
  valueProblem,
  type ConfigDefinition,
  type ConfigElement,
  type ConfigTarget,
  type ConfigWriteValues,
  type FieldError,
  type Locks,
  type TierValues,
} from '@orbit/contracts';
import type { SealContext, Vault } from '../../core/vault/vault.js';

/** Every element of a definition by key, with its tier. */
export function elementsByKey(
  definition: ConfigDefinition,
): Map<string, { tier: 'team' | 'user'; target: ConfigTarget; element: ConfigElement }> {
  const map = new Map<string, { tier: 'team' | 'user'; target: ConfigTarget; element: ConfigElement }>();
  for (const tier of ['team', 'user'] as const) {
    for (const target of CONFIG_TARGETS) {
      for (const element of definition[tier][target] ?? []) map.set(elementKey(target, element.name), { tier, target, element });
    }
  }
  return map;
}

/** Whether a user-tier element (or a user-overridable team element) is locked for members. */
export function isLocked(entry: { tier: 'team' | 'user'; element: ConfigElement }, key: string, locks: Locks): boolean {
  if (entry.tier === 'user') return locks[key] ?? entry.element.lockedByDefault ?? false;
  return entry.element.userOverridable !== true || locks[key] === true;
}

/** Keys a team admin may set values for: every team-tier and user-tier element. */
export function teamWritableKeys(definition: ConfigDefinition): Set<string> {
  return new Set(elementsByKey(definition).keys());
}

/** Keys a member may set: unlocked user-tier elements and user-overridable team elements the team did not lock. */
export function userWritableKeys(definition: ConfigDefinition, locks: Locks): Set<string> {
  const keys = new Set<string>();
  for (const [key, entry] of elementsByKey(definition)) if (!isLocked(entry, key, locks)) keys.add(key);
  return keys;
}

/** Keys whose lock a team admin may set: user-tier elements and user-overridable team elements. */
export function lockableKeys(definition: ConfigDefinition): Set<string> {
  const keys = new Set<string>();
  for (const [key, entry] of elementsByKey(definition)) if (entry.tier === 'user' || entry.element.userOverridable) keys.add(key);
  return keys;
}

function setValue(values: TierValues, target: ConfigTarget, name: string, value: string | string[] | undefined): void {
  const map = { ...(values[target] ?? {}) };
  if (value === undefined) delete map[name];
  else map[name] = value;
  if (Object.keys(map).length === 0) delete values[target];
  else values[target] = map;
}

/**
 * Applies a write to stored values: a value replaces, `"*****"` keeps a stored secret, null erases. Secret values are
 * sealed with the vault, bound to this row and key. Returns field errors for keys the caller may not set or values
 * that do not fit their element.
 */
export function applyWrites(
  stored: TierValues,
  writes: ConfigWriteValues | undefined,
  definition: ConfigDefinition,
  writable: Set<string>,
  vault: Vault,
  sealContext: (key: string) => SealContext,
  fieldPrefix = 'config',
): { values: TierValues; errors: FieldError[] } {
  const values: TierValues = structuredClone(stored);
  const errors: FieldError[] = [];
  const elements = elementsByKey(definition);
  for (const [target, entries] of Object.entries(writes ?? {}) as [ConfigTarget, Record<string, string | string[] | null>][]) {
    if (!(CONFIG_TARGETS as readonly string[]).includes(target) || typeof entries !== 'object' || entries === null) {
      errors.push({
        field: fieldPrefix ? `${fieldPrefix}.${target}` : target,
        message: `${target} is not a configuration target`,
      });
      continue;
    }
    for (const [name, raw] of Object.entries(entries)) {
      const key = elementKey(target, name);
      const field = fieldPrefix ? `${fieldPrefix}.${key}` : key;
      const entry = elements.get(key);
      if (!entry || !writable.has(key)) {
        errors.push({ field, message: `${key} is not a value you can set here` });
        continue;
      }
      const { element } = entry;
      if (raw === null) {
        setValue(values, target, name, undefined);
        continue;
      }
      if (element.type === 'secret' && raw === MASKED_SECRET) continue; // keep what is stored
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.some((v) => typeof v !== 'string')) {
        errors.push({ field, message: `${key} must be a string${element.repeated ? ' or a list of strings' : ''}` });
        continue;
      }
      if (Array.isArray(raw) && !element.repeated) {
        errors.push({ field, message: `${key} takes a single value` });
        continue;
      }
      const problem = list.map((v) => valueProblem(element, v)).find((p) => p !== undefined);
      if (problem) {
        errors.push({ field, message: `${key} ${problem}` });
        continue;
      }
      const sealed =
        element.type === 'secret' ? list.map((v, i) => vault.seal(v, sealContext(list.length > 1 ? `${key}#${i}` : key))) : list;
      setValue(values, target, name, Array.isArray(raw) ? sealed : sealed[0]);
    }
  }
  return { values, errors };
}

/** Stored values with every secret replaced by `"*****"`: what any API response may show. */
export function maskValues(
  stored: TierValues,
  definition: ConfigDefinition,
  visible: (key: string) => boolean = () => true,
): TierValues {
  const elements = elementsByKey(definition);
  const masked: TierValues = {};
  for (const [target, entries] of Object.entries(stored) as [ConfigTarget, Record<string, string | string[]>][]) {
    for (const [name, value] of Object.entries(entries)) {
      const key = elementKey(target, name);
      if (!visible(key)) continue;
      const secret = elements.get(key)?.element.type === 'secret';
      setValue(masked, target, name, secret ? (Array.isArray(value) ? value.map(() => MASKED_SECRET) : MASKED_SECRET) : value);
    }
  }
  return masked;
}

/** Stored values with secrets opened: only for the runtime configuration handed to satellites. */
export function openValues(
  stored: TierValues,
  definition: ConfigDefinition,
  vault: Vault,
  sealContext: (key: string) => SealContext,
): TierValues {
  const elements = elementsByKey(definition);
  const open: TierValues = {};
  for (const [target, entries] of Object.entries(stored) as [ConfigTarget, Record<string, string | string[]>][]) {
    for (const [name, value] of Object.entries(entries)) {
      const key = elementKey(target, name);
      if (elements.get(key)?.element.type !== 'secret') {
        setValue(open, target, name, value);
        continue;
      }
      const list = Array.isArray(value) ? value : [value];
      const opened = list.map((v, i) => vault.open(v, sealContext(list.length > 1 ? `${key}#${i}` : key)));
      setValue(open, target, name, Array.isArray(value) ? opened : opened[0]);
    }
  }
  return open;
}

/** Keys that hold a value. */
export function setKeys(stored: TierValues): string[] {
  return Object.entries(stored).flatMap(([target, entries]) =>
    Object.keys(entries ?? {}).map((name) => elementKey(target as ConfigTarget, name)),
  );
}
