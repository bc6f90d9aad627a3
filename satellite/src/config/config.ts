import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The one place that reads process.env for the satellite. */
const port = z
  .string()
  .regex(/^\d+$/, 'must be a port number')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 65535, 'must be between 1 and 65535');

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:/.test(u), 'must be an http or https URL')
  .refine((u) => !u.endsWith('/'), 'must not end with a slash');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SATELLITE_HOST: z.string().min(1).default('127.0.0.1'),
  SATELLITE_PORT: port.default(3001),
  SATELLITE_PUBLIC_URL: httpUrl.optional(),
  /** Until registration exists (satellite issue) the local satellite's id names its queue. */
  SATELLITE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, dashes or underscores')
    .default('local'),
  ORBIT_BACKEND_URL: httpUrl.default('http://127.0.0.1:3000'),
  ORBIT_DATA_DIR: z.string().min(1).default('./data'),
  /** Kept apart from the backend's files (its key and database) when both share ORBIT_DATA_DIR. */
  SATELLITE_DATA_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .url()
    .refine((u) => /^rediss?:/.test(u), 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  ORBIT_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, dashes or underscores')
    .default('orbit'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.string().regex(/^\d+$/).transform(Number).default(10_000),
});

export interface SatelliteConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  satelliteId: string;
  backendUrl: string;
  dataDir: string;
  redis: { url: string; prefix: string };
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  shutdownTimeoutMs: number;
}

export class SatelliteConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SatelliteConfigError';
  }
}

export function loadSatelliteConfig(env: Record<string, string | undefined> = process.env): SatelliteConfig {
  // Empty strings mean "unset", as in a compose file with `VAR=`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new SatelliteConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`,
      ),
    );
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    host: e.SATELLITE_HOST,
    port: e.SATELLITE_PORT,
    publicUrl: e.SATELLITE_PUBLIC_URL ?? `http://127.0.0.1:${e.SATELLITE_PORT}`,
    satelliteId: e.SATELLITE_ID,
    backendUrl: e.ORBIT_BACKEND_URL,
    dataDir: resolve(e.SATELLITE_DATA_DIR ?? join(e.ORBIT_DATA_DIR, 'satellite')),
    redis: { url: e.REDIS_URL, prefix: e.ORBIT_REDIS_PREFIX },
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
