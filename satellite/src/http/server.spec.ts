import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadSatelliteConfig } from '../config/config.js';
import { createMetrics } from '../metrics.js';
import { createHttpApp } from './server.js';

describe('satellite HTTP surface', () => {
  let server: Server;
  let base: string;
  let redisReady = true;
  let draining = false;
  const metrics = createMetrics();

  beforeAll(async () => {
    const app = createHttpApp(loadSatelliteConfig({ SATELLITE_ID: 'sat-1' }), metrics, {
      redisUp: () => Promise.resolve(redisReady),
      draining: () => draining,
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reports healthy when the control queue is connected', async () => {
    redisReady = true;
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', satelliteId: 'sat-1', checks: { redis: 'ok' } });
  });

  it('reports 503 while Redis is away or while draining', async () => {
    redisReady = false;
    expect((await fetch(`${base}/health`)).status).toBe(503);
    redisReady = true;
    draining = true;
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'draining' });
    draining = false;
  });

  it('exposes Prometheus metrics including job counters', async () => {
    metrics.jobs.inc({ job: 'config-changed', outcome: 'accepted' });
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('orbit_satellite_jobs_total{job="config-changed",outcome="accepted"} 1');
  });

  it('answers unknown paths with a JSON 404', async () => {
    const res = await fetch(`${base}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not found' });
  });
});
