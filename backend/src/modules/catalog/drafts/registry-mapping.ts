import type { ConfigDefinition, ConfigElement, ConfigTarget, ElementType, Transport } from '@orbit/contracts';

/** The registry's input shape (server.json): env vars, headers, arguments and URL variables share it. */
export interface RegistryInput {
  name?: string;
  type?: 'positional' | 'named';
  description?: string;
  format?: string;
  isRequired?: boolean;
  isSecret?: boolean;
  isRepeated?: boolean;
  default?: string;
  value?: string;
  valueHint?: string;
  choices?: string[];
  variables?: Record<string, RegistryInput>;
}

export interface MappingWarning {
  field: string;
  reason: string;
}

export interface MappedDefinition {
  transport: Transport;
  config: ConfigDefinition;
  warnings: MappingWarning[];
  /** false for pypi/oci/nuget/mcpb packages: imported, but satellites have no runtime for them yet. */
  runnable: boolean;
}

const FORMATS: Record<string, ElementType> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  int: 'number',
  float: 'number',
  boolean: 'boolean',
  bool: 'boolean',
  filepath: 'filepath',
  file_path: 'filepath',
  path: 'filepath',
};

function elementType(input: RegistryInput, field: string, warnings: MappingWarning[]): ElementType {
  if (input.isSecret) return 'secret';
  if (input.format === undefined) return 'string';
  const type = FORMATS[input.format.toLowerCase()];
  if (type === undefined) warnings.push({ field, reason: `unknown format ${JSON.stringify(input.format)}, imported as string` });
  else if (input.format !== type) warnings.push({ field, reason: `format ${JSON.stringify(input.format)} read as ${type}` });
  return type ?? 'string';
}

/** Builds the three tiers as the registry's inputs get mapped (DESIGN, "Registry mapping"). */
class DefinitionBuilder {
  readonly config: ConfigDefinition = { template: {}, team: {}, user: {} };
  readonly warnings: MappingWarning[] = [];

  /** An input that becomes a map entry (env var, header, query param, URL variable) named `name`. */
  mapEntry(target: Exclude<ConfigTarget, 'args'>, name: string, input: RegistryInput, field: string): void {
    if (input.value !== undefined) {
      const map = (this.config.template[target] ??= {});
      map[name] = input.value;
      this.variables(target, input, field);
      return;
    }
    this.element(target, name, input, field);
  }

  /**
   * The `{variables}` of a value become elements. Many registry entries use a variable without describing it: it
   * then inherits its owner's required/secret flags, and the sync run notes it.
   */
  variables(target: ConfigTarget, input: RegistryInput, field: string): void {
    const described = input.variables ?? {};
    for (const [variable, spec] of Object.entries(described))
      this.element(target, variable, spec, `${field}.variables.${variable}`);
    for (const match of (input.value ?? '').matchAll(/\{([A-Za-z0-9_.-]+)\}/g)) {
      const variable = match[1]!;
      if (described[variable] !== undefined) continue;
      this.warnings.push({
        field: `${field}.variables.${variable}`,
        reason: `{${variable}} is not described; it takes its owner's required and secret flags`,
      });
      this.element(
        target,
        variable,
        {
          ...(input.isRequired && { isRequired: true }),
          ...(input.isSecret && { isSecret: true }),
          ...(input.description && { description: input.description }),
        },
        `${field}.variables.${variable}`,
      );
    }
  }

  /** An input that is a tier element, placed by required/secret. */
  element(target: ConfigTarget, name: string, input: RegistryInput, field: string, extra: Partial<ConfigElement> = {}): void {
    const element: ConfigElement = {
      name,
      type: elementType(input, field, this.warnings),
      ...(input.description && { description: input.description.slice(0, 2000) }),
      ...(input.isRequired && { required: true }),
      ...(input.isRepeated && { repeated: true }),
      ...(input.choices?.length && { choices: input.choices }),
      ...(input.valueHint && { placeholder: input.valueHint }),
      ...extra,
    };
    if (input.default !== undefined && element.type !== 'secret') element.default = input.default;
    const tier = input.isRequired ? 'team' : 'user';
    const list = (this.config[tier][target] ??= []);
    if (list.some((e) => e.name === name) || (target !== 'args' && this.config.template[target]?.[name] !== undefined)) {
      this.warnings.push({ field, reason: `${target}.${name} appears twice; the second is ignored` });
      return;
    }
    list.push(element);
  }

  /** Package and runtime arguments: fixed ones join the template, the rest become elements in order. */
  argument(input: RegistryInput, index: number, field: string, templateArgs: string[]): void {
    const named = input.type === 'named';
    const flag = named ? input.name : undefined;
    if (input.value !== undefined && Object.keys(input.variables ?? {}).length === 0) {
      templateArgs.push(...(flag ? [`${flag}=${input.value}`] : [input.value]));
      this.variables('args', input, field); // undescribed {placeholders} in a fixed argument still need elements
      return;
    }
    const name =
      (flag ?? input.name ?? input.valueHint ?? `arg${index}`).replace(/^-+/, '').replace(/[^A-Za-z0-9_.\-:]/g, '_') ||
      `arg${index}`;
    const extra: Partial<ConfigElement> = {
      ...(flag && { flag }),
      ...(input.value !== undefined && { valueTemplate: input.value }),
    };
    if (input.value !== undefined)
      for (const [variable, spec] of Object.entries(input.variables ?? {}))
        this.element('args', variable, spec, `${field}.variables.${variable}`);
    this.element('args', name, input, field, extra);
  }
}

export interface ServerJson {
  name?: string;
  packages?: {
    registryType?: string;
    identifier?: string;
    version?: string;
    runtimeHint?: string;
    transport?: { type?: string; url?: string };
    runtimeArguments?: RegistryInput[];
    packageArguments?: RegistryInput[];
    environmentVariables?: RegistryInput[];
  }[];
  remotes?: { type?: string; url?: string; headers?: RegistryInput[]; variables?: Record<string, RegistryInput> }[];
}

/**
 * Maps a registry server.json to a transport and a three-tier definition. npm packages run as
 * `npx -y <identifier>@<version> …` (the logical form the satellites recognise); other package types are imported with
 * their runtime hint as the command and flagged as not runnable yet. Remotes map headers and URL variables the same way.
 */
export function mapServerJson(server: ServerJson): MappedDefinition {
  const b = new DefinitionBuilder();
  const pkg = server.packages?.find((p) => p.registryType === 'npm') ?? server.packages?.[0];
  if (pkg?.identifier && pkg.registryType) {
    const npm = pkg.registryType === 'npm';
    const command =
      pkg.runtimeHint ??
      (npm ? 'npx' : pkg.registryType === 'pypi' ? 'uvx' : pkg.registryType === 'oci' ? 'docker' : pkg.registryType);
    const templateArgs: string[] = [];
    (pkg.runtimeArguments ?? []).forEach((a, i) => {
      const field = `packages[0].runtimeArguments[${i}]`;
      b.argument(a, i, field, templateArgs);
      // Tier values follow the template's args (DESIGN, "Merge"), so only fixed runtime arguments can precede the
      // package: one with a value to set lands after it. Said on the sync run so an admin can override the mapping.
      if (a.value === undefined || Object.keys(a.variables ?? {}).length > 0)
        b.warnings.push({
          field,
          reason: 'a runtime argument with a value to set is passed after the package identifier, with the other set values',
        });
    });
    // Runtime arguments come before the package identifier, package arguments after it. The version is pinned by
    // the transport's package, so the args keep the brief's logical form (`-y <identifier>`).
    templateArgs.push(...(npm ? ['-y', pkg.identifier] : [pkg.identifier]));
    (pkg.packageArguments ?? []).forEach((a, i) => b.argument(a, i, `packages[0].packageArguments[${i}]`, templateArgs));
    if (templateArgs.length > 0) b.config.template.args = templateArgs;
    (pkg.environmentVariables ?? []).forEach((e, i) => {
      if (e.name) b.mapEntry('env', e.name, e, `packages[0].environmentVariables[${i}]`);
    });
    if (pkg.transport?.type && pkg.transport.type !== 'stdio') {
      b.warnings.push({ field: 'packages[0].transport', reason: `package transport ${pkg.transport.type} is run as stdio` });
    }
    return {
      transport: {
        type: 'stdio',
        command,
        package: {
          registryType: pkg.registryType as 'npm',
          identifier: pkg.identifier,
          ...(pkg.version && { version: pkg.version }),
          ...(pkg.runtimeHint && { runtimeHint: pkg.runtimeHint }),
        },
      },
      config: b.config,
      warnings: b.warnings,
      runnable: npm,
    };
  }
  const remote = server.remotes?.[0];
  if (remote?.url && (remote.type === 'streamable-http' || remote.type === 'sse')) {
    (remote.headers ?? []).forEach((h, i) => {
      if (h.name) b.mapEntry('headers', h.name, h, `remotes[0].headers[${i}]`);
    });
    for (const [name, spec] of Object.entries(remote.variables ?? {}))
      b.element('url', name, spec, `remotes[0].variables.${name}`);
    return { transport: { type: remote.type, url: remote.url }, config: b.config, warnings: b.warnings, runnable: true };
  }
  throw new Error('the server has neither a package nor a streamable-http/sse remote');
}
