import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** OAuth clients, the authorization server's records, and revocation entries for satellites. */
export class CreateOAuth1763940000000 implements MigrationInterface {
  name = 'CreateOAuth1763940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`oauth_clients\` (\`id\` varchar(255) NOT NULL, \`name\` varchar(200) NOT NULL, \`kind\` varchar(10) NOT NULL, \`team_id\` varchar(36) NULL, \`owner_id\` varchar(36) NULL, \`secret_hash\` varchar(64) NULL, \`metadata\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`last_used_at\` datetime NULL, \`revoked_at\` datetime NULL, INDEX \`ix_oauth_clients_team\` (\`team_id\`), INDEX \`ix_oauth_clients_owner\` (\`owner_id\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await queryRunner.query(
      `CREATE TABLE \`oauth_records\` (\`model\` varchar(40) NOT NULL, \`id\` varchar(255) NOT NULL, \`payload\` text NOT NULL, \`grant_id\` varchar(64) NULL, \`uid\` varchar(64) NULL, \`client_id\` varchar(255) NULL, \`expires_at\` datetime NULL, \`consumed_at\` datetime NULL, INDEX \`ix_oauth_records_expires\` (\`expires_at\`), INDEX \`ix_oauth_records_client\` (\`client_id\`), INDEX \`ix_oauth_records_uid\` (\`uid\`), INDEX \`ix_oauth_records_grant\` (\`grant_id\`), PRIMARY KEY (\`model\`, \`id\`)) ${TABLE_OPTIONS}`,
    );
    await queryRunner.query(
      `CREATE TABLE \`oauth_revocations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(10) NOT NULL, \`value\` varchar(255) NOT NULL, \`team_id\` varchar(36) NULL, \`revoked_at\` datetime NOT NULL, \`expires_at\` datetime NOT NULL, INDEX \`ix_oauth_revocations_expires\` (\`expires_at\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `oauth_revocations`');
    await queryRunner.query('DROP TABLE `oauth_records`');
    await queryRunner.query('DROP TABLE `oauth_clients`');
  }
}
