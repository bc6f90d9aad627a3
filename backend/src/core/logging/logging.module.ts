import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../../config/env.schema.js';

/** Paths pino blanks out wherever they appear in a log object: credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-satellite-credential"]',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'currentPassword', 'secret', 'clientSecret', 'client_secret', 'token', 'accessToken', 'refreshToken', 'credential', 'encryptionKey'].flatMap(
    (key) => [key, `*.${key}`, `*.*.${key}`],
  ),
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
            // A caller's X-Request-Id is kept when it is well-formed, so a request can be traced across services.
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
            serializers: {
              req: (req: { id: unknown; method: unknown; url: unknown }) => ({
                id: req.id,
                method: req.method,
                url: typeof req.url === 'string' ? req.url.replace(/([?&](?:code|token|access_token|state)=)[^&]*/gi, '$1*****') : req.url,
              }),
              res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
