import { classifyRedirectUri, inferApplicationType, redirectUriProblems } from './redirect-uris.js';

const SCHEMES = ['cursor', 'vscode', 'claude'];

describe('redirect URI policy', () => {
  it.each([
    ['https://app.example.com/callback', 'https'],
    ['http://127.0.0.1:33418/callback', 'loopback'],
    ['http://localhost/callback', 'loopback'],
    ['http://[::1]:8080/cb', 'loopback'],
    ['cursor://anysphere.cursor-mcp/oauth/callback', 'private-use'],
    ['vscode://vscode.github-authentication/did-authenticate', 'private-use'],
  ])('accepts %s as %s', (uri, kind) => {
    expect(classifyRedirectUri(uri, SCHEMES)).toBe(kind);
  });

  it.each([
    ['http://app.example.com/callback', /must use https/],
    ['javascript:alert(1)', /javascript scheme/],
    ['data:text/html,hi', /data scheme/],
    ['myapp://callback', /myapp:\/\/, which is not allowed/],
    ['https://app.example.com/cb#frag', /fragment/],
    ['https://user:pw@app.example.com/cb', /credentials/],
    ['/relative/callback', /absolute/],
  ])('refuses %s', (uri, problem) => {
    const kind = classifyRedirectUri(uri, SCHEMES);
    expect(typeof kind).toBe('object');
    expect((kind as { problem: string }).problem).toMatch(problem);
  });

  it('refuses every private-use scheme when the allow-list is empty', () => {
    expect(classifyRedirectUri('cursor://anysphere.cursor-mcp/oauth/callback', [])).toEqual({
      problem: expect.stringMatching(/no private-use scheme is allowed/),
    });
  });

  it('infers native for loopback-only or private-use registrations, web otherwise', () => {
    expect(inferApplicationType(['loopback'])).toBe('native');
    expect(inferApplicationType(['loopback', 'private-use'])).toBe('native');
    expect(inferApplicationType(['loopback', 'https'])).toBe('web');
    expect(inferApplicationType([])).toBe('web');
  });

  it('reports problems by index and refuses private-use schemes for web clients', () => {
    expect(redirectUriProblems(['https://ok.example.com/cb', 'http://evil.example.com/cb'], undefined, SCHEMES)).toEqual([
      { index: 1, problem: expect.stringMatching(/https/) },
    ]);
    expect(redirectUriProblems(['cursor://x/cb'], 'web', SCHEMES)).toEqual([
      { index: 0, problem: 'private-use schemes are for native clients only' },
    ]);
    expect(redirectUriProblems(['cursor://x/cb', 'http://127.0.0.1/cb'], undefined, SCHEMES)).toEqual([]);
  });
});
