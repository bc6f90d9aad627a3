import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OAuthInteractionDto, OAuthInteractionResultDto } from '@orbit/contracts';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../../core/auth/access.decorator.js';
import { CurrentAuth, type AuthContext } from '../../core/auth/auth-context.js';
import { AppException } from '../../core/errors/app.exception.js';
import { OAuthConsentDto } from './dto/oauth-client.dto.js';
import { InteractionsService } from './interactions.service.js';
import { OAuthInteractionResponse, OAuthInteractionResultResponse } from './oauth.responses.js';

const UID = /^[A-Za-z0-9_-]{10,64}$/;

function checkUid(uid: string): string {
  if (!UID.test(uid)) throw AppException.notFound('Authorization request');
  return uid;
}

/** Login and consent for the authorization code flow; the page itself is the console's `/oauth/consent/:uid`. */
@ApiTags('oauth')
@Controller('oauth/interactions/:uid')
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Get()
  @Public()
  @ApiFoundResponse({ description: "Hands the browser over to the console's consent page" })
  start(@Param('uid') uid: string, @Res() res: Response): void {
    res.redirect(302, `/oauth/consent/${encodeURIComponent(checkUid(uid))}`);
  }

  @Get('details')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: OAuthInteractionResponse })
  details(
    @CurrentAuth() auth: AuthContext,
    @Param('uid') uid: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OAuthInteractionDto> {
    return this.interactions.details(auth, checkUid(uid), req, res);
  }

  @Post('consent')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: OAuthInteractionResultResponse })
  consent(
    @CurrentAuth() auth: AuthContext,
    @Param('uid') uid: string,
    @Body() dto: OAuthConsentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OAuthInteractionResultDto> {
    return this.interactions.consent(auth, checkUid(uid), dto.teamId, req, res);
  }

  @Post('deny')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: OAuthInteractionResultResponse })
  deny(
    @Param('uid') uid: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OAuthInteractionResultDto> {
    return this.interactions.deny(checkUid(uid), req, res);
  }
}
