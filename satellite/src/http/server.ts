import express, { type Express } from 'express';
import type { SatelliteConfig } from '../config/config.js';
import type { SatelliteMetrics } from '../metrics.js';

export interface HealthSource {
  redisUp(): Promise<boolean>;
  draining(): boolean;
}

/** The satellite's HTTP surface: health and metrics now; `/mcp` joins with the gateway issue. */
export function createHttpApp(config: SatelliteConfig, metrics: SatelliteMetrics, health: HealthSource): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', async (_req, res) => {
    const redis = (await health.redisUp()) ? 'ok' : 'error';
    const status = health.draining() ? 'draining' : redis === 'ok' ? 'ok' : 'degraded';
    res
      .status(status === 'ok' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status, satelliteId: config.satelliteId, publicUrl: config.publicUrl, checks: { redis } });
  });

  app.get('/metrics', async (_req, res) => {
    metrics.redisUp.set((await health.redisUp()) ? 1 : 0);
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use((_req, res) => {
    res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'Not found' });
  });
  return app;
}
