/**
 * What a developer pastes into an MCP client to reach their team's MCP servers through Orbit. Interactive clients get
 * the URL alone and sign in through the browser (authorization code with PKCE, team picked on the consent page);
 * the SDK and automation use a console-made client with its secret (DESIGN, "the brief's client config").
 */

/** The server's name in every snippet; clients show their tools under it. */
export const SERVER_NAME = 'orbit';

export type SnippetId = 'vscode' | 'claude-code' | 'cursor' | 'inspector' | 'inspector-cli' | 'client-secret';

export interface Snippet {
  /** Also names the test ids: `connect-snippet-<id>`, `connect-copy-<id>`. */
  id: SnippetId;
  /** Where it goes or what to do with it: a file name, or a step. */
  where: string;
  code: string;
}

export interface ClientSetup {
  /** `connect-tab-<id>`. */
  id: 'vscode' | 'claude-code' | 'cursor' | 'inspector' | 'client-secret';
  label: string;
  snippets: Snippet[];
  /** Further steps in plain words, shown after the snippets. */
  notes: string[];
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** VS Code's workspace file `.vscode/mcp.json`. */
export function vscodeConfig(mcpUrl: string): string {
  return json({ servers: { [SERVER_NAME]: { type: 'http', url: mcpUrl } } });
}

export function claudeCodeCommand(mcpUrl: string): string {
  return `claude mcp add --transport http ${SERVER_NAME} ${shellWord(mcpUrl)}`;
}

/** Cursor's user file `~/.cursor/mcp.json`. */
export function cursorConfig(mcpUrl: string): string {
  return json({ mcpServers: { [SERVER_NAME]: { url: mcpUrl } } });
}

export const INSPECTOR_COMMAND = 'npx @modelcontextprotocol/inspector';

export function inspectorCliCommand(mcpUrl: string): string {
  return `${INSPECTOR_COMMAND} --cli ${shellWord(mcpUrl)} --transport http --method tools/list`;
}

/** The brief's config for a client that holds a console-made client id and secret. */
export function clientSecretConfig(mcpUrl: string, clientId: string, clientSecret: string | null): string {
  const oauth = clientSecret === null ? { client_id: clientId } : { client_id: clientId, client_secret: clientSecret };
  return json({ mcpServers: { [SERVER_NAME]: { url: mcpUrl, oauth } } });
}

export const CLIENT_ID_PLACEHOLDER = '<client id from the console>';
export const CLIENT_SECRET_PLACEHOLDER = '<secret shown once>';

/** Every client the connect page explains, in the order of its tabs. */
export function clientSetups(mcpUrl: string): ClientSetup[] {
  return [
    {
      id: 'vscode',
      label: 'VS Code',
      snippets: [{ id: 'vscode', where: '.vscode/mcp.json in your workspace', code: vscodeConfig(mcpUrl) }],
      notes: ['Start the server from the file; VS Code opens your browser to sign in.'],
    },
    {
      id: 'claude-code',
      label: 'Claude Code',
      snippets: [{ id: 'claude-code', where: 'In a terminal', code: claudeCodeCommand(mcpUrl) }],
      notes: ['Then run /mcp in Claude Code to sign in.'],
    },
    {
      id: 'cursor',
      label: 'Cursor',
      snippets: [{ id: 'cursor', where: '~/.cursor/mcp.json', code: cursorConfig(mcpUrl) }],
      notes: ['Cursor then asks you to sign in from its MCP settings.'],
    },
    {
      id: 'inspector',
      label: 'MCP Inspector',
      snippets: [
        { id: 'inspector', where: 'Start the Inspector in a terminal', code: INSPECTOR_COMMAND },
        { id: 'inspector-cli', where: 'Or list the tools from the command line', code: inspectorCliCommand(mcpUrl) },
      ],
      notes: [
        `In the Inspector, pick the Streamable HTTP transport, paste ${mcpUrl} as the URL and connect.`,
        'The Inspector 2.x needs Node.js 22.19 or later.',
      ],
    },
    {
      id: 'client-secret',
      label: 'With a client secret',
      snippets: [
        {
          id: 'client-secret',
          where: 'For the MCP SDK and automation, with a client made on the OAuth clients page',
          code: clientSecretConfig(mcpUrl, CLIENT_ID_PLACEHOLDER, CLIENT_SECRET_PLACEHOLDER),
        },
      ],
      notes: ['Replace the placeholders with the client id and the secret shown when the client was made.'],
    },
  ];
}

/** Quotes a URL for a POSIX shell when it holds anything a shell would read specially. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
