import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** The satellite's Prometheus registry: one per process, exposed at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'orbit_satellite_' });
  return {
    registry,
    jobs: new Counter({
      name: 'orbit_satellite_jobs_total',
      help: 'Control-plane jobs handled, by job name and outcome',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    teams: new Gauge({
      name: 'orbit_satellite_teams',
      help: 'Teams this satellite holds a desired config version for',
      registers: [registry],
    }),
    redisUp: new Gauge({
      name: 'orbit_satellite_redis_up',
      help: '1 when Redis (the control queue) answers a PING',
      registers: [registry],
    }),
  };
}
export type SatelliteMetrics = ReturnType<typeof createMetrics>;
