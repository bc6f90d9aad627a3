import { isRevoked, type OrbitAccessTokenClaims, type RevocationEntry, type RevocationFeed } from '@orbit/contracts';

export type RevocableClaims = Pick<OrbitAccessTokenClaims, 'jti' | 'client_id' | 'sub' | 'team' | 'iat'>;

const KINDS: ReadonlySet<string> = new Set<RevocationEntry['kind']>(['jti', 'client', 'user']);

/**
 * The revocation entries this satellite enforces (DESIGN, "Revocation, one mechanism"): the whole list from
 * `GET /api/satellite/revocations` at start, then each `revocation` job's new entries. Entries are indexed by the
 * claim they match, so the check on every request is three map lookups whatever the list's length; whether an
 * entry matches is decided by the shared `isRevoked`, the same rule the backend's tests use.
 */
export class RevocationList {
  private readonly byJti = new Map<string, RevocationEntry[]>();
  private readonly byClient = new Map<string, RevocationEntry[]>();
  private readonly byUser = new Map<string, RevocationEntry[]>();
  private count = 0;
  private replaced = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes the backend's full list in place of whatever was held. */
  replace(entries: readonly RevocationEntry[]): void {
    this.byJti.clear();
    this.byClient.clear();
    this.byUser.clear();
    this.count = 0;
    this.replaced = true;
    this.add(entries);
  }

  /** Adds entries (a job may be delivered twice: duplicates are ignored); returns how many were new. */
  add(entries: readonly RevocationEntry[]): number {
    const now = this.now();
    this.prune(now);
    let added = 0;
    for (const entry of entries) {
      if (Date.parse(entry.expiresAt) <= now) continue;
      const index = this.indexFor(entry.kind);
      const bucket = index.get(entry.value);
      if (bucket === undefined) {
        index.set(entry.value, [entry]);
      } else if (bucket.some((held) => sameEntry(held, entry))) {
        continue;
      } else {
        bucket.push(entry);
      }
      this.count++;
      added++;
    }
    return added;
  }

  isRevoked(claims: RevocableClaims, now: number = this.now()): boolean {
    if (this.count === 0) return false;
    return (
      this.matches(this.byJti.get(claims.jti), claims, now) ||
      this.matches(this.byClient.get(claims.client_id), claims, now) ||
      this.matches(this.byUser.get(claims.sub), claims, now)
    );
  }

  /** Entries held, expired ones excepted once a change has pruned them. */
  get size(): number {
    return this.count;
  }

  /** Whether the backend's full list has been loaded since start. */
  get loaded(): boolean {
    return this.replaced;
  }

  private matches(bucket: RevocationEntry[] | undefined, claims: RevocableClaims, now: number): boolean {
    return bucket !== undefined && isRevoked(claims, bucket, now);
  }

  private indexFor(kind: RevocationEntry['kind']): Map<string, RevocationEntry[]> {
    return kind === 'jti' ? this.byJti : kind === 'client' ? this.byClient : this.byUser;
  }

  /** Drops entries past `expiresAt`: every token they could match has expired too. */
  private prune(now: number): void {
    for (const index of [this.byJti, this.byClient, this.byUser]) {
      for (const [value, bucket] of index) {
        const live = bucket.filter((entry) => Date.parse(entry.expiresAt) > now);
        this.count -= bucket.length - live.length;
        if (live.length === 0) index.delete(value);
        else if (live.length !== bucket.length) index.set(value, live);
      }
    }
  }
}

function sameEntry(a: RevocationEntry, b: RevocationEntry): boolean {
  return a.teamId === b.teamId && a.revokedAt === b.revokedAt && a.expiresAt === b.expiresAt;
}

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

export function isRevocationEntry(value: unknown): value is RevocationEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['kind'] === 'string' &&
    KINDS.has(entry['kind']) &&
    typeof entry['value'] === 'string' &&
    entry['value'].length > 0 &&
    (entry['teamId'] === null || (typeof entry['teamId'] === 'string' && entry['teamId'].length > 0)) &&
    isTime(entry['revokedAt']) &&
    isTime(entry['expiresAt'])
  );
}

/** Checks a `revocation` job's payload or the backend's answer: one malformed entry rejects the whole feed. */
export function isRevocationFeed(value: unknown): value is RevocationFeed {
  if (typeof value !== 'object' || value === null) return false;
  const entries = (value as Record<string, unknown>)['entries'];
  return Array.isArray(entries) && entries.every(isRevocationEntry);
}
