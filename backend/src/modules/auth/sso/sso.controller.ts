import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SsoErrorCode } from '@orbit/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import passport from 'passport';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/env.schema.js';
import { Public } from '../../../core/auth/access.decorator.js';
import type { User } from '../../users/user.entity.js';
import { clientOf } from '../auth.controller.js';
import { AuthService } from '../auth.service.js';
import { setRefreshCookie } from '../refresh-cookie.js';
import { safeReturnUrl } from './return-url.js';
import type { SsoState } from './sso-state-store.js';
import { SsoFailure, SsoService } from './sso.service.js';

type Outcome = { user: User; returnUrl?: string } | { error: SsoErrorCode };

/** Single sign-on through passport-oauth2. Every failure ends on the console's login page with a reason. */
@ApiTags('auth')
@Controller('auth/sso')
export class SsoController {
  private readonly logger = new Logger(SsoController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sso: SsoService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Public()
  @ApiQuery({
    name: 'returnUrl',
    required: false,
    description: 'Console path to end on after signing in (an absolute path such as /oauth/consent/…; anything else is ignored)',
  })
  @ApiFoundResponse({ description: 'Redirect to the identity provider' })
  async start(@Req() req: Request, @Res() res: Response): Promise<void> {
    const state: SsoState = {};
    const returnUrl = safeReturnUrl(req.query['returnUrl']);
    if (returnUrl) state.returnUrl = returnUrl;
    try {
      const strategy = await this.sso.getStrategy();
      await new Promise<void>((resolve, reject) => {
        const next: NextFunction = (err?: unknown) =>
          err ? reject(err instanceof Error ? err : new Error('authentication failed')) : resolve();
        res.once('finish', resolve);
        // An object `state` is handed to the state store, which keeps it in its cookie (a string would replace the
        // store's state and PKCE verifier); passport's types only know the string form.
        const options = { session: false, state } as unknown as passport.AuthenticateOptions;
        const middleware = passport.authenticate(Object.create(strategy) as passport.Strategy, options) as RequestHandler;
        void middleware(req, res, next);
      });
    } catch (error) {
      this.fail(res, error instanceof SsoFailure ? error.code : 'sso_unavailable', error);
    }
  }

  @Get('callback')
  @Public()
  @ApiFoundResponse({
    description: 'Signed in: redirect to the returnUrl the sign-in started with, else to /; otherwise to /login?error=<code>',
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const providerError = typeof req.query['error'] === 'string' ? req.query['error'] : undefined;
    if (providerError) return this.fail(res, providerError === 'access_denied' ? 'sso_denied' : 'sso_unavailable', providerError);
    let outcome: Outcome;
    try {
      const strategy = await this.sso.getStrategy();
      outcome = await new Promise<Outcome>((resolve) => {
        const done = (
          err: unknown,
          user: User | false,
          info?: { code?: SsoErrorCode; message?: string; state?: SsoState },
        ): void => {
          if (err) {
            this.logger.warn(`SSO callback failed: ${err instanceof Error ? err.message : JSON.stringify(err)}`);
            resolve({ error: err instanceof SsoFailure ? err.code : 'sso_unavailable' });
          } else if (!user)
            resolve({ error: info?.code ?? 'sso_state' }); // no user and no code: the state check failed
          else resolve({ user, returnUrl: info?.state?.returnUrl });
        };
        const middleware = passport.authenticate(
          Object.create(strategy) as passport.Strategy,
          { session: false },
          done,
        ) as RequestHandler;
        void middleware(req, res, (err?: unknown) => done(err ?? new Error('unexpected'), false));
      });
    } catch (error) {
      outcome = { error: error instanceof SsoFailure ? error.code : 'sso_unavailable' };
    }
    if ('error' in outcome) return this.fail(res, outcome.error);
    const { tokens } = await this.auth.signIn(outcome.user, clientOf(req), 'sso');
    setRefreshCookie(res, this.config, tokens.refreshToken);
    res.redirect(302, outcome.returnUrl ?? '/');
  }

  private fail(res: Response, code: SsoErrorCode, detail?: unknown): void {
    if (detail !== undefined)
      this.logger.warn(`SSO sign-in ended with ${code}${detail instanceof Error ? `: ${detail.message}` : ''}`);
    if (!res.headersSent) res.redirect(302, `/login?error=${code}`);
  }
}
