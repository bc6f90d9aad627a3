import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { resolveAdminLogin } from '../../config/admin-login.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { ConfigError, type AppConfig } from '../../config/env.schema.js';
import { passwordProblems } from '../../core/auth/passwords.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';

/**
 * Creates the first global admin from ORBIT_ADMIN_EMAIL/ORBIT_ADMIN_PASSWORD (or the embedded default's generated
 * login) when no account has that email. An existing account is never changed: the env is a bootstrap, not a reset.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const login = resolveAdminLogin(this.config);
    if (!login) {
      if ((await this.users.countActiveGlobalAdmins()) === 0) {
        this.logger.warn('No global admin exists: set ORBIT_ADMIN_EMAIL and ORBIT_ADMIN_PASSWORD to create one');
      }
      return;
    }
    if (await this.users.findByEmail(login.email)) return;
    const problems = passwordProblems(login.password, 'ORBIT_ADMIN_PASSWORD', login.email);
    if (problems.length > 0) throw new ConfigError(problems.map((p) => p.message));
    await this.usersService.create(
      { email: login.email, name: 'Orbit admin', password: login.password, globalRole: 'global_admin' },
      { audit: false },
    );
    this.logger.log(`Created the first global admin ${login.email}`);
  }
}
