import { builtEntry, freePort, runNode } from '../support/processes.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-config.js';
import { MARIADB_SERVER_URL } from '../support/mariadb.js';

/** Runs the built backend with a bad setting; it must exit non-zero, quickly, with a message that says why. */
async function bootWith(env: Record<string, string>) {
  const proc = runNode(builtEntry('backend'), { NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:6379', ...env });
  const result = await proc.exited;
  return { ...result, output: proc.output() };
}

describe('backend refuses bad configuration with a clear message', () => {
  it('names an unreachable database server with its password masked', async () => {
    const result = await bootWith({
      PORT: String(await freePort()),
      DATABASE_URL: 'mysql://orbit:hunter2secret@127.0.0.1:1/orbit',
      ORBIT_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    });
    expect(result.code).toBe(1);
    // TypeORM's default retries would take ~30 s of silence; loading the app on a busy machine takes a few.
    expect(result.afterMs).toBeLessThan(20_000);
    expect(result.output).toContain('Cannot open the database at mysql://orbit:*****@127.0.0.1:1/orbit: connection refused');
    expect(result.output).not.toContain('hunter2secret');
    expect(result.output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('names a database that does not exist', async () => {
    const result = await bootWith({
      PORT: String(await freePort()),
      DATABASE_URL: `${MARIADB_SERVER_URL}/orbit_missing_${Date.now()}`,
      ORBIT_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    });
    expect(result.code).toBe(1);
    expect(result.afterMs).toBeLessThan(20_000);
    expect(result.output).toMatch(/Unknown database 'orbit_missing_\d+': create it first/);
  });

  it('rejects PORT=abc', async () => {
    const result = await bootWith({ PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.afterMs).toBeLessThan(10_000);
    expect(result.output).toContain('PORT must be a port number between 1 and 65535 (got "abc")');
  });

  it('refuses MySQL mode without an encryption key', async () => {
    const result = await bootWith({ PORT: String(await freePort()), DATABASE_URL: `${MARIADB_SERVER_URL}/orbit` });
    expect(result.code).toBe(1);
    expect(result.afterMs).toBeLessThan(10_000);
    expect(result.output).toContain('ORBIT_ENCRYPTION_KEY (or ORBIT_ENCRYPTION_KEY_FILE) is required with DATABASE_URL');
  });

  it('lists several problems together', async () => {
    const result = await bootWith({ PORT: '99999', LOG_LEVEL: 'chatty', DATABASE_URL: 'postgres://x/y' });
    expect(result.code).toBe(1);
    const problems = result.output.split('\n').filter((l) => l.startsWith('  - '));
    expect(problems).toHaveLength(4);
  });
});
