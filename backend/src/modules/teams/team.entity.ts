import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('teams')
export class Team {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('uq_teams_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  /** Every user's default team: cannot be deleted and has no other members. */
  @Column({ type: 'boolean', default: false })
  personal!: boolean;

  /** Bumped by every change that affects what satellites run for this team (DESIGN, principle 1). */
  @Column({ name: 'config_version', type: 'int', default: 0 })
  configVersion!: number;

  @Column({ name: 'max_members', type: 'int', nullable: true })
  maxMembers!: number | null;

  @Column({ name: 'max_installations', type: 'int', nullable: true })
  maxInstallations!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
