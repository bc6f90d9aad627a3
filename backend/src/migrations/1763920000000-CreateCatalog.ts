import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalog entries, their versions and availability, installations and members' private values. */
export class CreateCatalog1763920000000 implements MigrationInterface {
  name = 'CreateCatalog1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `catalog_availability` (`server_id` varchar(36) NOT NULL, `team_id` varchar(36) NOT NULL, INDEX `ix_catalog_availability_team` (`team_id`), PRIMARY KEY (`server_id`, `team_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `catalog_servers` (`id` varchar(36) NOT NULL, `name` varchar(200) NOT NULL, `owner_team_id` varchar(36) NULL, `owner_key` varchar(36) NOT NULL, `title` varchar(200) NOT NULL, `description` text NOT NULL, `search_text` varchar(1200) NOT NULL, `repository` varchar(500) NULL, `icons` text NOT NULL, `tags` varchar(1000) NOT NULL, `source` varchar(20) NOT NULL, `status` varchar(20) NOT NULL, `hidden` tinyint NOT NULL DEFAULT 0, `featured` tinyint NOT NULL DEFAULT 0, `available_to_all` tinyint NOT NULL DEFAULT 1, `latest_version` varchar(100) NULL, `transport_type` varchar(20) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_catalog_servers_transport` (`transport_type`), UNIQUE INDEX `uq_catalog_servers_name_owner` (`name`, `owner_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `catalog_versions` (`id` varchar(36) NOT NULL, `server_id` varchar(36) NOT NULL, `version` varchar(100) NOT NULL, `is_latest` tinyint NOT NULL DEFAULT 0, `status` varchar(20) NOT NULL, `transport` text NOT NULL, `config_definition` text NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_catalog_versions_server_version` (`server_id`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `installations` (`id` varchar(36) NOT NULL, `team_id` varchar(36) NOT NULL, `server_id` varchar(36) NOT NULL, `version_id` varchar(36) NOT NULL, `slug` varchar(32) NOT NULL, `team_values` text NOT NULL, `locks` text NOT NULL, `disabled_tools` text NOT NULL, `disabled` tinyint NOT NULL DEFAULT 0, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_installations_server` (`server_id`), UNIQUE INDEX `uq_installations_team_slug` (`team_id`, `slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `user_configs` (`installation_id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `values` text NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_user_configs_user` (`user_id`), PRIMARY KEY (`installation_id`, `user_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `user_configs`');
    await queryRunner.query('DROP TABLE `installations`');
    await queryRunner.query('DROP TABLE `catalog_versions`');
    await queryRunner.query('DROP TABLE `catalog_servers`');
    await queryRunner.query('DROP TABLE `catalog_availability`');
  }
}
