import type { Server } from 'node:http';
import { pino } from 'pino';
import { RevocationList } from './auth/revocation-list.js';
import { SatelliteConfigError, loadSatelliteConfig } from './config/config.js';
import { startControlWorker } from './control/control-worker.js';
import { DesiredVersions } from './control/desired-versions.js';
import { RedisProbe } from './control/redis-probe.js';
import { createHttpApp } from './http/server.js';
import { createMetrics } from './metrics.js';

function start(): void {
  let config;
  try {
    config = loadSatelliteConfig();
  } catch (error) {
    process.stderr.write(`orbit-satellite: ${error instanceof SatelliteConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = pino({ level: config.logLevel, base: { service: 'satellite', satelliteId: config.satelliteId } });
  const metrics = createMetrics();
  const versions = new DesiredVersions();
  // Filled by the control queue's revocation jobs; the /mcp gateway (a later issue) loads the backend's full list
  // at start and gives it to its AccessTokenVerifier.
  const revocations = new RevocationList();
  const worker = startControlWorker(config, { versions, revocations, metrics, logger });
  const redis = new RedisProbe(config.redis.url);
  let draining = false;

  const app = createHttpApp(config, metrics, { redisUp: () => redis.up(), draining: () => draining });

  const server: Server = app.listen(config.port, config.host, () => {
    process.stdout.write(`orbit-satellite ${config.satelliteId} listening on http://${config.host}:${config.port}\n`);
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(
      `orbit-satellite: ${err.code === 'EADDRINUSE' ? `port ${config.port} is already in use: set SATELLITE_PORT` : err.message}\n`,
    );
    process.exit(1);
  });

  const shutdown = (signal: string): void => {
    if (draining) return;
    draining = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    server.close();
    server.closeIdleConnections();
    // Let the job in hand finish, then leave the queue.
    worker
      .close()
      .then(() => {
        redis.close();
        logger.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

start();
