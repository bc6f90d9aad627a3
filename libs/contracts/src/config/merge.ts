import { MASKED_SECRET } from '../api.js';
import {
  CONFIG_TARGETS,
  elementKey,
  type ConfigElement,
  type ConfigTarget,
  type MergeInput,
  type MergedConfig,
  type TierValues,
} from './types.js';
import { valueProblem } from './validate-value.js';

const PLACEHOLDER = /\{([A-Za-z0-9_.-]+)\}/g;
type MapTarget = Exclude<ConfigTarget, 'args'>;

interface Resolved {
  values: string[] | undefined;
  secret: boolean;
}

/**
 * The one merge of template, team and user tiers (DESIGN, "Three tiers"): pure, used by the backend's previews and
 * by satellites alike.
 * - args = template args ++ team-tier args ++ user-tier args, each tier in definition order; a repeated positional
 *   element gives one token per value, a named one `--flag=value` per value (a boolean: the bare flag for "true").
 * - maps: template keys always win; a user value replaces a team value only where the element allows it (unlocked
 *   user tier, or a user-overridable team element the team did not lock); defaults fill what nobody set.
 * - `{variables}` in template values and value templates are elements of the same target, rendered in place.
 * - a missing required team value makes the configuration `incomplete`; a missing user value `awaiting_user_config`.
 */
export function mergeConfig(input: MergeInput): MergedConfig {
  const out: MergedConfig = {
    args: [],
    env: {},
    headers: {},
    queryParams: {},
    url: {},
    secretKeys: [],
    secretArgs: [],
    missing: { team: [], user: [] },
    invalid: [],
    status: 'ready',
  };
  const locks = input.team.locks ?? {};
  const teamValues = input.team.values;
  const userValues = input.user?.values ?? {};
  const { definition } = input;

  for (const target of CONFIG_TARGETS) {
    const teamElements = definition.team[target] ?? [];
    const userElements = definition.user[target] ?? [];
    const resolved = new Map<string, Resolved>();
    const tierOf = new Map<string, 'team' | 'user'>();

    for (const element of teamElements) {
      if (tierOf.has(element.name)) continue;
      tierOf.set(element.name, 'team');
      const key = elementKey(target, element.name);
      const teamV = read(out, key, element, teamValues, target);
      const userV = read(out, key, element, userValues, target);
      const userMay = element.userOverridable === true && locks[key] !== true;
      const values = userMay && userV ? userV : (teamV ?? defaults(element));
      if (!values && element.required && !element.valueTemplate) (userMay ? out.missing.user : out.missing.team).push(key);
      resolved.set(element.name, { values, secret: element.type === 'secret' });
    }
    for (const element of userElements) {
      const key = elementKey(target, element.name);
      if (tierOf.has(element.name)) {
        out.invalid.push({ key, message: 'is defined in more than one tier' });
        continue;
      }
      tierOf.set(element.name, 'user');
      const teamV = read(out, key, element, teamValues, target);
      const userV = read(out, key, element, userValues, target);
      const locked = locks[key] ?? element.lockedByDefault ?? false;
      const values = locked ? (teamV ?? defaults(element)) : (userV ?? teamV ?? defaults(element));
      if (!values && element.required && !element.valueTemplate) (locked ? out.missing.team : out.missing.user).push(key);
      resolved.set(element.name, { values, secret: element.type === 'secret' });
    }

    const render = (text: string): { text: string; secret: boolean } => {
      let secret = false;
      const rendered = text.replace(PLACEHOLDER, (whole, name: string) => {
        const variable = resolved.get(name);
        if (!variable) {
          out.invalid.push({ key: elementKey(target, name), message: 'is used in a template but not defined' });
          return whole;
        }
        secret ||= variable.secret;
        return variable.values?.join(',') ?? '';
      });
      return { text: rendered, secret };
    };

    // URL variables substitute into the transport URL only; elsewhere a referenced element is a variable, not an entry.
    const variables =
      target === 'url' ? new Set<string>() : referencedNames(definition.template, target, [...teamElements, ...userElements]);
    const elements = [...teamElements, ...userElements].filter((e) => tierOf.get(e.name) !== undefined && !variables.has(e.name));

    if (target === 'args') {
      for (const token of definition.template.args ?? []) emitArg(out, render(token));
      for (const element of uniqueByName(elements)) {
        const r = resolved.get(element.name)!;
        const values = element.valueTemplate
          ? [render(element.valueTemplate)]
          : (r.values ?? []).map((text) => ({ text, secret: r.secret }));
        for (const value of values) {
          if (element.flag === undefined) emitArg(out, value);
          else if (element.type === 'boolean') {
            if (value.text === 'true') emitArg(out, { text: element.flag, secret: false });
          } else emitArg(out, { text: `${element.flag}=${value.text}`, secret: value.secret });
        }
        if (r.secret && values.length > 0) out.secretKeys.push(elementKey('args', element.name));
      }
      continue;
    }

    const map = out[target];
    const template = definition.template[target] ?? {};
    for (const [name, value] of Object.entries(template)) {
      const r = render(value);
      map[name] = r.text;
      if (r.secret) out.secretKeys.push(elementKey(target, name));
    }
    for (const element of uniqueByName(elements)) {
      if (Object.hasOwn(template, element.name)) continue; // template keys always win
      const r = resolved.get(element.name)!;
      const value = element.valueTemplate
        ? render(element.valueTemplate)
        : r.values
          ? { text: r.values.join(','), secret: r.secret }
          : undefined;
      if (!value) continue;
      map[element.name] = value.text;
      if (value.secret) out.secretKeys.push(elementKey(target, element.name));
    }
  }

  out.status = out.missing.team.length > 0 ? 'incomplete' : out.missing.user.length > 0 ? 'awaiting_user_config' : 'ready';
  return out;
}

/** The merged configuration as an API may show it: every secret, alone or rendered into a value, masked. */
export function maskMergedConfig(config: MergedConfig): MergedConfig {
  const masked: MergedConfig = {
    ...config,
    args: [...config.args],
    env: { ...config.env },
    headers: { ...config.headers },
    queryParams: { ...config.queryParams },
    url: { ...config.url },
  };
  for (const index of masked.secretArgs) masked.args[index] = MASKED_SECRET;
  for (const key of masked.secretKeys) {
    const [target, ...rest] = key.split('.');
    const name = rest.join('.');
    if (target && target !== 'args' && Object.hasOwn(masked[target as MapTarget], name))
      masked[target as MapTarget][name] = MASKED_SECRET;
  }
  return masked;
}

function emitArg(out: MergedConfig, value: { text: string; secret: boolean }): void {
  if (value.secret) out.secretArgs.push(out.args.length);
  out.args.push(value.text);
}

function defaults(element: ConfigElement): string[] | undefined {
  return element.default === undefined ? undefined : [element.default];
}

/** Reads one tier's value(s) for an element, dropping (and reporting) what does not fit its type. */
function read(
  out: MergedConfig,
  key: string,
  element: ConfigElement,
  values: TierValues,
  target: ConfigTarget,
): string[] | undefined {
  const raw = values[target]?.[element.name];
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
  if (list.length === 0) return undefined;
  if (list.length > 1 && !element.repeated) {
    out.invalid.push({ key, message: 'takes a single value' });
    return undefined;
  }
  const problems = list.map((v) => valueProblem(element, v)).filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    out.invalid.push({ key, message: problems[0]! });
    return undefined;
  }
  return list;
}

function referencedNames(
  template: MergeInput['definition']['template'],
  target: ConfigTarget,
  elements: ConfigElement[],
): Set<string> {
  const texts = [
    ...(target === 'args' ? (template.args ?? []) : Object.values(template[target] ?? {})),
    ...elements.flatMap((e) => (e.valueTemplate ? [e.valueTemplate] : [])),
  ];
  return new Set(texts.flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1]!)));
}

function uniqueByName(elements: ConfigElement[]): ConfigElement[] {
  const seen = new Set<string>();
  return elements.filter((e) => (seen.has(e.name) ? false : (seen.add(e.name), true)));
}
