import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { OAuthClientDto, OAuthClientWithSecretDto, TeamDto } from '@orbit/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { AuthStore } from '../../core/auth/auth-store';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { LoadState, loadFor } from '../../core/ui/load-state';
import { Notifier } from '../../core/ui/notifier';
import { PagedFooter } from '../../core/ui/paged-footer';
import { PagedList } from '../../core/ui/paged-list';
import { ClientCreateDialog, type ClientCreateDialogData } from '../client-create-dialog/client-create-dialog';
import { OAuthClientsTable } from '../oauth-clients-table/oauth-clients-table';
import { showSecretOnce, withoutSecret } from '../open-secret-dialog';

const PAGE_SIZE = 50;

/**
 * `/teams/:teamId/oauth-clients`: team admins see and revoke the team's clients; members make, rotate and revoke
 * their own. Test ids: `oauth-clients-create`, `oauth-clients-more`, `oauth-clients-team-error`, and the table's
 * (see OAuthClientsTable).
 */
@Component({
  selector: 'orbit-team-oauth-clients-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, OAuthClientsTable, PagedFooter],
  templateUrl: './team-oauth-clients-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamOAuthClientsPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** Bound from the route. */
  readonly teamId = input.required<string>();

  protected readonly me = this.auth.user;
  protected readonly team = signal<TeamDto | null>(null);
  protected readonly state = new LoadState('This team does not exist, or you are not a member of it.');
  protected readonly clients = new PagedList<OAuthClientDto>();
  /** For the config snippet shown with a new secret; null until read, or when it cannot be. */
  private readonly mcpUrl = signal<string | null>(null);

  // Permissions come from the caller's role in this team: "own" from a membership, "team" for its admins.
  protected readonly canCreate = computed(() => this.auth.canInTeam(this.teamId(), 'oauth-clients:manage-own'));
  protected readonly seesTeamClients = computed(() => this.auth.canInTeam(this.teamId(), 'oauth-clients:manage-team'));
  protected readonly canRotate = computed(() => {
    const own = this.canCreate();
    const myId = this.me()?.id;
    return (client: OAuthClientDto) => own && client.hasSecret && client.ownerId === myId;
  });
  protected readonly canRevoke = computed(() => {
    const own = this.canCreate();
    const team = this.seesTeamClients();
    const myId = this.me()?.id;
    return (client: OAuthClientDto) => team || (own && client.ownerId === myId);
  });

  constructor() {
    loadFor(this.teamId, (teamId) => this.load(teamId));
  }

  protected async openCreateDialog(): Promise<void> {
    const ref = this.dialog.open<ClientCreateDialog, ClientCreateDialogData, OAuthClientWithSecretDto>(ClientCreateDialog, {
      data: { teamId: this.teamId() },
      autoFocus: 'first-tabbable',
    });
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.clients.update((clients) => [withoutSecret(created), ...clients]);
    await showSecretOnce(this.dialog, { client: created, mcpUrl: this.mcpUrl(), reason: 'created' });
  }

  protected async rotate(client: OAuthClientDto): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'New client secret',
      message: `Make a new secret for ${client.name}? The current secret stops working at once: whatever uses it needs the new one.`,
      confirmLabel: 'Make new secret',
    });
    if (!confirmed) return;
    try {
      const rotated = await this.api.rotateOAuthClientSecret(this.teamId(), client.clientId);
      this.clients.update((clients) => clients.map((c) => (c.clientId === client.clientId ? withoutSecret(rotated) : c)));
      await showSecretOnce(this.dialog, { client: rotated, mcpUrl: this.mcpUrl(), reason: 'rotated' });
    } catch (err) {
      this.notifier.error(err);
    }
  }

  protected async revoke(client: OAuthClientDto): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'Revoke OAuth client',
      message: `Revoke ${client.name}? It can no longer get tokens, and the tokens it holds stop working.`,
      confirmLabel: 'Revoke',
    });
    if (!confirmed) return;
    try {
      await this.api.revokeTeamOAuthClient(this.teamId(), client.clientId);
      this.clients.update((clients) => clients.filter((c) => c.clientId !== client.clientId));
      this.notifier.success(`Revoked ${client.name}`);
    } catch (err) {
      this.notifier.error(err);
    }
  }

  private async load(teamId: string): Promise<void> {
    this.team.set(null);
    this.mcpUrl.set(null);
    void this.clients.load((cursor) => this.api.listTeamOAuthClients(teamId, { limit: PAGE_SIZE, cursor }));
    void this.api.getConnectInfo(teamId).then(
      (info) => this.mcpUrl.set(info.mcpUrl),
      () => undefined, // the secret dialog then shows a placeholder
    );
    const team = await this.state.run(() => this.api.getTeam(teamId));
    if (team) this.team.set(team);
  }
}
