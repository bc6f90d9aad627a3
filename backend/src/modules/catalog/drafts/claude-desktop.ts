import type { ConfigDefinition, ElementType, Transport } from '@orbit/contracts';

/** One `mcpServers` entry of a Claude Desktop config (stdio, or a remote `url`). */
export interface ClaudeDesktopServer {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  url?: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface DesktopDraft {
  key: string;
  transport: Transport;
  config: ConfigDefinition;
  /** Values that were in the pasted config but are not kept (secrets, personal paths): named so the admin knows. */
  dropped: string[];
}

const SECRET_NAME = /(_KEY$|_TOKEN$|SECRET|PASSWORD|^AUTHORIZATION$|API[_-]?KEY|ACCESS[_-]?TOKEN)/i;
const NPM_PACKAGE = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(@[\w.^~*-]+)?$/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

function inferType(value: string): ElementType {
  if (value === 'true' || value === 'false') return 'boolean';
  if (/^-?\d+(\.\d+)?$/.test(value)) return 'number';
  if (value.startsWith('/') || /^[A-Za-z]:\\/.test(value) || value.startsWith('~/')) return 'filepath';
  return 'string';
}

function splitPackage(spec: string): { identifier: string; version?: string } {
  const at = spec.lastIndexOf('@');
  return at > 0 ? { identifier: spec.slice(0, at), version: spec.slice(at + 1) } : { identifier: spec };
}

/**
 * Proposes a three-tier definition from a Claude Desktop entry: the package and its fixed args become the template;
 * paths become a repeated user-tier `paths` element; `--flag=value` options become user-tier elements with the value
 * as default; secret-looking env vars and headers become required team secrets (their values are dropped); other env
 * vars become user-tier elements with their value as default. Nothing is saved: the admin reviews and moves elements.
 */
export function draftFromDesktop(key: string, entry: ClaudeDesktopServer): DesktopDraft {
  const config: ConfigDefinition = { template: {}, team: {}, user: {} };
  const dropped: string[] = [];
  if (entry.url) {
    for (const [name, value] of Object.entries(entry.headers ?? {})) {
      if (looksSecret(name)) {
        const bearer = /^Bearer\s+/i.test(value);
        if (bearer) {
          (config.template.headers ??= {})[name] = 'Bearer {token}';
          (config.team.headers ??= []).push({
            name: 'token',
            type: 'secret',
            required: true,
            description: `Token for the ${name} header`,
          });
        } else (config.team.headers ??= []).push({ name, type: 'secret', required: true });
        dropped.push(`headers.${name}`);
      } else (config.user.headers ??= []).push({ name, type: 'string', default: value });
    }
    const type = entry.type === 'sse' ? 'sse' : 'streamable-http';
    return { key, transport: { type, url: entry.url }, config, dropped };
  }

  const command = entry.command ?? 'npx';
  const args = [...(entry.args ?? [])];
  const template: string[] = [];
  let transport: Transport = { type: 'stdio', command };
  if (command === 'npx') {
    const yes = args[0] === '-y' || args[0] === '--yes';
    const spec = yes ? args[1] : args[0];
    if (spec && NPM_PACKAGE.test(spec)) {
      const { identifier, version } = splitPackage(spec);
      transport = { type: 'stdio', command, package: { registryType: 'npm', identifier, ...(version && { version }) } };
      template.push('-y', identifier);
      args.splice(0, yes ? 2 : 1);
    }
  }
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^(--?[A-Za-z0-9][\w.-]*)(?:=(.*))?$/.exec(arg);
    if (option) {
      const flag = option[1]!;
      const next = args[i + 1];
      const value =
        option[2] ?? (next !== undefined && !next.startsWith('-') && inferType(next) !== 'filepath' ? (i++, next) : undefined);
      const name = flag.replace(/^-+/, '');
      if (value === undefined) template.push(flag);
      else if (looksSecret(name)) {
        (config.team.args ??= []).push({ name, type: 'secret', required: true, flag });
        dropped.push(`args.${name}`);
      } else (config.user.args ??= []).push({ name, type: inferType(value), flag, default: value });
      continue;
    }
    if (inferType(arg) === 'filepath') paths.push(arg);
    else template.push(arg);
  }
  if (template.length > 0) config.template.args = template;
  if (paths.length > 0) {
    (config.user.args ??= []).push({
      name: 'paths',
      type: 'filepath',
      required: true,
      repeated: true,
      description: 'Paths the server may use',
    });
    dropped.push(...paths.map((p) => `args.paths (${p})`));
  }
  for (const [name, value] of Object.entries(entry.env ?? {})) {
    if (looksSecret(name)) {
      (config.team.env ??= []).push({ name, type: 'secret', required: true });
      dropped.push(`env.${name}`);
    } else (config.user.env ??= []).push({ name, type: inferType(value), default: value });
  }
  return { key, transport, config, dropped };
}
