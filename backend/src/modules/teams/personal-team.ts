import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { User } from '../users/user.entity.js';
import { Membership } from './membership.entity.js';
import { Team } from './team.entity.js';
import type { TeamsRepository } from './teams.repository.js';

/** Lower-case dash-separated slug of at most `max` characters (possibly empty). */
export function slugify(text: string, max = 48): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** A slug not used by any team yet: the base itself, else the base with a short random suffix. */
export async function uniqueSlug(teams: TeamsRepository, base: string, manager?: EntityManager): Promise<string> {
  const root = base === '' ? 'team' : base;
  if (!(await teams.slugTaken(root, manager))) return root;
  for (;;) {
    const candidate = `${root}-${randomBytes(3).toString('hex')}`;
    if (!(await teams.slugTaken(candidate, manager))) return candidate;
  }
}

/** Every user's default team, created with the account; its owner is its only member and admin. */
export async function createPersonalTeam(teams: TeamsRepository, user: User, manager: EntityManager): Promise<Team> {
  const team = new Team();
  team.id = randomUUID();
  team.name = `${user.name} (personal)`.slice(0, 100);
  team.slug = await uniqueSlug(teams, `personal-${slugify(user.email.split('@')[0] ?? '', 30)}`, manager);
  team.personal = true;
  team.configVersion = 0;
  team.maxMembers = 1;
  team.maxInstallations = null;
  await teams.save(team, manager);
  const membership = new Membership();
  membership.teamId = team.id;
  membership.userId = user.id;
  membership.role = 'team_admin';
  await teams.saveMembership(membership, manager);
  return team;
}
