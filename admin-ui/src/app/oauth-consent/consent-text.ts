import type { OAuthInteractionDto } from '@orbit/contracts';

/** The consent page's words for what a client asks; a scope Orbit does not describe shows as its name. */
const SCOPE_TEXT: Readonly<Record<string, string>> = {
  mcp: "Use your team's MCP servers through Orbit",
  offline_access: 'Stay signed in until you revoke it',
};

export function scopeText(scope: string): string {
  return SCOPE_TEXT[scope] ?? scope;
}

/** Whether nobody in the organisation made the client: it registered itself or named its own metadata document. */
export function isUnregistered(client: OAuthInteractionDto['client']): boolean {
  return client.kind !== 'console';
}

export const INTERACTION_EXPIRED = 'This sign-in request has expired or was already used. Start again from your MCP client.';
