import { Entity, Index, PrimaryColumn } from 'typeorm';

/** "Which teams can access which MCP servers": rows only for entries not available to every team. */
@Entity('catalog_availability')
export class CatalogAvailability {
  @PrimaryColumn({ name: 'server_id', type: 'varchar', length: 36 })
  serverId!: string;

  @Index('ix_catalog_availability_team')
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;
}
