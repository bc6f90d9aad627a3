import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OAuthClientKind } from '@orbit/contracts';

/**
 * An OAuth client of the authorization server: made in the console (per owner and team, may hold a secret), or
 * registered dynamically (RFC 7591, public, no team until an authorization picks one). Clients known by a client ID
 * metadata document are fetched and cached by the provider, never stored.
 */
@Entity('oauth_clients')
export class OAuthClient {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: OAuthClientKind;

  @Index('ix_oauth_clients_team')
  @Column({ name: 'team_id', type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  @Index('ix_oauth_clients_owner')
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true })
  ownerId!: string | null;

  /** SHA-256 of the `orbit_cs_…` secret, shown once; null for public clients. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64, nullable: true })
  secretHash!: string | null;

  /** The client's registered metadata (RFC 7591 names, JSON), without the secret. */
  @Column({ type: 'text' })
  metadata!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}
