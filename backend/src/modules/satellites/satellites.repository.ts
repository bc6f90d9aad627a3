import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Satellite } from './satellite.entity.js';

@Injectable()
export class SatellitesRepository {
  constructor(@InjectRepository(Satellite) private readonly satellites: Repository<Satellite>) {}

  findByCredentialHash(credentialHash: string): Promise<Satellite | null> {
    return this.satellites.findOneBy({ credentialHash });
  }

  save(satellite: Satellite): Promise<Satellite> {
    return this.satellites.save(satellite);
  }

  /** Every satellite that is not revoked (revocation entries go to all of them). */
  async active(): Promise<Satellite[]> {
    return (await this.satellites.find({ order: { createdAt: 'ASC' } })).filter((s) => s.status !== 'revoked');
  }

  /** The satellites that serve a team: its team satellites if it has any, otherwise every global satellite. */
  async servingTeam(teamId: string): Promise<Satellite[]> {
    const own = await this.satellites.find({ where: { kind: 'team', teamId }, order: { createdAt: 'ASC' } });
    const active = own.filter((s) => s.status !== 'revoked');
    if (active.length > 0) return active;
    return (await this.satellites.find({ where: { kind: 'global' }, order: { createdAt: 'ASC' } })).filter(
      (s) => s.status !== 'revoked',
    );
  }
}
