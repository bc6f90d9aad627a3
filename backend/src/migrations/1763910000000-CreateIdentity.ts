import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, SSO identities, teams, memberships, console sessions and the audit log. */
export class CreateIdentity1763910000000 implements MigrationInterface {
  name = 'CreateIdentity1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `audit_events` (`id` int NOT NULL AUTO_INCREMENT, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `actor_id` varchar(36) NULL, `actor_email` varchar(320) NULL, `action` varchar(100) NOT NULL, `target_type` varchar(50) NOT NULL, `target_id` varchar(100) NULL, `team_id` varchar(36) NULL, `before` text NULL, `after` text NULL, `request_id` varchar(64) NULL, `ip` varchar(64) NULL, INDEX `ix_audit_action_time` (`action`, `id`), INDEX `ix_audit_actor_time` (`actor_id`, `id`), INDEX `ix_audit_team_time` (`team_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `sessions` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `access_hash` varchar(64) NOT NULL, `access_expires_at` datetime NOT NULL, `refresh_hash` varchar(64) NOT NULL, `previous_refresh_hash` varchar(64) NULL, `refresh_expires_at` datetime NOT NULL, `revoked_at` datetime NULL, `user_agent` varchar(255) NULL, `ip` varchar(64) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_sessions_user` (`user_id`), UNIQUE INDEX `uq_sessions_access` (`access_hash`), UNIQUE INDEX `uq_sessions_refresh` (`refresh_hash`), INDEX `ix_sessions_previous_refresh` (`previous_refresh_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `memberships` (`team_id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `role` varchar(20) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_memberships_user` (`user_id`), PRIMARY KEY (`team_id`, `user_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      "CREATE TABLE `teams` (`id` varchar(36) NOT NULL, `name` varchar(100) NOT NULL, `slug` varchar(64) NOT NULL, `personal` tinyint NOT NULL DEFAULT 0, `config_version` int NOT NULL DEFAULT '0', `max_members` int NULL, `max_installations` int NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_teams_slug` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    );
    await queryRunner.query(
      'CREATE TABLE `sso_identities` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `issuer` varchar(255) NOT NULL, `subject` varchar(255) NOT NULL, `email` varchar(320) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_sso_identities_user` (`user_id`), UNIQUE INDEX `uq_sso_identities_subject` (`issuer`, `subject`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
    await queryRunner.query(
      'CREATE TABLE `users` (`id` varchar(36) NOT NULL, `email` varchar(320) NOT NULL, `name` varchar(200) NOT NULL, `password_hash` varchar(255) NULL, `global_role` varchar(20) NOT NULL, `disabled` tinyint NOT NULL DEFAULT 0, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_users_email` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `users`');
    await queryRunner.query('DROP TABLE `sso_identities`');
    await queryRunner.query('DROP TABLE `teams`');
    await queryRunner.query('DROP TABLE `memberships`');
    await queryRunner.query('DROP TABLE `sessions`');
    await queryRunner.query('DROP TABLE `audit_events`');
  }
}
