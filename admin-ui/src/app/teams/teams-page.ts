import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import type { TeamDto } from '@orbit/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { AuthSettings } from '../core/auth/auth-settings';
import { AuthStore } from '../core/auth/auth-store';
import { Notifier } from '../core/ui/notifier';
import { PagedList } from '../core/ui/paged-list';
import { RowLink } from '../core/ui/row-link';
import { teamRoleLabel } from '../core/ui/role-labels';
import { TeamCreateDialog } from './team-create-dialog/team-create-dialog';

const PAGE_SIZE = 50;

@Component({
  selector: 'orbit-teams-page',
  imports: [MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule, RowLink],
  templateUrl: './teams-page.html',
  styleUrl: './teams-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamsPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly authSettings = inject(AuthSettings);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly roleLabel = teamRoleLabel;
  protected readonly columns = ['name', 'slug', 'memberCount', 'myRole'];
  protected readonly teams = new PagedList<TeamDto>();
  /** TEAM_CREATION=admins takes team creation away from plain users; global admins keep it. */
  protected readonly canCreate = computed(() => {
    if (!this.auth.can('teams:create')) return false;
    if (this.auth.user()?.globalRole === 'global_admin') return true;
    return this.authSettings.settings()?.teamCreation === 'everyone';
  });

  ngOnInit(): void {
    void this.authSettings.load();
    void this.teams.load((cursor) => this.api.listTeams({ limit: PAGE_SIZE, cursor }));
  }

  protected open(team: TeamDto): void {
    void this.router.navigate(['/teams', team.id]);
  }

  protected async openCreateDialog(): Promise<void> {
    const ref = this.dialog.open<TeamCreateDialog, void, TeamDto>(TeamCreateDialog);
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.teams.update((teams) => [created, ...teams]);
    this.notifier.success(`Created ${created.name}`);
    // The caller is now the new team's admin, which may unlock pages for them.
    await this.auth.reloadUser().catch(() => undefined);
  }
}
