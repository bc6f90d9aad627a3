import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { InstallationDto, TeamDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { AuthStore } from '../../core/auth/auth-store';
import { PagedFooter } from '../../core/ui/paged-footer';
import { PagedList } from '../../core/ui/paged-list';
import { RowLink } from '../../core/ui/row-link';
import { StatusChip } from '../../core/ui/status-chip';
import { loadTeamOptions } from '../../catalog/catalog-data';
import { upstreamLabel } from '../installation-data';

const PAGE_SIZE = 50;

/**
 * The installations of one of the caller's teams; `?teamId=` picks the team (the first one otherwise).
 * Test ids: `installations-browse`, `installations-team`, `installation-row`, `installation-update-available`,
 * `installation-upstream-status`, `installations-more`.
 */
@Component({
  selector: 'orbit-installations-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatFormFieldModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    PagedFooter,
    RowLink,
    StatusChip,
  ],
  templateUrl: './installations-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstallationsPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  readonly teamId = input<string>();

  protected readonly columns = ['server', 'slug', 'version', 'status'];
  protected readonly upstreamLabel = upstreamLabel;
  protected readonly team = new FormControl('', { nonNullable: true });
  protected readonly teams = signal<TeamDto[]>([]);
  protected readonly selectedTeam = signal('');
  protected readonly installations = new PagedList<InstallationDto>();
  protected readonly canInstall = computed(() => {
    const teamId = this.selectedTeam();
    return !!teamId && this.auth.canInTeam(teamId, 'installations:manage');
  });

  ngOnInit(): void {
    this.team.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((teamId) => this.show(teamId));
    void this.loadTeams();
  }

  protected open(installation: InstallationDto): void {
    void this.router.navigate(['/teams', installation.teamId, 'installations', installation.id]);
  }

  private async loadTeams(): Promise<void> {
    const teams = await loadTeamOptions(this.api);
    this.teams.set(teams);
    const wanted = teams.find((t) => t.id === this.teamId()) ?? teams[0];
    if (wanted) this.team.setValue(wanted.id);
  }

  private show(teamId: string): void {
    this.selectedTeam.set(teamId);
    void this.router.navigate([], { queryParams: { teamId }, replaceUrl: true });
    void this.installations.load((cursor) => this.api.listInstallations(teamId, { limit: PAGE_SIZE, cursor }));
  }
}
