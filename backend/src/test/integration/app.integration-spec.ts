import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../app.factory.js';
import { SystemSettingsRepository } from '../../modules/system/system-settings.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/mariadb.js';
import { deleteRedisPrefix, uniqueRedisPrefix } from '../support/redis.js';
import { testConfig } from '../support/test-config.js';

describe('backend on MariaDB and Redis', () => {
  const prefix = uniqueRedisPrefix();
  const consoleDir = mkdtempSync(join(tmpdir(), 'orbit-console-'));
  let db: TestDatabase;
  let app: NestExpressApplication;

  beforeAll(async () => {
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><orbit-root></orbit-root>');
    writeFileSync(join(consoleDir, 'main.js'), 'console.log("console")');
    db = await createTestDatabase();
    app = await createApp(testConfig({ databaseUrl: db.url, redisPrefix: prefix, env: { ORBIT_CONSOLE_DIR: consoleDir } }));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await deleteRedisPrefix(prefix);
  });

  describe('health', () => {
    it('answers ok when the database and Redis answer', async () => {
      const res = await request(app.getHttpServer()).get('/api/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', checks: { db: 'ok', redis: 'ok' } });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('ran the migrations at boot: the installation id persists in MariaDB', async () => {
      const settings = app.get(SystemSettingsRepository);
      const id = await settings.instanceId();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await settings.instanceId()).toBe(id);
    });
  });

  describe('errors', () => {
    it('answers an unknown API route with the JSON error body and a request id', async () => {
      const res = await request(app.getHttpServer()).get('/api/nope').set('X-Request-Id', 'trace-123').expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /api/nope', requestId: 'trace-123' });
      expect(res.headers['x-request-id']).toBe('trace-123');
    });

    it('answers 413 for a 1 MB JSON body, without a stack trace', async () => {
      const body = JSON.stringify({ blob: 'x'.repeat(1024 * 1024) });
      const res = await request(app.getHttpServer())
        .post('/api/health')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', requestId: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
    });

    it('answers 400 for malformed JSON', async () => {
      const res = await request(app.getHttpServer())
        .post('/api/health')
        .set('Content-Type', 'application/json')
        .send('{"a":')
        .expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Request body is not valid JSON',
        requestId: res.headers['x-request-id'],
      });
    });

    it('replaces a malformed X-Request-Id rather than echoing it', async () => {
      const res = await request(app.getHttpServer()).get('/api/nope').set('X-Request-Id', '<script>').expect(404);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('OpenAPI', () => {
    it('documents the routes at /api/docs-json', async () => {
      const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(Object.keys(res.body.paths)).toContain('/api/health');
    });

    it('documents a schema for every JSON success response and for request bodies', async () => {
      const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as {
        paths: Record<
          string,
          Record<string, { requestBody?: unknown; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
        >;
      };
      const undocumented: string[] = [];
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status) && status !== '204');
          for (const [status, response] of success) {
            if (!response.content?.['application/json']?.schema) undocumented.push(`${method.toUpperCase()} ${path} ${status}`);
          }
        }
      }
      expect(undocumented).toEqual([]);
      expect(doc.paths['/api/users']?.['post']?.requestBody).toBeDefined();
    });

    it('serves the interactive docs at /api/docs', async () => {
      const res = await request(app.getHttpServer()).get('/api/docs').expect(200);
      expect(res.text).toContain('swagger');
    });
  });

  describe('console', () => {
    it('serves the console at / and its assets', async () => {
      expect((await request(app.getHttpServer()).get('/').expect(200)).text).toContain('<orbit-root>');
      expect((await request(app.getHttpServer()).get('/main.js').expect(200)).text).toContain('console');
    });

    it('answers deep links with the app (SPA fallback)', async () => {
      const res = await request(app.getHttpServer()).get('/teams/42/members').expect(200);
      expect(res.text).toContain('<orbit-root>');
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('answers the OAuth consent page with the app, the one console page under /oauth', async () => {
      expect((await request(app.getHttpServer()).get('/oauth/consent/Xy9_abc-123').expect(200)).text).toContain('<orbit-root>');
      await request(app.getHttpServer()).get('/oauth/consent/Xy9_abc-123/more').expect(404);
    });

    it('never shadows the API, OAuth or well-known paths, nor missing assets', async () => {
      expect((await request(app.getHttpServer()).get('/api/unknown').expect(404)).body.statusCode).toBe(404);
      await request(app.getHttpServer()).get('/oauth/unknown').expect(404);
      await request(app.getHttpServer()).get('/.well-known/unknown').expect(404);
      await request(app.getHttpServer()).get('/missing-chunk.js').expect(404);
    });
  });
});

describe('backend with Redis unreachable', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createApp(testConfig({ redisPrefix: uniqueRedisPrefix(), env: { REDIS_URL: 'redis://127.0.0.1:1' } }));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reports 503 with the failing check named', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'error', checks: { db: 'ok', redis: 'error' } });
  });

  it('refuses password sign-in with 503 rather than skipping the guessing limits', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'a@example.com', password: 'whatever-it-is' })
      .expect(503);
    expect(res.body.message).toMatch(/temporarily unavailable/);
    expect(res.headers['retry-after']).toBe('5');
  });
});
