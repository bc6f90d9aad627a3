import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SystemSetting } from './system-setting.entity.js';
import { SystemSettingsRepository } from './system-settings.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([SystemSetting])],
  providers: [SystemSettingsRepository],
  exports: [SystemSettingsRepository],
})
export class SystemModule {}
