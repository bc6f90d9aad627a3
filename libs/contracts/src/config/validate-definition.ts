import type { FieldError } from '../api.js';
import type { Transport } from '../catalog.js';
import { PACKAGE_REGISTRY_TYPES } from '../catalog.js';
import { CONFIG_TARGETS, ELEMENT_TYPES, type ConfigElement, type ConfigTarget } from './types.js';
import { valueProblem } from './validate-value.js';

const PLACEHOLDER = /\{([A-Za-z0-9_.-]+)\}/g;
const FLAG = /^-{1,2}[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const REMOTE_ONLY: readonly ConfigTarget[] = ['headers', 'queryParams', 'url'];
const STDIO_ONLY: readonly ConfigTarget[] = ['args', 'env'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field errors for a transport (`transport.url`, …); empty when it is well-formed. */
export function validateTransport(transport: unknown, field = 'transport'): FieldError[] {
  if (!isRecord(transport)) return [{ field, message: `${field} must be an object` }];
  const type = transport['type'];
  if (type === 'stdio') {
    const errors: FieldError[] = [];
    if (typeof transport['command'] !== 'string' || transport['command'].trim() === '') {
      errors.push({ field: `${field}.command`, message: 'command must be a non-empty string' });
    }
    const pkg = transport['package'];
    if (pkg !== undefined) {
      if (!isRecord(pkg)) errors.push({ field: `${field}.package`, message: 'package must be an object' });
      else {
        if (!(PACKAGE_REGISTRY_TYPES as readonly unknown[]).includes(pkg['registryType'])) {
          errors.push({
            field: `${field}.package.registryType`,
            message: `registryType must be one of ${PACKAGE_REGISTRY_TYPES.join(', ')}`,
          });
        }
        if (typeof pkg['identifier'] !== 'string' || pkg['identifier'] === '') {
          errors.push({ field: `${field}.package.identifier`, message: 'identifier must be a non-empty string' });
        }
        if (pkg['version'] !== undefined && typeof pkg['version'] !== 'string') {
          errors.push({ field: `${field}.package.version`, message: 'version must be a string' });
        }
      }
    }
    const unknown = Object.keys(transport).filter((k) => !['type', 'command', 'package'].includes(k));
    return [...errors, ...unknown.map((k) => ({ field: `${field}.${k}`, message: `property ${k} should not exist` }))];
  }
  if (type === 'streamable-http' || type === 'sse') {
    const url = transport['url'];
    const template = typeof url === 'string' ? url.replace(PLACEHOLDER, 'x') : '';
    const errors: FieldError[] =
      typeof url !== 'string' || !/^https?:\/\/[^\s/?#]+[^\s]*$/.test(template)
        ? [{ field: `${field}.url`, message: 'url must be an http(s) URL (it may hold {variables})' }]
        : [];
    const unknown = Object.keys(transport).filter((k) => !['type', 'url'].includes(k));
    return [...errors, ...unknown.map((k) => ({ field: `${field}.${k}`, message: `property ${k} should not exist` }))];
  }
  return [{ field: `${field}.type`, message: 'type must be one of stdio, streamable-http, sse' }];
}

/**
 * Field errors for a three-tier definition against its transport: element shapes, names unique across tiers,
 * template keys not redefined, every `{variable}` defined, tier-specific flags on the right tier, and targets that
 * fit the transport (args/env for stdio; headers, query params and URL variables for remote servers).
 */
export function validateDefinition(definition: unknown, transport: Transport | undefined, field = 'config'): FieldError[] {
  if (!isRecord(definition)) return [{ field, message: `${field} must be an object with template, team and user` }];
  const errors: FieldError[] = [];
  const unknownTop = Object.keys(definition).filter((k) => !['template', 'team', 'user'].includes(k));
  errors.push(...unknownTop.map((k) => ({ field: `${field}.${k}`, message: `property ${k} should not exist` })));
  const template = definition['template'] ?? {};
  if (!isRecord(template)) return [...errors, { field: `${field}.template`, message: 'template must be an object' }];
  const remote = transport !== undefined && transport.type !== 'stdio';

  for (const target of CONFIG_TARGETS) {
    const names = new Map<string, string>();
    const texts: string[] = [];
    const fixed = template[target];
    if (fixed !== undefined) {
      if (target === 'args') {
        if (!Array.isArray(fixed) || fixed.some((a) => typeof a !== 'string')) {
          errors.push({ field: `${field}.template.args`, message: 'template args must be a list of strings' });
        } else texts.push(...(fixed as string[]));
      } else if (!isRecord(fixed) || Object.values(fixed).some((v) => typeof v !== 'string')) {
        errors.push({ field: `${field}.template.${target}`, message: `template ${target} must map names to strings` });
      } else {
        for (const [name, value] of Object.entries(fixed)) {
          names.set(name, 'template');
          texts.push(value as string);
        }
      }
    }
    for (const tier of ['team', 'user'] as const) {
      const tierDef = definition[tier] ?? {};
      if (!isRecord(tierDef)) {
        if (target === 'args') errors.push({ field: `${field}.${tier}`, message: `${tier} must be an object of element lists` });
        continue;
      }
      const list = tierDef[target];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        errors.push({ field: `${field}.${tier}.${target}`, message: `${tier} ${target} must be a list of elements` });
        continue;
      }
      list.forEach((raw: unknown, index) => {
        const path = `${field}.${tier}.${target}[${index}]`;
        const problems = elementProblems(raw, tier);
        errors.push(...problems.map((p) => ({ field: `${path}.${p.field}`, message: p.message })));
        if (!isRecord(raw) || typeof raw['name'] !== 'string') return;
        const element = raw as unknown as ConfigElement;
        const previous = names.get(element.name);
        if (previous)
          errors.push({ field: `${path}.name`, message: `${target}.${element.name} is already defined in the ${previous} tier` });
        names.set(element.name, tier);
        if (element.valueTemplate) texts.push(element.valueTemplate);
      });
    }
    if (target === 'url' && transport && transport.type !== 'stdio') texts.push(transport.url);
    for (const text of texts) {
      for (const match of text.matchAll(PLACEHOLDER)) {
        if (!names.has(match[1]!))
          errors.push({
            field: `${field}.template.${target}`,
            message: `{${match[1]}} is used but no ${target} element defines it`,
          });
      }
    }
    if (transport && names.size > 0 && (remote ? STDIO_ONLY : REMOTE_ONLY).includes(target)) {
      errors.push({ field: `${field}.${target}`, message: `${target} does not apply to a ${transport.type} server` });
    }
  }
  return errors;
}

function elementProblems(raw: unknown, tier: 'team' | 'user'): FieldError[] {
  if (!isRecord(raw)) return [{ field: 'name', message: 'each element must be an object' }];
  const errors: FieldError[] = [];
  const e = raw as unknown as ConfigElement;
  const allowed = new Set([
    'name',
    'type',
    'required',
    'default',
    'repeated',
    'description',
    'placeholder',
    'choices',
    'min',
    'max',
    'pattern',
    'flag',
    'valueTemplate',
    'lockedByDefault',
    'userOverridable',
    'visibleToUsers',
  ]);
  for (const key of Object.keys(raw))
    if (!allowed.has(key)) errors.push({ field: key, message: `property ${key} should not exist` });
  if (typeof e.name !== 'string' || !/^[A-Za-z0-9_.\-:]{1,128}$/.test(e.name)) {
    errors.push({ field: 'name', message: 'name must be 1-128 letters, digits, _ . - or :' });
  }
  if (!(ELEMENT_TYPES as readonly unknown[]).includes(e.type))
    errors.push({ field: 'type', message: `type must be one of ${ELEMENT_TYPES.join(', ')}` });
  for (const flag of ['required', 'repeated', 'lockedByDefault', 'userOverridable', 'visibleToUsers'] as const) {
    if (e[flag] !== undefined && typeof e[flag] !== 'boolean') errors.push({ field: flag, message: `${flag} must be a boolean` });
  }
  for (const text of ['default', 'description', 'placeholder', 'pattern', 'valueTemplate'] as const) {
    if (e[text] !== undefined && typeof e[text] !== 'string') errors.push({ field: text, message: `${text} must be a string` });
  }
  if (
    e.choices !== undefined &&
    (!Array.isArray(e.choices) || e.choices.length === 0 || e.choices.some((c) => typeof c !== 'string'))
  ) {
    errors.push({ field: 'choices', message: 'choices must be a non-empty list of strings' });
  }
  for (const bound of ['min', 'max'] as const) {
    if (e[bound] !== undefined && typeof e[bound] !== 'number')
      errors.push({ field: bound, message: `${bound} must be a number` });
  }
  if (typeof e.min === 'number' && typeof e.max === 'number' && e.min > e.max)
    errors.push({ field: 'min', message: 'min must not exceed max' });
  if (typeof e.pattern === 'string') {
    try {
      new RegExp(e.pattern);
    } catch {
      errors.push({ field: 'pattern', message: 'pattern must be a valid regular expression' });
    }
  }
  if (e.flag !== undefined && (typeof e.flag !== 'string' || !FLAG.test(e.flag)))
    errors.push({ field: 'flag', message: 'flag must look like --name or -n' });
  if (tier === 'team' && e.lockedByDefault !== undefined)
    errors.push({ field: 'lockedByDefault', message: 'lockedByDefault applies to user-tier elements' });
  if (tier === 'user' && e.userOverridable !== undefined)
    errors.push({ field: 'userOverridable', message: 'userOverridable applies to team-tier elements' });
  if (tier === 'user' && e.visibleToUsers !== undefined)
    errors.push({ field: 'visibleToUsers', message: 'visibleToUsers applies to team-tier elements' });
  if (e.type === 'secret' && e.visibleToUsers === true)
    errors.push({ field: 'visibleToUsers', message: 'a secret is never shown to anyone' });
  if (e.type === 'secret' && e.default !== undefined)
    errors.push({ field: 'default', message: 'a secret cannot have a default' });
  if (errors.length === 0 && typeof e.default === 'string') {
    const problem = valueProblem(e, e.default);
    if (problem) errors.push({ field: 'default', message: `default ${problem}` });
  }
  return errors;
}
