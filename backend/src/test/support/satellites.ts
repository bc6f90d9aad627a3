import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { sha256Hex } from '../../core/auth/tokens.js';
import { Satellite } from '../../modules/satellites/satellite.entity.js';

/** Inserts an online satellite with a fresh `orbit_sat_…` credential (registration is a later issue). */
export async function insertSatellite(
  app: NestExpressApplication,
  satellite: { kind: 'global' | 'team'; teamId?: string | null; publicUrl: string; name?: string },
): Promise<{ id: string; credential: string }> {
  const id = randomUUID();
  const credential = `orbit_sat_${randomBytes(24).toString('base64url')}`;
  await app
    .get(DataSource)
    .getRepository(Satellite)
    .insert({
      id,
      name: satellite.name ?? `sat-${satellite.kind}`,
      kind: satellite.kind,
      teamId: satellite.teamId ?? null,
      publicUrl: satellite.publicUrl,
      credentialHash: sha256Hex(credential),
      status: 'online',
      lastHeartbeatAt: null,
      version: '0.1.0',
    });
  return { id, credential };
}
