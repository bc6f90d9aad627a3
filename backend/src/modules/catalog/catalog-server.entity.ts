import type { CatalogStatus, TransportType } from '@orbit/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One catalog entry per name: global (owner_key "global") or private to one team (owner_key = team id). */
@Entity('catalog_servers')
@Index('uq_catalog_servers_name_owner', ['name', 'ownerKey'], { unique: true })
export class CatalogServer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Reverse-DNS like the registry's (`io.github.owner/server`). */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'owner_team_id', type: 'varchar', length: 36, nullable: true })
  ownerTeamId!: string | null;

  /** `global`, or the owner team id: unique together with the name (NULLs would not be). */
  @Column({ name: 'owner_key', type: 'varchar', length: 36 })
  ownerKey!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  /** Lower-cased name, title and description start: text search is one LIKE over one column. */
  @Column({ name: 'search_text', type: 'varchar', length: 1200 })
  searchText!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  repository!: string | null;

  /** JSON list of icon URLs. */
  @Column({ type: 'text' })
  icons!: string;

  /** Comma-wrapped tag list (`,db,postgres,`) so a tag filter is one LIKE. */
  @Column({ type: 'varchar', length: 1000 })
  tags!: string;

  @Column({ type: 'varchar', length: 20 })
  source!: 'registry' | 'manual';

  @Column({ type: 'varchar', length: 20 })
  status!: CatalogStatus;

  @Column({ type: 'boolean', default: false })
  hidden!: boolean;

  @Column({ type: 'boolean', default: false })
  featured!: boolean;

  @Column({ name: 'available_to_all', type: 'boolean', default: true })
  availableToAll!: boolean;

  @Column({ name: 'latest_version', type: 'varchar', length: 100, nullable: true })
  latestVersion!: string | null;

  @Index('ix_catalog_servers_transport')
  @Column({ name: 'transport_type', type: 'varchar', length: 20, nullable: true })
  transportType!: TransportType | null;

  /** The registry deleted this entry (its latest version): hidden from browsing, kept for installations. */
  @Column({ name: 'upstream_deleted', type: 'boolean', default: false })
  upstreamDeleted!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
