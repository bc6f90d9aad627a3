import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { SystemSetting } from './system-setting.entity.js';

@Injectable()
export class SystemSettingsRepository {
  constructor(@InjectRepository(SystemSetting) private readonly settings: Repository<SystemSetting>) {}

  async get(name: string): Promise<string | undefined> {
    const row = await this.settings.findOneBy({ name });
    return row?.value;
  }

  async set(name: string, value: string): Promise<void> {
    await this.settings.upsert({ name, value }, ['name']);
  }

  /** Writes the value unless the setting exists (two replicas booting at once keep the first one's). */
  async setIfAbsent(name: string, value: string): Promise<void> {
    await this.settings.createQueryBuilder().insert().values({ name, value }).orIgnore().execute();
  }

  /** The installation's id, created on first boot: stable across restarts, distinct between deployments. */
  async instanceId(): Promise<string> {
    const existing = await this.get('instance.id');
    if (existing !== undefined) return existing;
    await this.settings.createQueryBuilder().insert().values({ name: 'instance.id', value: randomUUID() }).orIgnore().execute();
    return (await this.get('instance.id')) ?? '';
  }
}
