import type { CatalogStatus } from '@orbit/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per server and version: the transport and the configuration definition live here. */
@Entity('catalog_versions')
@Index('uq_catalog_versions_server_version', ['serverId', 'version'], { unique: true })
export class CatalogVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'server_id', type: 'varchar', length: 36 })
  serverId!: string;

  @Column({ type: 'varchar', length: 100 })
  version!: string;

  @Column({ name: 'is_latest', type: 'boolean', default: false })
  isLatest!: boolean;

  @Column({ type: 'varchar', length: 20 })
  status!: CatalogStatus | 'deleted';

  /** JSON Transport. */
  @Column({ type: 'text' })
  transport!: string;

  /** JSON ConfigDefinition. */
  @Column({ name: 'config_definition', type: 'text' })
  configDefinition!: string;

  /** Registry dates of this version (null for manual entries). */
  @Column({ name: 'published_at', type: 'datetime', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'registry_updated_at', type: 'datetime', nullable: true })
  registryUpdatedAt!: Date | null;

  /** SHA-256 of the registry entry last imported: the same entry again is no write at all. */
  @Column({ name: 'source_hash', type: 'varchar', length: 64, nullable: true })
  sourceHash!: string | null;

  /** An admin changed the imported definition: later syncs keep it (they still update status and dates). */
  @Column({ name: 'mapping_overridden', type: 'boolean', default: false })
  mappingOverridden!: boolean;

  /** Whether satellites can run it today (npm packages and remotes); pypi, oci, nuget and mcpb need a runtime first. */
  @Column({ type: 'boolean', default: true })
  runnable!: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
