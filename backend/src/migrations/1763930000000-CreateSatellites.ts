import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Satellites and their hashed credentials. */
export class CreateSatellites1763930000000 implements MigrationInterface {
  name = 'CreateSatellites1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `satellites` (`id` varchar(36) NOT NULL, `name` varchar(100) NOT NULL, `kind` varchar(10) NOT NULL, `team_id` varchar(36) NULL, `public_url` varchar(500) NOT NULL, `credential_hash` varchar(64) NOT NULL, `status` varchar(10) NOT NULL, `last_heartbeat_at` datetime NULL, `version` varchar(50) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_satellites_team` (`team_id`), UNIQUE INDEX `uq_satellites_credential` (`credential_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `satellites`');
  }
}
