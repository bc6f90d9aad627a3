import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './env.schema.js';
import { loadKeyRing } from './encryption-keys.js';

describe('loadKeyRing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-keys-'));

  it('generates a private key file once on the embedded default and reuses it', () => {
    const file = join(dir, 'gen', 'encryption.key');
    const first = loadKeyRing({ file, generateIfMissing: true });
    expect(first[0].key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadKeyRing({ file, generateIfMissing: true });
    expect(second[0].key.equals(first[0].key)).toBe(true);
    expect(second[0].id).toBe(first[0].id);
  });

  it('reads newest-first key files with several keys', () => {
    const file = join(dir, 'two.key');
    writeFileSync(
      file,
      `# rotated\nk2:${Buffer.alloc(32, 2).toString('base64')}\nk1:${Buffer.alloc(32, 1).toString('base64')}\n`,
    );
    expect(loadKeyRing({ file, generateIfMissing: false }).map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it('refuses a missing key file that it must not generate', () => {
    expect(() => loadKeyRing({ file: join(dir, 'absent.key'), generateIfMissing: false })).toThrow(ConfigError);
  });

  it('refuses a malformed key file and names the file, not the content', () => {
    const file = join(dir, 'bad.key');
    writeFileSync(file, 'k1:not-a-key\n');
    expect(() => loadKeyRing({ file, generateIfMissing: false })).toThrow(`${file} line 1 must be <key id>:<32 bytes in base64>`);
    expect(readFileSync(file, 'utf8')).toBe('k1:not-a-key\n');
  });
});
