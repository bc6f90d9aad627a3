import { isConfigChangedJob, satelliteQueueName } from './jobs.js';

describe('satellite queue names', () => {
  it('builds a BullMQ-safe name from a satellite id', () => {
    expect(satelliteQueueName('3f0c9a2e-1b7d-4d8e-9a51-0c1e2f3a4b5c')).toBe('satellite-3f0c9a2e-1b7d-4d8e-9a51-0c1e2f3a4b5c');
  });

  it.each(['', 'a:b', 'x'.repeat(65), 'sat/1'])('rejects %j, which would corrupt Redis key names', (id) => {
    expect(() => satelliteQueueName(id)).toThrow(/invalid satellite id/);
  });
});

describe('config-changed job payload guard', () => {
  it('accepts the documented shape', () => {
    expect(isConfigChangedJob({ teamId: 't1', version: 3, reason: 'installation' })).toBe(true);
  });

  it.each([
    null,
    { teamId: '', version: 1, reason: 'installation' },
    { teamId: 't1', version: -1, reason: 'installation' },
    { teamId: 't1', version: 1.5, reason: 'installation' },
    { teamId: 't1', version: 1, reason: 'whatever' },
    { teamId: 't1', reason: 'installation' },
  ])('rejects %j', (payload) => {
    expect(isConfigChangedJob(payload)).toBe(false);
  });
});
