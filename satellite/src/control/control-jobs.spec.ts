import { SatelliteJobName } from '@orbit/contracts';
import { UnrecoverableError } from 'bullmq';
import { pino } from 'pino';
import { RevocationList } from '../auth/revocation-list.js';
import { createMetrics } from '../metrics.js';
import { accessTokenClaims, revocationEntry } from '../test/factories/access-tokens.js';
import { handleControlJob, type ControlJobDeps } from './control-jobs.js';
import { DesiredVersions } from './desired-versions.js';

describe('handleControlJob', () => {
  let deps: ControlJobDeps;

  beforeEach(() => {
    deps = {
      versions: new DesiredVersions(),
      // Entries from the factory are valid for an hour after its fixed T0: judge them at T0.
      revocations: new RevocationList(() => Date.parse(revocationEntry({ kind: 'jti', value: 'x' }).revokedAt)),
      metrics: createMetrics(),
      logger: pino({ level: 'silent' }),
    };
  });

  it('records a config change', () => {
    const result = handleControlJob(
      { name: SatelliteJobName.ConfigChanged, data: { teamId: 't', version: 3, reason: 'installation' } },
      deps,
    );
    expect(result).toEqual({ teamId: 't', version: 3, outcome: 'accepted' });
    expect(deps.versions.versionOf('t')).toBe(3);
  });

  it('adds revocation entries, so that the verifier refuses matching tokens at once', async () => {
    const entries = [revocationEntry({ kind: 'client', value: 'client-1' })];
    expect(handleControlJob({ name: SatelliteJobName.Revocation, data: { entries } }, deps)).toEqual({
      received: 1,
      added: 1,
      held: 1,
    });
    expect(deps.revocations.isRevoked(accessTokenClaims())).toBe(true);
    expect(handleControlJob({ name: SatelliteJobName.Revocation, data: { entries } }, deps)).toMatchObject({ added: 0 });
    expect(await deps.metrics.registry.getSingleMetricAsString('orbit_satellite_jobs_total')).toContain(
      'orbit_satellite_jobs_total{job="revocation",outcome="accepted"} 2',
    );
  });

  it.each([
    ['an unknown job', { name: 'explode', data: {} }],
    ['a malformed config change', { name: SatelliteJobName.ConfigChanged, data: { teamId: 't' } }],
    ['a malformed revocation feed', { name: SatelliteJobName.Revocation, data: { entries: [{ kind: 'jti' }] } }],
  ])('rejects %s without retries', (_, job) => {
    expect(() => handleControlJob(job, deps)).toThrow(UnrecoverableError);
    expect(deps.revocations.size).toBe(0);
  });
});
