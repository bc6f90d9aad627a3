import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One member's private values for one installation. Secret values are vault-sealed. */
@Entity('user_configs')
export class UserConfig {
  @PrimaryColumn({ name: 'installation_id', type: 'varchar', length: 36 })
  installationId!: string;

  @Index('ix_user_configs_user')
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** JSON TierValues; secret values are sealed. */
  @Column({ type: 'text' })
  values!: string;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
