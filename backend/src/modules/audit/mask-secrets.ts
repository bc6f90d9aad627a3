import { MASKED_SECRET } from '@orbit/contracts';

const SECRET_KEY = /(password|secret|token|credential|apikey|api_key|private|authorization|cookie|encryptionkey)/i;

/** A deep copy with every secret-looking field replaced by `*****`, for audit entries and logs. */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => [
      key,
      SECRET_KEY.test(key) && v !== null && v !== undefined ? MASKED_SECRET : maskSecrets(v, depth + 1),
    ]),
  );
}
