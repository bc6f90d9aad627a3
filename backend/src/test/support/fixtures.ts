import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './processes.js';

/** Real MCP Registry data shipped beside the repository (`../shared/fixtures/registry`); ORBIT_FIXTURES_DIR overrides. */
export function registryFixture(file: string): string {
  const dir = process.env['ORBIT_FIXTURES_DIR'] ?? resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'registry');
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`registry fixture ${path} is missing: the tests expect shared/ beside the repository`);
  return path;
}
