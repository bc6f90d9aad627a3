import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSystemSettings1763900000000 implements MigrationInterface {
  name = 'CreateSystemSettings1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `system_settings` (' +
        '`name` varchar(100) NOT NULL, ' +
        '`value` text NOT NULL, ' +
        '`updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), ' +
        'PRIMARY KEY (`name`)' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `system_settings`');
  }
}
