import 'reflect-metadata';
import { resolveAdminLogin } from './config/admin-login.js';
import { loadKeyRing } from './config/encryption-keys.js';
import { ConfigError, loadConfig, type AppConfig } from './config/env.schema.js';
import { describeDatabaseError, isDatabaseError } from './core/database/describe-error.js';

function fail(message: string): never {
  process.stderr.write(`orbit-backend: ${message}\n`);
  process.exit(1);
}

function explain(error: unknown, config: AppConfig): string {
  if (error instanceof ConfigError) return error.message;
  if (isDatabaseError(error)) return describeDatabaseError(config.database, error);
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') return `port ${config.port} on ${config.host} is already in use: set PORT to a free port`;
  if (err.code === 'EACCES' && err.syscall === 'listen') return `not allowed to listen on ${config.host}:${config.port}`;
  return `failed to start: ${err.message ?? String(error)}`;
}

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  try {
    // Both are checked before anything listens: a bad key file is a boot error, not a failed request later.
    loadKeyRing(config.encryption);
    resolveAdminLogin(config);
    // Loaded only now: a configuration error above is reported without loading the whole application first.
    const { createApp } = await import('./app.factory.js');
    const app = await createApp(config);
    await app.listen(config.port, config.host);
    process.stdout.write(
      `orbit-backend listening on http://${config.host}:${config.port} (public URL ${config.publicUrl}, database: ${config.database.type})\n`,
    );
  } catch (error) {
    fail(explain(error, config));
  }
}

void bootstrap();
