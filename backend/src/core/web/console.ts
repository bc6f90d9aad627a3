import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the console must never shadow: the API, the authorization server and well-known metadata. */
const SERVER_PATHS = /^\/(api|oauth|\.well-known)(\/|$)/;
/** The one console page under them: the consent page, where the authorization server sends the browser. */
const CONSENT_PAGE = /^\/oauth\/consent\/[^/]+$/;

/**
 * Serves the built Angular console at `/`, with index.html for every other GET that is not a file, so deep
 * links such as /teams/42 load the app. Returns false when the console has not been built.
 */
export function mountConsole(app: NestExpressApplication, consoleDir: string): boolean {
  const index = join(consoleDir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(consoleDir, { index: false, maxAge: '1h', setHeaders: noCacheForIndex });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (SERVER_PATHS.test(req.path) && !CONSENT_PAGE.test(req.path)) return next();
    if (/\.[a-z0-9]+$/i.test(req.path)) return next(); // a missing asset is a 404, not the app
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

function noCacheForIndex(res: Response, path: string): void {
  if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
