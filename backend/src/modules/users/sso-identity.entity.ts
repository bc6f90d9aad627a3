import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A link between a user and an account at the identity provider (`issuer` + `subject`). */
@Entity('sso_identities')
@Index('uq_sso_identities_subject', ['issuer', 'subject'], { unique: true })
export class SsoIdentity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_sso_identities_user')
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 255 })
  issuer!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
