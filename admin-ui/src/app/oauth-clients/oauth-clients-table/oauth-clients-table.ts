import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { OAuthClientDto } from '@orbit/contracts';
import { CopyButton } from '../../core/ui/copy-button';
import type { PagedList } from '../../core/ui/paged-list';
import { grantLabel, kindLabel } from '../oauth-client-labels';

/**
 * OAuth clients in a table, with rotate and revoke buttons where the page allows them. Test ids: `oauth-client-row`,
 * `oauth-client-name`, `oauth-client-id`, `oauth-client-copy-id`, `oauth-client-rotate`, `oauth-client-revoke`.
 */
@Component({
  selector: 'orbit-oauth-clients-table',
  imports: [DatePipe, MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, CopyButton],
  templateUrl: './oauth-clients-table.html',
  styleUrl: './oauth-clients-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OAuthClientsTable {
  readonly list = input.required<PagedList<OAuthClientDto>>();
  /** Adds where each client comes from (console or self-registered) and its team: the all-clients page. */
  readonly showOrigin = input(false);
  readonly currentUserId = input<string | undefined>();
  readonly canRotate = input<(client: OAuthClientDto) => boolean>(() => false);
  readonly canRevoke = input<(client: OAuthClientDto) => boolean>(() => false);
  /** What the table says when there is no client. */
  readonly emptyText = input('No OAuth clients yet.');
  readonly rotate = output<OAuthClientDto>();
  readonly revoke = output<OAuthClientDto>();

  protected readonly grantLabel = grantLabel;
  protected readonly kindLabel = kindLabel;
  protected readonly columns = computed(() => [
    'name',
    'clientId',
    ...(this.showOrigin() ? ['kind', 'team'] : []),
    'grants',
    'redirectUris',
    'owner',
    'created',
    'lastUsed',
    'actions',
  ]);
}
