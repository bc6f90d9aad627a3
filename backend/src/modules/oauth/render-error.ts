/** The authorization server's error page (a bad client_id or redirect_uri can't be sent back to the client). */
export function renderOAuthError(out: Record<string, unknown>, _error: unknown): string {
  const error = escapeHtml(typeof out['error'] === 'string' ? out['error'] : 'server_error');
  const description = escapeHtml(
    typeof out['error_description'] === 'string' ? out['error_description'] : 'The request could not be completed.',
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in failed · Orbit</title>
<style>
body{font-family:Roboto,system-ui,sans-serif;background:#f5f5f7;color:#1b1b1f;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:16px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:32px 40px;max-width:480px}
h1{font-size:1.4rem;margin:0 0 12px}code{background:#eee;border-radius:4px;padding:2px 6px}
p{line-height:1.5}
</style>
</head>
<body>
<main data-testid="oauth-error">
<h1>This sign-in request can't be completed</h1>
<p>${description}</p>
<p>Error: <code>${error}</code></p>
<p>Start again from your MCP client. If this keeps happening, ask your Orbit admin.</p>
</main>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
