import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { OAuthClientDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { AuthStore } from '../../core/auth/auth-store';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { Notifier } from '../../core/ui/notifier';
import { PagedFooter } from '../../core/ui/paged-footer';
import { PagedList } from '../../core/ui/paged-list';
import { OAuthClientsTable } from '../oauth-clients-table/oauth-clients-table';

const PAGE_SIZE = 50;

/**
 * `/oauth-clients` (global admins): every client, made in the console or registered by an MCP client itself, with
 * revoke. Test ids: `all-oauth-clients-more`, and the table's (see OAuthClientsTable).
 */
@Component({
  selector: 'orbit-all-oauth-clients-page',
  imports: [OAuthClientsTable, PagedFooter],
  template: `
    <header class="orbit-page-header">
      <h1>OAuth clients</h1>
    </header>
    <p class="orbit-muted">
      Every client: made in the console by team members, or registered by an MCP client itself (dynamic registration), which gets
      its team when a user signs in. Revoking a client ends its tokens at once.
    </p>
    <orbit-oauth-clients-table
      [list]="clients"
      [showOrigin]="true"
      [currentUserId]="me()?.id"
      [canRevoke]="canRevoke"
      (revoke)="revoke($event)"
    />
    <orbit-paged-footer [list]="clients" moreTestId="all-oauth-clients-more" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllOAuthClientsPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly me = inject(AuthStore).user;
  protected readonly clients = new PagedList<OAuthClientDto>();
  protected readonly canRevoke = (): boolean => true;

  ngOnInit(): void {
    void this.clients.load((cursor) => this.api.listOAuthClients({ limit: PAGE_SIZE, cursor }));
  }

  protected async revoke(client: OAuthClientDto): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'Revoke OAuth client',
      message: `Revoke ${client.name}${client.teamName ? ` (${client.teamName})` : ''}? It can no longer get tokens, and the tokens it holds stop working.`,
      confirmLabel: 'Revoke',
    });
    if (!confirmed) return;
    try {
      await this.api.revokeOAuthClient(client.clientId);
      this.clients.update((clients) => clients.filter((c) => c.clientId !== client.clientId));
      this.notifier.success(`Revoked ${client.name}`);
    } catch (err) {
      this.notifier.error(err);
    }
  }
}
