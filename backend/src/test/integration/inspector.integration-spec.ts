import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizeInBrowser } from '../support/oauth-browser.js';
import { freePort, REPO_ROOT } from '../support/processes.js';
import { startProtectedMcpServer, type ProtectedMcpServer } from '../support/protected-mcp.js';
import { ADMIN, addMemberVia, createTeamVia, createUserVia, startTestApp, type TestApp } from '../support/test-app.js';

const ALICE = { email: 'alice@inspector.example', password: 'Correct-Horse-42!' };

/** The Inspector's `mcp-inspector` bin (a root devDependency, pinned). */
const INSPECTOR_BIN = join(
  REPO_ROOT,
  'node_modules',
  '@modelcontextprotocol',
  'inspector',
  'clients',
  'launcher',
  'build',
  'index.js',
);

/**
 * The MCP Inspector 2.x CLI as a second real OAuth client: `mcp-inspector --cli <satellite /mcp> --method tools/list`
 * meets the 401, discovers the backend from the protected resource metadata, registers itself (RFC 7591), and
 * "opens the browser" on the authorization URL. Its browser here is a script set as `$BROWSER` (the `open` package
 * runs `xdg-open`, which runs `$BROWSER` when there is no desktop) that writes the URL down; the test then does
 * the user's part at HTTP level (console login, consent with a team) and follows the redirect to the Inspector's
 * own loopback callback server, after which the CLI exchanges the code and lists the tools with our token.
 */
describe('MCP Inspector CLI against the authorization server', () => {
  let t: TestApp;
  let base: string;
  let mcp: ProtectedMcpServer;
  let alice: string;
  let teamId: string;
  let work: string;
  let aliceId: string;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    const [port, satellitePort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ PORT: String(port), SATELLITE_PUBLIC_URL: `http://127.0.0.1:${satellitePort}` });
    mcp = await startProtectedMcpServer({ issuer: base, port: satellitePort });
    const admin = await t.login(ADMIN.email, ADMIN.password);
    aliceId = await createUserVia(t.http, admin, { ...ALICE, globalRole: 'global_user' });
    teamId = await createTeamVia(t.http, admin, 'Inspectors');
    await addMemberVia(t.http, admin, teamId, ALICE.email, 'team_user');
    alice = await t.login(ALICE.email, ALICE.password);
    work = mkdtempSync(join(tmpdir(), 'orbit-inspector-'));
  });

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await mcp?.close();
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Runs `mcp-inspector --cli <args>` with only the environment it needs, collecting its output. */
  function runInspector(args: string[], env: Record<string, string>) {
    const child = spawn(process.execPath, [INSPECTOR_BIN, '--cli', ...args], {
      cwd: work,
      // No DISPLAY or desktop variables: xdg-open takes its generic path, which runs $BROWSER.
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: work, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const describeOutput = () => `--- stdout\n${out.stdout}\n--- stderr\n${out.stderr}`;
    /** Waits for the exit (generous deadline), failing with the output unless the exit code is 0. */
    const succeeded = async (deadlineMs = 60_000): Promise<void> => {
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((r) => (timer = setTimeout(() => r('still running'), deadlineMs))),
      ]);
      clearTimeout(timer);
      if (code !== 0) throw new Error(`mcp-inspector ${args.join(' ')}: ${code}\n${describeOutput()}`);
    };
    return { child, out, describeOutput, succeeded };
  }

  it('registers dynamically, gets a code through the consent page on its loopback callback, and lists the tools', async () => {
    expect(existsSync(INSPECTOR_BIN)).toBe(true);
    const opened = join(work, 'opened-urls.txt');
    const browser = join(work, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
    chmodSync(browser, 0o755);
    const callbackPort = await freePort();
    const callbackUrl = `http://127.0.0.1:${callbackPort}/oauth/callback`;

    const list = runInspector(
      [mcp.url, '--transport', 'http', '--method', 'tools/list', '--format', 'json', '--callback-url', callbackUrl],
      {
        BROWSER: browser,
        // Without a TTY the CLI refuses interactive OAuth (exit code "auth_required") unless this is set.
        MCP_AUTO_OPEN_ENABLED: 'true',
        // The registration and tokens go to a file under the temporary HOME (no OS keychain here).
        MCP_INSPECTOR_SECRET_STORE: 'file',
      },
    );

    // The Inspector "opens the browser": wait for the URL our browser script received.
    let authorizationUrl: string | undefined;
    const until = Date.now() + 90_000;
    while (!authorizationUrl) {
      if (list.child.exitCode !== null)
        throw new Error(`the Inspector exited before opening a browser:\n${list.describeOutput()}`);
      if (Date.now() > until) throw new Error(`the Inspector never opened a browser:\n${list.describeOutput()}`);
      if (existsSync(opened)) authorizationUrl = readFileSync(opened, 'utf8').split('\n')[0] || undefined;
      if (!authorizationUrl) await new Promise((r) => setTimeout(r, 100));
    }
    expect(list.out.stderr).toContain(`Please navigate to: ${authorizationUrl}`);
    const requested = new URL(authorizationUrl);
    expect(`${requested.origin}${requested.pathname}`).toBe(`${base}/oauth/authorize`);
    expect(requested.searchParams.get('redirect_uri')).toBe(callbackUrl);
    expect(requested.searchParams.get('code_challenge_method')).toBe('S256');
    expect(requested.searchParams.get('resource')).toBe(mcp.resource);

    // The user's part: console login and consent; the page shows the Inspector as a dynamically registered client.
    const { redirect, interaction } = await authorizeInBrowser(base, authorizationUrl, { accessToken: alice, teamId });
    expect(interaction.client).toMatchObject({
      clientId: requested.searchParams.get('client_id'),
      name: 'MCP Inspector',
      kind: 'dynamic',
      redirectUri: callbackUrl,
    });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(callbackUrl);
    expect(redirect.searchParams.get('code')).toBeTruthy();

    // The browser lands on the Inspector's callback server, which takes the code; the CLI then lists the tools.
    const landed = await fetch(redirect.toString());
    expect(landed.status).toBe(200);
    await list.succeeded();
    expect(list.out.stderr).toContain('Authorization complete.');
    const listed = JSON.parse(list.out.stdout) as { result: { tools: { name: string }[] } };
    expect(listed.result.tools.map((tool) => tool.name)).toEqual(['whoami']);

    // The CI path: the stored token, no browser. whoami answers the claims our fixture verified.
    const call = runInspector(
      [
        mcp.url,
        '--transport',
        'http',
        '--method',
        'tools/call',
        '--tool-name',
        'whoami',
        '--format',
        'json',
        '--stored-auth-only',
      ],
      { MCP_INSPECTOR_SECRET_STORE: 'file' },
    );
    await call.succeeded();
    const called = JSON.parse(call.out.stdout) as { result: { content: { type: string; text: string }[] } };
    expect(JSON.parse(called.result.content[0]!.text)).toMatchObject({
      iss: base,
      sub: aliceId,
      team: teamId,
      aud: mcp.resource,
      client_id: interaction.client.clientId,
    });
  }, 180_000);
});
