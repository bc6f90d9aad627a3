import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { HealthResponse } from '@orbit/contracts';
import { ApiClient } from '../core/api/api-client';
import { ApiError } from '../core/api/api-error';
import { AuthStore } from '../core/auth/auth-store';

@Component({
  selector: 'orbit-home-page',
  imports: [MatCardModule],
  template: `
    <h1>Welcome{{ user() ? ', ' + (user()?.name || user()?.email) : '' }}</h1>
    <mat-card appearance="outlined" class="status">
      <mat-card-header><mat-card-title>Control plane</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (health(); as h) {
          <p data-testid="health">Database: {{ h.checks.db }} · Redis: {{ h.checks.redis }}</p>
        } @else if (error()) {
          <p class="error">{{ error() }}</p>
        } @else {
          <p>Checking…</p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .status {
      max-width: 480px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage implements OnInit {
  private readonly api = inject(ApiClient);
  protected readonly user = inject(AuthStore).user;
  protected readonly health = signal<HealthResponse | null>(null);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.health.set(await this.api.health());
    } catch (err) {
      this.error.set(ApiError.from(err).message);
    }
  }
}
