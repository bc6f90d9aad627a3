import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The authorization server's short-lived state (oidc-provider's models: sessions, interactions, grants, codes,
 * refresh tokens, …), one row per (model, id), so it survives restarts and is shared by every backend replica.
 */
@Entity('oauth_records')
@Index('ix_oauth_records_grant', ['grantId'])
@Index('ix_oauth_records_uid', ['uid'])
@Index('ix_oauth_records_client', ['clientId'])
@Index('ix_oauth_records_expires', ['expiresAt'])
export class OAuthRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  model!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ name: 'grant_id', type: 'varchar', length: 64, nullable: true })
  grantId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  uid!: string | null;

  @Column({ name: 'client_id', type: 'varchar', length: 255, nullable: true })
  clientId!: string | null;

  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'consumed_at', type: 'datetime', nullable: true })
  consumedAt!: Date | null;
}
