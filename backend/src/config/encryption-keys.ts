import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, keyLineProblems, type EncryptionKeySource } from './env.schema.js';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Keys newest first: the first encrypts, every one decrypts (rotation keeps old keys readable). */
export type KeyRing = readonly [EncryptionKey, ...EncryptionKey[]];

function parseKeyLines(source: string): KeyRing {
  const keys = source
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((line) => {
      const [id = '', b64 = ''] = line.split(':');
      return { id, key: Buffer.from(b64, 'base64') };
    });
  const [first, ...rest] = keys;
  if (!first) throw new ConfigError(['the encryption key source holds no key']);
  return [first, ...rest];
}

/** Loads the vault keys, generating the embedded default's key file on first start. */
export function loadKeyRing(source: EncryptionKeySource): KeyRing {
  if (source.inline !== undefined) return parseKeyLines(source.inline);
  if (source.file === undefined) throw new ConfigError(['no encryption key is configured']);
  if (!existsSync(source.file)) {
    if (!source.generateIfMissing) {
      throw new ConfigError([`ORBIT_ENCRYPTION_KEY_FILE ${source.file} does not exist`]);
    }
    mkdirSync(dirname(source.file), { recursive: true, mode: 0o700 });
    const line = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}:${randomBytes(32).toString('base64')}\n`;
    writeFileSync(source.file, line, { mode: 0o600, flag: 'wx' });
  }
  const text = readFileSync(source.file, 'utf8');
  const problems = keyLineProblems(text, source.file);
  if (problems.length > 0) throw new ConfigError(problems);
  return parseKeyLines(text);
}
