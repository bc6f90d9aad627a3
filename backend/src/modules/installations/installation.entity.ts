import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A catalog version installed into a team. Secret team values are vault-sealed inside `team_values`. */
@Entity('installations')
@Index('uq_installations_team_slug', ['teamId', 'slug'], { unique: true })
export class Installation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Index('ix_installations_server')
  @Column({ name: 'server_id', type: 'varchar', length: 36 })
  serverId!: string;

  @Column({ name: 'version_id', type: 'varchar', length: 36 })
  versionId!: string;

  @Column({ type: 'varchar', length: 32 })
  slug!: string;

  /** JSON TierValues; secret values are sealed (`v1:<kid>:…`). */
  @Column({ name: 'team_values', type: 'text' })
  teamValues!: string;

  /** JSON Locks. */
  @Column({ type: 'text' })
  locks!: string;

  /** JSON list of disabled tool names. */
  @Column({ name: 'disabled_tools', type: 'text' })
  disabledTools!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
