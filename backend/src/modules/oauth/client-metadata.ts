import { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { classifyRedirectUri, inferApplicationType, redirectUriProblems, type RedirectUriKind } from './redirect-uris.js';

const MAX_REDIRECT_URIS = 20;

export interface ClientMetadataDraft {
  client_id?: unknown;
  client_name?: unknown;
  redirect_uris?: string[];
  grant_types?: string[];
  application_type?: string;
}

/**
 * Checks a registration (RFC 7591) or a client ID metadata document on top of the provider's own checks: our redirect
 * URI rules, limits, no client_credentials for self-registered clients, and native inference for registrations that
 * state no application type. Clients stored by the console were checked when they were written.
 */
export function validateClientMetadata(
  ctx: KoaContextWithOIDC | undefined,
  metadata: ClientMetadataDraft,
  redirectSchemes: readonly string[],
): void {
  const registering = ctx?.oidc?.route === 'registration';
  const metadataDocument = typeof metadata.client_id === 'string' && metadata.client_id.startsWith('https://');
  if (!registering && !metadataDocument) return; // stored clients were checked when they were written
  const uris = metadata.redirect_uris ?? [];
  if (!Array.isArray(uris) || uris.some((u) => typeof u !== 'string')) {
    throw new errors.InvalidClientMetadata('redirect_uris must be an array of strings');
  }
  if (uris.length > MAX_REDIRECT_URIS) {
    throw new errors.InvalidClientMetadata(`redirect_uris may hold at most ${MAX_REDIRECT_URIS} URIs`);
  }
  if (typeof metadata.client_name === 'string' && metadata.client_name.length > 200) {
    throw new errors.InvalidClientMetadata('client_name must be at most 200 characters');
  }
  if (registering && (metadata.grant_types ?? []).includes('client_credentials')) {
    throw new errors.InvalidClientMetadata(
      'client_credentials clients are created in the Orbit console, for a team; dynamic registration is for public clients',
    );
  }
  const stated = registering ? (ctx?.oidc?.body as { application_type?: unknown } | undefined)?.application_type : undefined;
  const kinds = uris
    .map((u) => classifyRedirectUri(u, redirectSchemes))
    .filter((k): k is RedirectUriKind => typeof k === 'string');
  if (stated === undefined && kinds.length === uris.length) metadata.application_type = inferApplicationType(kinds);
  const problems = redirectUriProblems(uris, metadata.application_type === 'native' ? 'native' : 'web', redirectSchemes);
  if (problems.length > 0) {
    const first = problems[0]!;
    // A description starting with redirect_uris answers invalid_redirect_uri, with this message kept.
    throw new errors.InvalidClientMetadata(`redirect_uris[${first.index}] ${first.problem}`);
  }
}
