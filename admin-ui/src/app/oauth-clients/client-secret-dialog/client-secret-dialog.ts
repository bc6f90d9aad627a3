import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { OAuthClientWithSecretDto } from '@orbit/contracts';
import { CopyButton } from '../../core/ui/copy-button';
import { clientSecretConfig } from '../../connect/connect-snippets';

export interface ClientSecretDialogData {
  client: OAuthClientWithSecretDto;
  /** The team's MCP URL for the snippet; null when it could not be read (a placeholder stands in). */
  mcpUrl: string | null;
  /** `created` after a new client, `rotated` after a new secret. */
  reason: 'created' | 'rotated';
}

export const MCP_URL_PLACEHOLDER = '<MCP URL from the Connect a client page>';

/**
 * The client id and the secret, shown this once, with a ready-to-paste client config. It closes only through its
 * button, so that a stray click outside cannot lose the secret. Test ids: `client-secret-client-id`,
 * `client-secret-copy-id`, `client-secret-value`, `client-secret-copy-secret`, `client-secret-warning`,
 * `client-secret-snippet`, `client-secret-copy-snippet`, `client-secret-done`.
 */
@Component({
  selector: 'orbit-client-secret-dialog',
  imports: [MatDialogModule, MatButtonModule, MatIconModule, CopyButton],
  templateUrl: './client-secret-dialog.html',
  styleUrl: './client-secret-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientSecretDialog {
  protected readonly data = inject<ClientSecretDialogData>(MAT_DIALOG_DATA);
  protected readonly client = this.data.client;
  protected readonly snippet = clientSecretConfig(
    this.data.mcpUrl ?? MCP_URL_PLACEHOLDER,
    this.client.clientId,
    this.client.clientSecret,
  );
}
