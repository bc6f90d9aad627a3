/** A small HTTP client for preparing e2e fixtures through the real API (the browser does the part under test). */
export class Api {
  constructor(
    private readonly base: string,
    private readonly token?: string,
  ) {}

  static async signIn(base: string, email: string, password: string): Promise<Api> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    return new Api(base, ((await res.json()) as { accessToken: string }).accessToken);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, expected = [200, 201, 204]): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token && { authorization: `Bearer ${this.token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
