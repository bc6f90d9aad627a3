import { randomBytes } from 'node:crypto';
import type { ConfigChangedJob, ConfigChangedResult } from '@orbit/contracts';
import { satelliteQueueName } from '@orbit/contracts';
import { QueueEvents } from 'bullmq';
import { SatelliteNotifier } from '../../core/queue/satellite-notifier.js';
import { builtEntry, freePort, runNode, waitForOk, waitForOutput, type RunningProcess } from '../support/processes.js';
import { REDIS_TEST_URL, deleteRedisPrefix, uniqueRedisPrefix } from '../support/redis.js';

describe('BullMQ wake-up jobs from the backend to a satellite process', () => {
  const prefix = uniqueRedisPrefix();
  const satelliteId = `it-${randomBytes(4).toString('hex')}`;
  const connection = { url: REDIS_TEST_URL, maxRetriesPerRequest: null };
  let satellite: RunningProcess;
  let port: number;
  let notifier: SatelliteNotifier;
  let events: QueueEvents;

  beforeAll(async () => {
    port = await freePort();
    satellite = runNode(builtEntry('satellite'), {
      SATELLITE_PORT: String(port),
      SATELLITE_ID: satelliteId,
      REDIS_URL: REDIS_TEST_URL,
      ORBIT_REDIS_PREFIX: prefix,
      LOG_LEVEL: 'info',
    });
    await waitForOk(`http://127.0.0.1:${port}/health`, satellite);
    notifier = new SatelliteNotifier({ connection, prefix });
    events = new QueueEvents(satelliteQueueName(satelliteId), { connection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await notifier?.onModuleDestroy();
    if (satellite && satellite.child.exitCode === null) satellite.child.kill('SIGKILL');
    await deleteRedisPrefix(prefix);
  });

  async function send(job: ConfigChangedJob): Promise<ConfigChangedResult> {
    const [queued] = await notifier.notifyConfigChanged([satelliteId], job);
    if (!queued) throw new Error('no job queued');
    return (await queued.waitUntilFinished(events, 20_000)) as ConfigChangedResult;
  }

  it('delivers a job produced here to the worker in the satellite process', async () => {
    expect(satellite.child.pid).not.toBe(process.pid);
    await expect(send({ teamId: 'team-a', version: 2, reason: 'installation' })).resolves.toEqual({
      teamId: 'team-a',
      version: 2,
      outcome: 'accepted',
    });
    expect(await waitForOutput(satellite, '"teamId":"team-a"')).toContain('"outcome":"accepted"');
  });

  it('ignores an older version than the one the satellite already took', async () => {
    await expect(send({ teamId: 'team-a', version: 1, reason: 'user-config' })).resolves.toEqual({
      teamId: 'team-a',
      version: 2,
      outcome: 'stale',
    });
  });

  it('counts what it handled in its Prometheus metrics', async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('orbit_satellite_jobs_total{job="config-changed",outcome="accepted"} 1');
    expect(metrics).toContain('orbit_satellite_jobs_total{job="config-changed",outcome="stale"} 1');
  });

  it('stops gracefully on SIGTERM', async () => {
    satellite.child.kill('SIGTERM');
    const { code } = await satellite.exited;
    expect(code).toBe(0);
    await waitForOutput(satellite, '"msg":"stopped"');
  });
});
