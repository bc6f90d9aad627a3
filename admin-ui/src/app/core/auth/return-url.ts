/**
 * Where a sign-in may send the user afterwards: a path in this app only. A crafted `?returnUrl=` must not lead to
 * another site, so `//host` and `/\host` (both protocol-relative to a browser) and control characters (which URL
 * parsing drops, turning `/\t/host` into `//host`) are refused. The backend's SSO route applies the same rule.
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return null;
  if (value.includes('\\') || hasControlCharacter(value)) return null;
  return value;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
