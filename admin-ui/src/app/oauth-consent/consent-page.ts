import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router } from '@angular/router';
import type { OAuthInteractionDto, OAuthInteractionResultDto } from '@orbit/contracts';
import { ApiClient } from '../core/api/api-client';
import { ApiError } from '../core/api/api-error';
import { AuthStore } from '../core/auth/auth-store';
import { BrowserLocation } from '../core/ui/browser-location';
import { LoadState, loadFor } from '../core/ui/load-state';
import { INTERACTION_EXPIRED, isUnregistered, scopeText } from './consent-text';

/**
 * `/oauth/consent/:uid`, where the authorization server sends the browser: which client asks, where the answer goes,
 * which team its tokens are for. Allow and Deny both end in a full navigation to the `redirectTo` the API answers.
 * Test ids: `consent-client-name`, `consent-client-id`, `consent-redirect-host`, `consent-unregistered`, `consent-scopes`,
 * `consent-team-option` (one radio per team, `data-team-id`), `consent-no-teams`, `consent-allow`, `consent-deny`,
 * `consent-user`, `consent-sign-out`, `consent-error`.
 */
@Component({
  selector: 'orbit-consent-page',
  imports: [FormsModule, MatCardModule, MatButtonModule, MatIconModule, MatProgressBarModule, MatRadioModule],
  templateUrl: './consent-page.html',
  styleUrl: './consent-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly location = inject(BrowserLocation);

  /** Bound from the route. */
  readonly uid = input.required<string>();

  protected readonly user = this.auth.user;
  protected readonly state = new LoadState(INTERACTION_EXPIRED);
  protected readonly interaction = signal<OAuthInteractionDto | null>(null);
  protected readonly teamId = signal<string | null>(null);
  /** Set while answering, and kept once answered: the browser is leaving the page. */
  protected readonly answering = signal(false);
  protected readonly answerError = signal<string | null>(null);
  protected readonly error = computed(() => this.answerError() ?? this.state.error());
  protected readonly scopeText = scopeText;
  protected readonly unregistered = computed(() => {
    const interaction = this.interaction();
    return !!interaction && isUnregistered(interaction.client);
  });

  constructor() {
    loadFor(this.uid, (uid) => this.load(uid));
  }

  protected allow(): Promise<void> {
    const teamId = this.teamId();
    if (!teamId) return Promise.resolve();
    return this.answer((uid) => this.api.consentOAuthInteraction(uid, { teamId }));
  }

  protected deny(): Promise<void> {
    return this.answer((uid) => this.api.denyOAuthInteraction(uid));
  }

  /** Signs out and back in (as someone else), returning here: the request stays valid meanwhile. */
  protected async signOut(): Promise<void> {
    await this.auth.logout().catch(() => undefined);
    await this.router.navigate(['/login'], { queryParams: { returnUrl: `/oauth/consent/${this.uid()}` } });
  }

  private async answer(send: (uid: string) => Promise<OAuthInteractionResultDto>): Promise<void> {
    if (this.answering()) return;
    this.answering.set(true);
    this.answerError.set(null);
    try {
      const { redirectTo } = await send(this.uid());
      // Back to the authorization server, which redirects to the client: a full navigation, not the router.
      this.location.assign(redirectTo);
    } catch (err) {
      const error = ApiError.from(err);
      this.answerError.set(error.status === 404 ? INTERACTION_EXPIRED : error.message);
      if (error.status === 404) this.interaction.set(null);
      this.answering.set(false);
    }
  }

  private async load(uid: string): Promise<void> {
    this.interaction.set(null);
    this.answerError.set(null);
    const interaction = await this.state.run(() => this.api.getOAuthInteraction(uid));
    if (!interaction) return;
    this.interaction.set(interaction);
    // One team leaves nothing to choose.
    this.teamId.set(interaction.teams.length === 1 ? interaction.teams[0]!.id : null);
  }
}
