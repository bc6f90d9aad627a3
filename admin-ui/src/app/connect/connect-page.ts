import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import type { ConnectInfoDto } from '@orbit/contracts';
import { toSignal } from '@angular/core/rxjs-interop';
import { ApiClient } from '../core/api/api-client';
import { AuthStore } from '../core/auth/auth-store';
import { CopyButton } from '../core/ui/copy-button';
import { LoadState } from '../core/ui/load-state';
import { clientSetups } from './connect-snippets';

/**
 * `/connect`: the MCP URL of one of the caller's teams (`?teamId=`, else their first) and what to paste into each
 * MCP client. Test ids: `connect-team`, `connect-mcp-url`, `connect-copy-mcp-url`, `connect-tab-<client>`,
 * `connect-snippet-<snippet>`, `connect-copy-<snippet>` (clients and snippets in connect-snippets.ts),
 * `connect-oauth-clients-link`, `connect-error`.
 */
@Component({
  selector: 'orbit-connect-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTabsModule,
    CopyButton,
  ],
  templateUrl: './connect-page.html',
  styleUrl: './connect-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConnectPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** `?teamId=`, bound by the router. */
  readonly teamId = input<string>();

  protected readonly teams = computed(() => this.auth.user()?.teams ?? []);
  protected readonly team = new FormControl('', { nonNullable: true });
  private readonly selectedTeam = toSignal(this.team.valueChanges, { initialValue: '' });
  protected readonly state = new LoadState('This team does not exist, or you are not a member of it.');
  protected readonly info = signal<ConnectInfoDto | null>(null);
  protected readonly setups = computed(() => {
    const info = this.info();
    return info ? clientSetups(info.mcpUrl) : [];
  });
  /** Clients with a secret are made per team on the OAuth clients page, by its members. */
  protected readonly canMakeClients = computed(() => {
    const teamId = this.selectedTeam();
    return !!teamId && this.auth.canInTeam(teamId, 'oauth-clients:manage-own');
  });

  constructor() {
    effect(() => {
      const teams = this.teams();
      const wanted = this.teamId();
      untracked(() => {
        const team = teams.find((t) => t.teamId === wanted) ?? teams[0];
        if (team && team.teamId !== this.team.value) this.team.setValue(team.teamId);
      });
    });
    effect(() => {
      const teamId = this.selectedTeam();
      untracked(() => {
        if (teamId) void this.show(teamId);
      });
    });
  }

  private async show(teamId: string): Promise<void> {
    this.info.set(null);
    if (teamId !== this.teamId()) void this.router.navigate([], { queryParams: { teamId }, replaceUrl: true });
    const info = await this.state.run(() => this.api.getConnectInfo(teamId));
    if (info) this.info.set(info);
  }
}
