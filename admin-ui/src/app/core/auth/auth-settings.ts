import { Injectable, inject, signal } from '@angular/core';
import type { AuthSettingsDto } from '@orbit/contracts';
import { ApiClient } from '../api/api-client';

/** The deployment's public sign-in settings (SSO, who may create teams), read once per page load. */
@Injectable({ providedIn: 'root' })
export class AuthSettings {
  private readonly api = inject(ApiClient);
  private pending: Promise<AuthSettingsDto | null> | null = null;

  /** null until loaded, and when the server could not say (the console then offers only what is always allowed). */
  readonly settings = signal<AuthSettingsDto | null>(null);

  load(): Promise<AuthSettingsDto | null> {
    this.pending ??= this.api.authSettings().then(
      (settings) => {
        this.settings.set(settings);
        return settings;
      },
      () => {
        this.pending = null;
        return null;
      },
    );
    return this.pending;
  }
}
