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

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
