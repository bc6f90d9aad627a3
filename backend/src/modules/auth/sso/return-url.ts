/** Longest return path kept: it travels in the signed state cookie. */
const MAX_LENGTH = 2048;

/**
 * The console path a sign-in may return to: an absolute path in this app and nothing else. `//host` and `/\host`
 * are protocol-relative to a browser, and control characters are dropped by URL parsing (turning `/\t/host` into
 * `//host`), so all three are refused. Anything refused is ignored, and the sign-in ends at `/` as before.
 */
export function safeReturnUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}
