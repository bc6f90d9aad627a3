import type { DataSource } from 'typeorm';
import type { SealContext, Vault } from './vault.js';

/** Tables whose JSON column holds `{target: {name: value | value[]}}` with sealed secrets, and how rows are keyed. */
const SEALED_COLUMNS = [
  { table: 'installations', column: 'team_values', id: ['id'] as const, rowId: (row: Record<string, string>) => row['id']! },
  {
    table: 'user_configs',
    column: 'values',
    id: ['installation_id', 'user_id'] as const,
    rowId: (row: Record<string, string>) => `${row['installation_id']}:${row['user_id']}`,
  },
];

const SEALED = /^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{16}:/;

export interface RotationProgress {
  table: string;
  rowsScanned: number;
  valuesResealed: number;
}

/** Re-seals one JSON document's stale secrets with the newest key; returns the new document, or null if unchanged. */
export function resealDocument(
  json: string,
  vault: Vault,
  context: (field: string) => SealContext,
): { json: string; resealed: number } | null {
  const doc = JSON.parse(json) as Record<string, Record<string, string | string[]>>;
  let resealed = 0;
  for (const [target, entries] of Object.entries(doc)) {
    for (const [name, value] of Object.entries(entries ?? {})) {
      const list = Array.isArray(value) ? value : [value];
      const key = `${target}.${name}`;
      const next = list.map((v, i) => {
        if (typeof v !== 'string' || !SEALED.test(v) || !vault.isStale(v)) return v;
        const ctx = context(list.length > 1 ? `${key}#${i}` : key);
        resealed++;
        return vault.seal(vault.open(v, ctx), ctx);
      });
      entries[name] = Array.isArray(value) ? next : next[0]!;
    }
  }
  return resealed > 0 ? { json: JSON.stringify(doc), resealed } : null;
}

/**
 * Re-encrypts every secret still sealed with an older key, in small batches, each row under a row lock, so the
 * backend keeps serving (rows being written meanwhile are simply re-read in their own transaction).
 */
export async function rotateSealedValues(
  dataSource: DataSource,
  vault: Vault,
  options: { batchSize?: number; onProgress?: (progress: RotationProgress) => void } = {},
): Promise<RotationProgress[]> {
  const batchSize = options.batchSize ?? 200;
  const mysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  const q = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
  const results: RotationProgress[] = [];
  for (const spec of SEALED_COLUMNS) {
    const progress: RotationProgress = { table: spec.table, rowsScanned: 0, valuesResealed: 0 };
    let offset = 0;
    for (;;) {
      const idColumns = spec.id.map(q).join(', ');
      const keys = await dataSource.query<Record<string, string>[]>(
        `SELECT ${idColumns} FROM ${q(spec.table)} ORDER BY ${idColumns} LIMIT ${batchSize} OFFSET ${offset}`,
      );
      if (keys.length === 0) break;
      offset += keys.length;
      for (const key of keys) {
        await dataSource.transaction(async (manager) => {
          const where = spec.id.map((c) => `${q(c)} = ?`).join(' AND ');
          const [row] = await manager.query<Record<string, string>[]>(
            `SELECT ${q(spec.column)} AS doc FROM ${q(spec.table)} WHERE ${where}${mysql ? ' FOR UPDATE' : ''}`,
            spec.id.map((c) => key[c]),
          );
          if (!row) return;
          const rowId = spec.rowId(key);
          const next = resealDocument(row['doc']!, vault, (field) => ({ table: spec.table, rowId, field }));
          progress.rowsScanned++;
          if (!next) return;
          await manager.query(`UPDATE ${q(spec.table)} SET ${q(spec.column)} = ? WHERE ${where}`, [
            next.json,
            ...spec.id.map((c) => key[c]),
          ]);
          progress.valuesResealed += next.resealed;
        });
      }
      options.onProgress?.({ ...progress });
    }
    results.push(progress);
  }
  results.push(await resealSettings(dataSource, vault, q, options.onProgress));
  return results;
}

/** Settings sealed as a whole value (the authorization server's signing and cookie keys), a handful of rows. */
async function resealSettings(
  dataSource: DataSource,
  vault: Vault,
  q: (name: string) => string,
  onProgress?: (progress: RotationProgress) => void,
): Promise<RotationProgress> {
  const progress: RotationProgress = { table: 'system_settings', rowsScanned: 0, valuesResealed: 0 };
  const rows = await dataSource.query<{ name: string; value: string }[]>(
    `SELECT ${q('name')} AS name, ${q('value')} AS value FROM ${q('system_settings')}`,
  );
  for (const row of rows) {
    progress.rowsScanned++;
    if (!SEALED.test(row.value) || !vault.isStale(row.value)) continue;
    const ctx = { table: 'system_settings', rowId: row.name, field: 'value' };
    await dataSource.query(`UPDATE ${q('system_settings')} SET ${q('value')} = ? WHERE ${q('name')} = ? AND ${q('value')} = ?`, [
      vault.seal(vault.open(row.value, ctx), ctx),
      row.name,
      row.value,
    ]);
    progress.valuesResealed++;
  }
  onProgress?.({ ...progress });
  return progress;
}
