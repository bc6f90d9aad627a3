import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Registry sync runs, and the registry's facts on catalog entries and versions. */
export class CreateRegistrySync1763950000000 implements MigrationInterface {
  name = 'CreateRegistrySync1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `registry_sync_runs` (`id` varchar(36) NOT NULL, `status` varchar(10) NOT NULL, `mode` varchar(12) NOT NULL, `trigger` varchar(10) NOT NULL, `updated_since` varchar(40) NULL, `cursor` varchar(1000) NULL, `pages` int NOT NULL DEFAULT '0', `seen` int NOT NULL DEFAULT '0', `imported` int NOT NULL DEFAULT '0', `updated` int NOT NULL DEFAULT '0', `unchanged` int NOT NULL DEFAULT '0', `retries` int NOT NULL DEFAULT '0', `skipped_count` int NOT NULL DEFAULT '0', `warning_count` int NOT NULL DEFAULT '0', `skipped` text NOT NULL, `warnings` text NOT NULL, `estimated_total` int NULL, `error` text NULL, `started_at` datetime NULL, `finished_at` datetime NULL, `active_slot` tinyint NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_registry_sync_runs_created` (`created_at`), UNIQUE INDEX `ux_registry_sync_runs_active` (`active_slot`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await queryRunner.query('ALTER TABLE `catalog_servers` ADD `upstream_deleted` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `catalog_versions` ADD `published_at` datetime NULL');
    await queryRunner.query('ALTER TABLE `catalog_versions` ADD `registry_updated_at` datetime NULL');
    await queryRunner.query('ALTER TABLE `catalog_versions` ADD `source_hash` varchar(64) NULL');
    await queryRunner.query('ALTER TABLE `catalog_versions` ADD `mapping_overridden` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `catalog_versions` ADD `runnable` tinyint NOT NULL DEFAULT 1');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['runnable', 'mapping_overridden', 'source_hash', 'registry_updated_at', 'published_at']) {
      await queryRunner.query(`ALTER TABLE \`catalog_versions\` DROP COLUMN \`${column}\``);
    }
    await queryRunner.query('ALTER TABLE `catalog_servers` DROP COLUMN `upstream_deleted`');
    await queryRunner.query('DROP TABLE `registry_sync_runs`');
  }
}
