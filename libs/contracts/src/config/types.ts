/** The three-tier configuration model (DESIGN, "Three tiers"), shared by the backend, satellites and console. */

export const CONFIG_TARGETS = ['args', 'env', 'headers', 'queryParams', 'url'] as const;
export type ConfigTarget = (typeof CONFIG_TARGETS)[number];

export const ELEMENT_TYPES = ['string', 'number', 'boolean', 'secret', 'filepath'] as const;
export type ElementType = (typeof ELEMENT_TYPES)[number];

/** One configurable arg, env var, header, query param or URL variable. Values are strings, as in the registry. */
export interface ConfigElement {
  name: string;
  type: ElementType;
  required?: boolean;
  default?: string;
  repeated?: boolean;
  description?: string;
  placeholder?: string;
  choices?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  /** A named argument such as `--port`: gives `--port=value` (a boolean gives the bare flag for "true"). */
  flag?: string;
  /** Such as `Bearer {token}`: the rendered string is what runs; `{token}` is an element of the same target. */
  valueTemplate?: string;
  /** User tier: locked unless the team unlocks it. */
  lockedByDefault?: boolean;
  /** Team tier: members may set their own value ("team credentials or your own") unless the team locks it. */
  userOverridable?: boolean;
  /** Team tier, non-secret: whether members see the team's value. */
  visibleToUsers?: boolean;
}

export type TierElements = Partial<Record<ConfigTarget, ConfigElement[]>>;

/** Fixed values every runtime gets; `{variables}` in them are elements of the same target. */
export interface TemplateValues {
  args?: string[];
  env?: Record<string, string>;
  headers?: Record<string, string>;
  queryParams?: Record<string, string>;
  url?: Record<string, string>;
}

export interface ConfigDefinition {
  template: TemplateValues;
  team: TierElements;
  user: TierElements;
}

/** Values as request bodies nest them: `{env: {NAME: "…"}, args: {directories: ["…", "…"]}}`. */
export type TierValues = Partial<Record<ConfigTarget, Record<string, string | string[]>>>;

/** `<target>.<name>` → locked. Team admins lock user-tier elements (and may lock user-overridable team ones). */
export type Locks = Record<string, boolean>;

export type EffectiveStatus = 'ready' | 'incomplete' | 'awaiting_user_config';

export interface MergeInput {
  definition: ConfigDefinition;
  team: { values: TierValues; locks?: Locks };
  user?: { values: TierValues };
}

export interface MergedConfig {
  args: string[];
  env: Record<string, string>;
  headers: Record<string, string>;
  queryParams: Record<string, string>;
  /** URL variables, substituted into a remote transport's URL. */
  url: Record<string, string>;
  /** Keys (`env.X`, `headers.Y`, `args.z`) whose values are or contain secrets. */
  secretKeys: string[];
  /** Positions in `args` that hold a secret. */
  secretArgs: number[];
  missing: { team: string[]; user: string[] };
  invalid: { key: string; message: string }[];
  status: EffectiveStatus;
}

export function elementKey(target: ConfigTarget, name: string): string {
  return `${target}.${name}`;
}
