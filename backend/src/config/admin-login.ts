import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './env.schema.js';

export interface AdminLogin {
  email: string;
  password: string;
  source: 'env' | 'generated';
}

export const GENERATED_ADMIN_FILE = 'admin-login.json';

/**
 * The first global admin: from ORBIT_ADMIN_EMAIL/ORBIT_ADMIN_PASSWORD, or, on the embedded default, a login
 * generated once into the data folder (mode 0600) so the quick start can print it. Production sets the env.
 */
export function resolveAdminLogin(config: AppConfig): AdminLogin | undefined {
  if (config.admin.email !== undefined && config.admin.password !== undefined) {
    return { email: config.admin.email, password: config.admin.password, source: 'env' };
  }
  if (config.database.type !== 'sqlite') return undefined;
  const file = join(config.dataDir, GENERATED_ADMIN_FILE);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const login = { email: 'admin@orbit.local', password: randomBytes(18).toString('base64url') };
    writeFileSync(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  return { email: stored.email, password: stored.password, source: 'generated' };
}
