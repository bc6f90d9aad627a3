import { SatelliteConfigError, loadSatelliteConfig } from './config.js';

describe('loadSatelliteConfig', () => {
  it('has working defaults for the quick start', () => {
    const config = loadSatelliteConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3001,
      publicUrl: 'http://127.0.0.1:3001',
      satelliteId: 'local',
      redis: { url: 'redis://127.0.0.1:6379', prefix: 'orbit' },
    });
  });

  it('derives the public URL from the port and treats empty values as unset', () => {
    expect(loadSatelliteConfig({ SATELLITE_PORT: '4001', SATELLITE_PUBLIC_URL: '' }).publicUrl).toBe('http://127.0.0.1:4001');
  });

  it('lists every bad setting', () => {
    let problems: string[] = [];
    try {
      loadSatelliteConfig({
        SATELLITE_PORT: 'abc',
        REDIS_URL: 'http://x',
        SATELLITE_ID: 'a:b',
        SATELLITE_PUBLIC_URL: 'https://sat.example.com/',
      });
    } catch (error) {
      if (!(error instanceof SatelliteConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^SATELLITE_PORT must be a port number/),
      expect.stringMatching(/^SATELLITE_PUBLIC_URL must not end with a slash/),
      expect.stringMatching(/^SATELLITE_ID must be 1-64 letters/),
      expect.stringMatching(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/),
    ]);
  });
});
