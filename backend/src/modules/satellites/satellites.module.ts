import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { InstallationsModule } from '../installations/installations.module.js';
import { SatelliteApiController } from './satellite-api.controller.js';

/** Satellites' side of the API. Registration and the console's satellite pages come with the satellite issue. */
@Module({
  imports: [IdentityModule, InstallationsModule],
  controllers: [SatelliteApiController],
})
export class SatellitesModule {}
