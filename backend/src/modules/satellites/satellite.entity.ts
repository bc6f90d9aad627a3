import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A satellite: global (serves every team without a team satellite) or a team's own. */
@Entity('satellites')
export class Satellite {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'global' | 'team';

  @Index('ix_satellites_team')
  @Column({ name: 'team_id', type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  @Column({ name: 'public_url', type: 'varchar', length: 500 })
  publicUrl!: string;

  /** SHA-256 of the `orbit_sat_…` credential, shown once at registration. */
  @Index('uq_satellites_credential', { unique: true })
  @Column({ name: 'credential_hash', type: 'varchar', length: 64 })
  credentialHash!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: 'online' | 'offline' | 'revoked';

  @Column({ name: 'last_heartbeat_at', type: 'datetime', nullable: true })
  lastHeartbeatAt!: Date | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  version!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
