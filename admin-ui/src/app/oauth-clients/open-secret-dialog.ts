import type { MatDialog } from '@angular/material/dialog';
import type { OAuthClientDto, OAuthClientWithSecretDto } from '@orbit/contracts';
import { firstValueFrom } from 'rxjs';
import { ClientSecretDialog, type ClientSecretDialogData } from './client-secret-dialog/client-secret-dialog';

/** Shows a client's secret once and resolves when the user has closed the dialog. */
export async function showSecretOnce(dialog: MatDialog, data: ClientSecretDialogData): Promise<void> {
  const ref = dialog.open<ClientSecretDialog, ClientSecretDialogData>(ClientSecretDialog, {
    data,
    disableClose: true,
    width: '640px',
    maxWidth: '95vw',
  });
  await firstValueFrom(ref.afterClosed());
}

/** The client as lists keep it: without the secret, which must not outlive its dialog. */
export function withoutSecret({ clientSecret: _secret, ...client }: OAuthClientWithSecretDto): OAuthClientDto {
  return client;
}
