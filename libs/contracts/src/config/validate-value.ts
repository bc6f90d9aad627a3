import type { ConfigElement } from './types.js';

/** Why a value does not fit its element (undefined when it fits). Values are strings, as in the registry. */
export function valueProblem(element: ConfigElement, value: string): string | undefined {
  switch (element.type) {
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return 'must be a number';
      const n = Number(value);
      if (element.min !== undefined && n < element.min) return `must be at least ${element.min}`;
      if (element.max !== undefined && n > element.max) return `must be at most ${element.max}`;
      break;
    }
    case 'boolean':
      if (value !== 'true' && value !== 'false') return 'must be "true" or "false"';
      break;
    case 'filepath':
      if (!value.startsWith('/') || value.split('/').includes('..')) return 'must be an absolute path without ".."';
      break;
    case 'string':
      if (element.pattern !== undefined && !new RegExp(`^(?:${element.pattern})$`).test(value))
        return `must match ${element.pattern}`;
      break;
    case 'secret':
      break;
  }
  if (element.choices && element.choices.length > 0 && !element.choices.includes(value)) {
    return `must be one of ${element.choices.join(', ')}`;
  }
  return undefined;
}
