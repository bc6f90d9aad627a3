/**
 * Which redirect URIs a client may register (DESIGN, "OAuth for MCP clients"): https anywhere; plain http only on a
 * loopback host (`127.0.0.1`, `localhost`, `[::1]`), where native clients match on any port (RFC 8252); private-use
 * schemes such as `cursor://` only for native clients and only when on the allow-list. Exact match otherwise, which
 * the authorization server enforces.
 */
export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Schemes that must never be redirect targets, whatever the allow-list says. */
const FORBIDDEN_SCHEMES = new Set(['javascript', 'data', 'file', 'vbscript', 'blob', 'about', 'ftp', 'ws', 'wss']);

export type ApplicationType = 'web' | 'native';

/** What a redirect URI is, or why it is refused. */
export type RedirectUriKind = 'https' | 'loopback' | 'private-use';

export function classifyRedirectUri(uri: string, allowedSchemes: readonly string[]): RedirectUriKind | { problem: string } {
  if (uri.length > 2_000) return { problem: 'must be at most 2000 characters' };
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { problem: 'must be an absolute URI' };
  }
  if (uri.includes('#')) return { problem: 'must not contain a fragment' };
  if (url.username !== '' || url.password !== '') return { problem: 'must not contain credentials' };
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'https') return 'https';
  if (scheme === 'http') {
    if (LOOPBACK_HOSTS.has(url.hostname)) return 'loopback';
    return { problem: 'must use https (plain http is allowed only on 127.0.0.1, localhost or [::1])' };
  }
  if (FORBIDDEN_SCHEMES.has(scheme)) return { problem: `must not use the ${scheme} scheme` };
  if (allowedSchemes.includes(scheme)) return 'private-use';
  return {
    problem:
      allowedSchemes.length === 0
        ? `uses the private-use scheme ${scheme}://, and no private-use scheme is allowed (OAUTH_REDIRECT_SCHEMES)`
        : `uses the private-use scheme ${scheme}://, which is not allowed (allowed: ${allowedSchemes.map((s) => `${s}://`).join(', ')})`,
  };
}

/**
 * A registration that states no application type is native when every redirect URI is a loopback or private-use one
 * (what Claude Code, OpenCode and VS Code send); web otherwise.
 */
export function inferApplicationType(kinds: readonly RedirectUriKind[]): ApplicationType {
  return kinds.length > 0 && kinds.every((k) => k === 'loopback' || k === 'private-use') ? 'native' : 'web';
}

/** Checks a whole registration: a problem per URI (by index), plus the rules that depend on the application type. */
export function redirectUriProblems(
  uris: readonly string[],
  applicationType: ApplicationType | undefined,
  allowedSchemes: readonly string[],
): { index: number; problem: string }[] {
  const problems: { index: number; problem: string }[] = [];
  const kinds: RedirectUriKind[] = [];
  uris.forEach((uri, index) => {
    const kind = classifyRedirectUri(uri, allowedSchemes);
    if (typeof kind === 'object') problems.push({ index, problem: kind.problem });
    else kinds.push(kind);
  });
  const type = applicationType ?? inferApplicationType(kinds);
  if (type === 'web') {
    uris.forEach((uri, index) => {
      const kind = classifyRedirectUri(uri, allowedSchemes);
      if (kind === 'private-use') problems.push({ index, problem: 'private-use schemes are for native clients only' });
    });
  }
  return problems;
}
