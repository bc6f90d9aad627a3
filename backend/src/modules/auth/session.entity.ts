import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A console sign-in. Tokens are stored as SHA-256 hashes only. The access token is short-lived; the refresh token
 * (an HttpOnly cookie) rotates on every use, and presenting a rotated-out one revokes the session.
 */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_sessions_user')
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Index('uq_sessions_access', { unique: true })
  @Column({ name: 'access_hash', type: 'varchar', length: 64 })
  accessHash!: string;

  @Column({ name: 'access_expires_at', type: 'datetime' })
  accessExpiresAt!: Date;

  @Index('uq_sessions_refresh', { unique: true })
  @Column({ name: 'refresh_hash', type: 'varchar', length: 64 })
  refreshHash!: string;

  @Index('ix_sessions_previous_refresh')
  @Column({ name: 'previous_refresh_hash', type: 'varchar', length: 64, nullable: true })
  previousRefreshHash!: string | null;

  @Column({ name: 'refresh_expires_at', type: 'datetime' })
  refreshExpiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
