import { In, LessThan, type Repository } from 'typeorm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { type OAuthClient } from './oauth-client.entity.js';
import { type OAuthRecord } from './oauth-record.entity.js';
import type { RevocationRequest } from './revocations.service.js';
import { sha256Hex } from '../../core/auth/tokens.js';

/** Our own records beside the provider's, in the same table so a revoked grant takes them along. */
export const ISSUED_ACCESS_TOKEN = 'IssuedAccessToken';
export const GRANT_TEAM = 'GrantTeam';

export interface AdapterDependencies {
  records: Repository<OAuthRecord>;
  clients: Repository<OAuthClient>;
  /** Called when a grant is revoked (code or refresh token reuse, revocation, consent withdrawn). */
  revoke(requests: RevocationRequest[]): Promise<unknown>;
}

/**
 * oidc-provider's storage on our database. Clients live in `oauth_clients` (console-made and dynamically registered
 * ones, the same table the console lists); everything else in `oauth_records`. A revoked grant also revokes the
 * JWT access tokens it produced: they are not stored (satellites check them locally), so their ids are kept as
 * `IssuedAccessToken` records until they expire, and become revocation entries.
 */
export class DatabaseAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly deps: AdapterDependencies,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    if (this.model === 'Client') return this.upsertClient(id, payload);
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    await this.deps.records.upsert(
      {
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        grantId: payload.grantId ?? null,
        uid: payload.uid ?? null,
        clientId: payload.clientId ?? null,
        expiresAt,
        consumedAt: null,
      },
      ['model', 'id'],
    );
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (this.model === 'Client') return this.findClient(id);
    const row = await this.deps.records.findOneBy({ model: this.model, id });
    return row ? this.payloadOf(row) : undefined;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const row = await this.deps.records.findOneBy({ model: this.model, uid });
    return row ? this.payloadOf(row) : undefined;
  }

  findByUserCode(): Promise<AdapterPayload | undefined> {
    // No device flow.
    return Promise.resolve(undefined);
  }

  async consume(id: string): Promise<void> {
    await this.deps.records.update({ model: this.model, id }, { consumedAt: new Date() });
  }

  async destroy(id: string): Promise<void> {
    if (this.model === 'Client') {
      await this.deps.clients.update({ id }, { revokedAt: new Date() });
      return;
    }
    await this.deps.records.delete({ model: this.model, id });
    // The team chosen at consent goes with its grant.
    if (this.model === 'Grant') await this.deps.records.delete({ model: GRANT_TEAM, id });
  }

  /**
   * The provider calls this on each token model's adapter, in parallel. The AccessToken one (always called) turns the
   * grant's issued JWTs into revocation entries, once; each adapter deletes its own model's rows.
   */
  async revokeByGrantId(grantId: string): Promise<void> {
    if (this.model === 'AccessToken') {
      const issued = await this.deps.records.find({ where: { model: ISSUED_ACCESS_TOKEN, grantId } });
      const live = issued.filter((r) => r.expiresAt === null || r.expiresAt > new Date());
      if (live.length > 0) {
        await this.deps.revoke(live.map((r) => ({ kind: 'jti' as const, value: r.id, expiresAt: r.expiresAt ?? undefined })));
      }
      await this.deps.records.delete({ model: ISSUED_ACCESS_TOKEN, grantId });
    }
    await this.deps.records.delete({ model: this.model, grantId });
  }

  /** Expired records are still returned: the provider checks expiry itself (and must see an expired code as such). */
  private payloadOf(row: OAuthRecord): AdapterPayload {
    const payload = JSON.parse(row.payload) as AdapterPayload;
    return row.consumedAt === null ? payload : { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) };
  }

  private async findClient(id: string): Promise<AdapterPayload | undefined> {
    const client = await this.deps.clients.findOneBy({ id });
    if (!client || client.revokedAt !== null) return undefined;
    const metadata = JSON.parse(client.metadata) as AdapterPayload;
    return {
      ...metadata,
      client_id: client.id,
      // The provider compares secrets through `compareClientSecret`, which we make hash the presented one.
      ...(client.secretHash !== null && { client_secret: client.secretHash }),
    };
  }

  /** Dynamic registration (RFC 7591) writes here; the console writes through the clients service. */
  private async upsertClient(id: string, payload: AdapterPayload): Promise<void> {
    const { client_secret: secret, ...metadata } = payload;
    const existing = await this.deps.clients.findOneBy({ id });
    const secretHash =
      typeof secret === 'string' ? (secret.length === 64 && existing?.secretHash === secret ? secret : sha256Hex(secret)) : null;
    await this.deps.clients.save(
      this.deps.clients.create({
        ...(existing ?? { kind: 'dynamic', teamId: null, ownerId: null, lastUsedAt: null, revokedAt: null }),
        id,
        name: typeof metadata['client_name'] === 'string' ? metadata['client_name'].slice(0, 200) : 'Unnamed client',
        secretHash,
        metadata: JSON.stringify(metadata),
      }),
    );
  }
}

/** Deletes expired provider records; expired revocation entries are pruned by their service. */
export async function pruneExpiredRecords(records: Repository<OAuthRecord>): Promise<number> {
  const result = await records.delete({ expiresAt: LessThan(new Date()) });
  return result.affected ?? 0;
}

/** Removes everything a client holds (grants, codes, refresh tokens), when it is revoked. */
export async function deleteClientRecords(records: Repository<OAuthRecord>, clientId: string): Promise<void> {
  const rows = await records.find({ where: { clientId }, select: { model: true, id: true, grantId: true } });
  const grants = [...new Set(rows.map((r) => r.grantId).filter((g): g is string => g !== null))];
  await records.delete({ clientId });
  if (grants.length > 0) await records.delete({ grantId: In(grants) });
}
