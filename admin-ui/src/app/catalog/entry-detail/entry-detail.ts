import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { CatalogServerDto, CatalogVersionDto, TeamDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { AuthStore } from '../../core/auth/auth-store';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { LoadState, loadFor } from '../../core/ui/load-state';
import { Notifier } from '../../core/ui/notifier';
import { RowLink } from '../../core/ui/row-link';
import { StatusChip } from '../../core/ui/status-chip';
import { canManageEntry, latestVersion, loadEntry, loadTeamOptions, sourceLabel } from '../catalog-data';
import { DefinitionView } from '../definition-view/definition-view';
import { TransportSummary } from '../transport-summary';

/**
 * One catalog entry: its info, its versions, and the transport and configuration tiers of the chosen version.
 * Test ids: `entry-error`, `entry-title`, `catalog-install`, `catalog-install-team`, `catalog-edit`, `catalog-delete`,
 * `entry-status`, `catalog-source-chip`, `catalog-upstream-deleted`, `entry-description`, `entry-version-row`,
 * `catalog-version-needs-runtime`, `catalog-version-mapping-overridden`, and those of TransportSummary and DefinitionView.
 */
@Component({
  selector: 'orbit-entry-detail',
  imports: [
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    DatePipe,
    RowLink,
    MatProgressBarModule,
    StatusChip,
    DefinitionView,
    TransportSummary,
  ],
  templateUrl: './entry-detail.html',
  styleUrl: './entry-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryDetail {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  /** Bound from the route. */
  readonly serverId = input.required<string>();
  /** `?teamId=`: the team the caller was browsing for, offered first for installing. */
  readonly teamId = input<string>();

  protected readonly server = signal<CatalogServerDto | null>(null);
  protected readonly versions = signal<CatalogVersionDto[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly teams = signal<TeamDto[]>([]);
  protected readonly sourceLabel = sourceLabel;
  /** What the registry flags mean, on hover. */
  protected readonly hints = {
    deleted: 'The registry deleted this server: teams no longer find it in the catalog; installations keep working',
    runtime: 'Satellites cannot run this package type (pypi, oci, nuget, mcpb) yet',
    overridden: 'An admin changed the imported definition; registry syncs keep it',
  };
  protected readonly state = new LoadState('This catalog entry does not exist or is not available to you.');

  protected readonly version = computed(() => this.versions().find((v) => v.id === this.selectedId()) ?? null);
  protected readonly canManage = computed(() => {
    const server = this.server();
    return !!server && canManageEntry(this.auth, server);
  });
  /** Teams where the caller may install; the browsed-for team first. */
  protected readonly installTeams = computed(() => {
    const teams = this.teams().filter((team) => this.auth.canInTeam(team.id, 'installations:manage'));
    const preferred = this.teamId();
    return [...teams.filter((t) => t.id === preferred), ...teams.filter((t) => t.id !== preferred)];
  });
  protected readonly ownerName = computed(() => {
    const owner = this.server()?.ownerTeamId;
    return owner ? (this.teams().find((t) => t.id === owner)?.name ?? owner) : null;
  });

  constructor() {
    loadFor(this.serverId, (serverId) => this.load(serverId));
    void loadTeamOptions(this.api).then((teams) => this.teams.set(teams));
  }

  protected installLink(team: TeamDto): unknown[] {
    return ['/teams', team.id, 'install', this.serverId()];
  }

  protected installQuery(): Record<string, string> {
    const version = this.version();
    return version ? { version: version.version } : {};
  }

  protected async remove(): Promise<void> {
    const server = this.server();
    if (!server) return;
    const confirmed = await confirmAction(this.dialog, {
      title: 'Delete catalog entry',
      message: `Delete ${server.title} and all its versions? Teams can no longer install it.`,
      confirmLabel: 'Delete',
    });
    if (!confirmed) return;
    try {
      await this.api.deleteCatalogServer(server.id);
      this.notifier.success(`Deleted ${server.title}`);
      await this.router.navigateByUrl('/catalog');
    } catch (err) {
      // 409: installations still use it; the message says so.
      this.notifier.error(err);
    }
  }

  private async load(serverId: string): Promise<void> {
    const entry = await this.state.run(() => loadEntry(this.api, serverId));
    if (!entry) return;
    this.server.set(entry.server);
    this.versions.set(entry.versions);
    this.selectedId.set(latestVersion(entry.server, entry.versions)?.id ?? null);
  }
}
