import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { OAuthServer } from './modules/oauth/oauth-server.js';
import type { AppConfig } from './config/env.schema.js';
import { bodyParserErrorHandler } from './core/errors/body-parser-errors.js';
import { createValidationPipe } from './core/validation/validation.pipe.js';
import { mountConsole } from './core/web/console.js';
import { requestIdMiddleware } from './core/logging/request-id.js';
import { requestContextMiddleware } from './core/request-context.js';

/** Builds the fully configured application: main.ts and integration tests share this one path. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    // Silent until pino takes over: a failed boot is explained once by main.ts, without Nest's stack dump.
    logger: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // X-Forwarded-For counts only from the configured proxies (login throttling keys on the client address).
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  app.disable('x-powered-by');

  app.use(requestIdMiddleware);
  app.use(requestContextMiddleware);
  // The authorization server reads its own request bodies (form-encoded, with its own limits): it goes first.
  app.use(app.get(OAuthServer).middleware());
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: config.bodyLimit }));
  app.use(bodyParserErrorHandler);
  app.use(cookieParser());

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Orbit API')
      .setDescription('Control plane of Orbit: teams, catalog, installations, vault, OAuth clients and satellites.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (!mountConsole(app, config.consoleDir)) {
    app.get(Logger).warn(`Console not built (no ${config.consoleDir}/index.html): run "npm run build" to serve it at /`);
  }
  return app;
}
