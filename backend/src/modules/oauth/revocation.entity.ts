import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "Refuse these access tokens": one jti, every token of a client, or every token of a user (in one team or all).
 * Kept until the longest access token it could match has expired; satellites load the list and get new entries
 * pushed on their queues.
 */
@Entity('oauth_revocations')
export class Revocation {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'jti' | 'client' | 'user';

  @Column({ type: 'varchar', length: 255 })
  value!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  @Column({ name: 'revoked_at', type: 'datetime' })
  revokedAt!: Date;

  @Index('ix_oauth_revocations_expires')
  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;
}
