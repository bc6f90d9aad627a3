import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../../config/env.schema.js';
import type { WithRequestId } from './request-id.js';

/** Paths pino blanks out wherever they appear in a log object: credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-satellite-credential"]',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'newPassword',
    'currentPassword',
    'secret',
    'clientSecret',
    'client_secret',
    'token',
    'accessToken',
    'refreshToken',
    'credential',
    'encryptionKey',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'logLevel'>): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '*****' },
            // requestIdMiddleware (first in the chain) has already chosen the id.
            genReqId: (req: WithRequestId) => req.id ?? randomUUID(),
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
            serializers: {
              req: (req: { id: unknown; method: unknown; url: unknown }) => ({
                id: req.id,
                method: req.method,
                url:
                  typeof req.url === 'string'
                    ? req.url.replace(/([?&](?:code|token|access_token|state)=)[^&]*/gi, '$1*****')
                    : req.url,
              }),
              res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
