import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import request from 'supertest';
import { createApp } from '../../app.factory.js';
import type { AppConfig } from '../../config/env.schema.js';
import { createTestDatabase, type TestDatabase } from './mariadb.js';
import { deleteRedisPrefix, uniqueRedisPrefix } from './redis.js';
import { testConfig } from './test-config.js';

export const ADMIN = { email: 'root-admin@example.com', password: 'admin-pass-Zq8!vR2m' };

export interface TestApp {
  app: NestExpressApplication;
  http: Server;
  config: AppConfig;
  /** A fresh session for an account. */
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole backend on a fresh MariaDB database and Redis prefix, with a bootstrapped global admin. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const prefix = uniqueRedisPrefix();
  const db: TestDatabase = await createTestDatabase();
  const config = testConfig({
    databaseUrl: db.url,
    redisPrefix: prefix,
    env: { ORBIT_ADMIN_EMAIL: ADMIN.email, ORBIT_ADMIN_PASSWORD: ADMIN.password, ...env },
  });
  const app = await createApp(config);
  await app.listen(env['PORT'] === undefined ? 0 : config.port, '127.0.0.1');
  const http: Server = app.getHttpServer();
  return {
    app,
    http,
    config,
    login: async (email, password) => {
      const res = await request(http).post('/api/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { accessToken: string }).accessToken;
    },
    close: async () => {
      await app.close();
      await db.drop();
      await deleteRedisPrefix(prefix);
    },
  };
}

/** Creates an account through the API as the given admin and returns its id. */
export async function createUserVia(
  http: Server,
  adminToken: string,
  user: { email: string; name?: string; password?: string; globalRole?: 'global_admin' | 'global_user' },
): Promise<string> {
  const res = await request(http)
    .post('/api/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ name: user.email.split('@')[0], ...user });
  if (res.status !== 201) throw new Error(`creating ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

export async function createTeamVia(http: Server, token: string, name: string): Promise<string> {
  const res = await request(http).post('/api/teams').set('Authorization', `Bearer ${token}`).send({ name });
  if (res.status !== 201) throw new Error(`creating team ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

export async function addMemberVia(
  http: Server,
  token: string,
  teamId: string,
  email: string,
  role: 'team_admin' | 'team_user',
): Promise<void> {
  const res = await request(http)
    .post(`/api/teams/${teamId}/members`)
    .set('Authorization', `Bearer ${token}`)
    .send({ email, role });
  if (res.status !== 201) throw new Error(`adding ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
}
