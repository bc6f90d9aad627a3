import type { OAuthInteractionDto } from '@orbit/contracts';
import { CookieClient } from './cookie-client.js';

/**
 * The browser's part of the authorization code flow at HTTP level: open the authorization URL, land on the console's
 * consent page, read the request and decide (as the console page does, with the user's console token), then follow
 * the provider back to the client's redirect URI. Returns that redirect (code, state, iss) and what the page showed.
 */
export async function authorizeInBrowser(
  base: string,
  authorizationUrl: string,
  options: { accessToken: string; teamId?: string; deny?: boolean; browser?: CookieClient },
): Promise<{ redirect: URL; interaction: OAuthInteractionDto }> {
  const browser = options.browser ?? new CookieClient();
  const start = await browser.follow(authorizationUrl, (next) => new URL(next).pathname.startsWith('/oauth/consent/'));
  const consentPage = new URL(start.url);
  expect(consentPage.pathname).toMatch(/^\/oauth\/consent\/[A-Za-z0-9_-]+$/);
  const uid = consentPage.pathname.split('/').pop()!;
  const auth = { authorization: `Bearer ${options.accessToken}` };
  const details = await browser.request(`${base}/api/oauth/interactions/${uid}/details`, { headers: auth });
  expect(details.status).toBe(200);
  const interaction = (await details.json()) as OAuthInteractionDto;
  const teamId = options.teamId ?? interaction.teams[0]?.id;
  const decision = options.deny
    ? await browser.request(`${base}/api/oauth/interactions/${uid}/deny`, { method: 'POST', headers: auth })
    : await browser.request(`${base}/api/oauth/interactions/${uid}/consent`, { method: 'POST', headers: auth, json: { teamId } });
  expect(decision.status).toBe(200);
  const { redirectTo } = (await decision.json()) as { redirectTo: string };
  const back = await browser.request(new URL(redirectTo, base).toString());
  expect([302, 303]).toContain(back.status);
  return { redirect: new URL(back.headers.get('location')!, base), interaction };
}
