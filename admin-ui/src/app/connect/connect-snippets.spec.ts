import {
  CLIENT_ID_PLACEHOLDER,
  CLIENT_SECRET_PLACEHOLDER,
  claudeCodeCommand,
  clientSecretConfig,
  clientSetups,
  cursorConfig,
  inspectorCliCommand,
  vscodeConfig,
} from './connect-snippets';

const MCP_URL = 'https://satellite.example.com/mcp';

describe('connect snippets', () => {
  it('gives VS Code an http server named orbit in .vscode/mcp.json', () => {
    expect(JSON.parse(vscodeConfig(MCP_URL))).toEqual({ servers: { orbit: { type: 'http', url: MCP_URL } } });
  });

  it('gives Claude Code its add command', () => {
    expect(claudeCodeCommand(MCP_URL)).toBe('claude mcp add --transport http orbit https://satellite.example.com/mcp');
  });

  it('gives Cursor an mcpServers entry with the URL alone', () => {
    expect(JSON.parse(cursorConfig(MCP_URL))).toEqual({ mcpServers: { orbit: { url: MCP_URL } } });
  });

  it('lists the tools through the Inspector CLI over Streamable HTTP', () => {
    expect(inspectorCliCommand(MCP_URL)).toBe(
      'npx @modelcontextprotocol/inspector --cli https://satellite.example.com/mcp --transport http --method tools/list',
    );
  });

  it('quotes a URL a shell would split', () => {
    expect(claudeCodeCommand("https://sat.example.com/mcp?x=1&y='2'")).toBe(
      `claude mcp add --transport http orbit 'https://sat.example.com/mcp?x=1&y='\\''2'\\'''`,
    );
  });

  it('writes the brief config with a client id and secret, and without a secret for a public client', () => {
    expect(JSON.parse(clientSecretConfig(MCP_URL, 'cid', 'orbit_cs_x'))).toEqual({
      mcpServers: { orbit: { url: MCP_URL, oauth: { client_id: 'cid', client_secret: 'orbit_cs_x' } } },
    });
    expect(JSON.parse(clientSecretConfig(MCP_URL, 'cid', null))).toEqual({
      mcpServers: { orbit: { url: MCP_URL, oauth: { client_id: 'cid' } } },
    });
  });

  it('puts the MCP URL into every client setup, and placeholders into the one with a secret', () => {
    const setups = clientSetups(MCP_URL);
    expect(setups.map((s) => s.id)).toEqual(['vscode', 'claude-code', 'cursor', 'inspector', 'client-secret']);
    const snippets = setups.flatMap((s) => s.snippets);
    expect(snippets.map((s) => s.id)).toEqual(['vscode', 'claude-code', 'cursor', 'inspector', 'inspector-cli', 'client-secret']);
    for (const snippet of snippets.filter((s) => s.id !== 'inspector')) expect(snippet.code).toContain(MCP_URL);
    const secret = snippets.find((s) => s.id === 'client-secret')!;
    expect(JSON.parse(secret.code)).toEqual({
      mcpServers: {
        orbit: { url: MCP_URL, oauth: { client_id: CLIENT_ID_PLACEHOLDER, client_secret: CLIENT_SECRET_PLACEHOLDER } },
      },
    });
  });
});
