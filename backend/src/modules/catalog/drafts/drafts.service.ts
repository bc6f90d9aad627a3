import { Injectable } from '@nestjs/common';
import { validateDefinition, type CatalogDraftDto } from '@orbit/contracts';
import { isGlobalAdmin, type AuthContext } from '../../../core/auth/auth-context.js';
import { AppException, ErrorCode } from '../../../core/errors/app.exception.js';
import { draftFromDesktop, type ClaudeDesktopServer } from './claude-desktop.js';
import type { CreateDraftDto } from './draft.dto.js';
import { mapServerJson } from './registry-mapping.js';

export type CatalogDraft = CatalogDraftDto;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function title(text: string): string {
  return text
    .replace(/^@[^/]+\//, '')
    .replace(/^(mcp-server-|server-|mcp-)/, '')
    .replace(/[-_./]+/g, ' ')
    .replace(/\b\w/g, (c) => c.toUpperCase())
    .trim();
}

/** The admin schema workflow's first step: a proposal from a pasted config; nothing is saved. */
@Injectable()
export class DraftsService {
  propose(auth: AuthContext, dto: CreateDraftDto): CatalogDraft {
    // Anyone who can add an entry somewhere (every user administers their personal team) may ask for a draft.
    const adminSomewhere = isGlobalAdmin(auth) || [...auth.memberships.values()].includes('team_admin');
    if (!adminSomewhere) throw new AppException(ErrorCode.Forbidden, 'Only admins add catalog entries');
    if ((dto.claudeDesktopConfig === undefined) === (dto.serverJson === undefined)) {
      throw AppException.validation([
        { field: 'claudeDesktopConfig', message: 'send exactly one of claudeDesktopConfig or serverJson' },
      ]);
    }
    const draft =
      dto.serverJson !== undefined
        ? this.fromServerJson(dto.serverJson)
        : this.fromDesktop(dto.claudeDesktopConfig!, dto.serverKey);
    return { ...draft, problems: validateDefinition(draft.config, draft.transport) };
  }

  private fromServerJson(json: Record<string, unknown>): Omit<CatalogDraft, 'problems'> {
    const server = isRecord(json['server']) ? json['server'] : json;
    let mapped;
    try {
      mapped = mapServerJson(server);
    } catch (error) {
      throw AppException.validation([{ field: 'serverJson', message: `serverJson ${(error as Error).message}` }]);
    }
    const name = typeof server['name'] === 'string' ? server['name'] : 'local/server';
    return {
      name,
      title: typeof server['title'] === 'string' ? server['title'] : title(name.split('/').pop() ?? name),
      description: typeof server['description'] === 'string' ? server['description'] : '',
      version: typeof server['version'] === 'string' ? server['version'] : '0.0.0',
      transport: mapped.transport,
      config: mapped.config,
      notes: [
        ...mapped.warnings.map((w) => `${w.field}: ${w.reason}`),
        ...(mapped.runnable
          ? []
          : [
              `${mapped.transport.type === 'stdio' ? mapped.transport.package?.registryType : ''} packages are imported, but satellites cannot run them yet`,
            ]),
      ],
    };
  }

  private fromDesktop(pasted: Record<string, unknown>, serverKey: string | undefined): Omit<CatalogDraft, 'problems'> {
    const servers = isRecord(pasted['mcpServers']) ? pasted['mcpServers'] : { server: pasted };
    const keys = Object.keys(servers);
    const key = serverKey ?? (keys.length === 1 ? keys[0] : undefined);
    if (key === undefined || !isRecord(servers[key])) {
      throw AppException.validation([
        { field: 'serverKey', message: keys.length === 0 ? 'the config holds no server' : `choose one of: ${keys.join(', ')}` },
      ]);
    }
    const entry = servers[key] as ClaudeDesktopServer;
    if (typeof entry.command !== 'string' && typeof entry.url !== 'string') {
      throw AppException.validation([{ field: 'claudeDesktopConfig', message: `${key} has neither a command nor a url` }]);
    }
    const draft = draftFromDesktop(key, entry);
    const pkg = draft.transport.type === 'stdio' ? draft.transport.package : undefined;
    const scoped = pkg?.identifier.match(/^@([^/]+)\/(.+)$/);
    const name = scoped
      ? `io.github.${scoped[1]}/${scoped[2]}`
      : `local/${(pkg?.identifier ?? key).replace(/[^a-zA-Z0-9._-]/g, '-')}`;
    return {
      name,
      title: title(pkg?.identifier ?? key),
      description: '',
      version: pkg?.version ?? '1.0.0',
      transport: draft.transport,
      config: draft.config,
      notes: draft.dropped.map((d) => `${d}: the pasted value is not kept`),
    };
  }
}
