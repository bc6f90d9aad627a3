import { ChangeDetectionStrategy, Component, computed, inject, input, signal, type OnInit } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatDividerModule } from '@angular/material/divider';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { SSO_ERROR_MESSAGES } from '@orbit/contracts';
import { ApiError } from '../core/api/api-error';
import { AuthSettings } from '../core/auth/auth-settings';
import { AuthStore } from '../core/auth/auth-store';
import { safeReturnUrl } from '../core/auth/return-url';
import { BrowserLocation } from '../core/ui/browser-location';

@Component({
  selector: 'orbit-login-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatDividerModule,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage implements OnInit {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly location = inject(BrowserLocation);
  private readonly authSettings = inject(AuthSettings);

  /** Bound from the query string by the router. */
  readonly returnUrl = input<string>();
  /** `?error=<code>`: where the backend sends a failed single sign-on. */
  readonly ssoErrorCode = input<string | undefined>(undefined, { alias: 'error' });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<Readonly<Record<string, string>>>({});
  protected readonly sso = computed(() => {
    const sso = this.authSettings.settings()?.sso;
    return sso?.enabled ? sso : null;
  });
  /** The password sign-in's own failure wins over the SSO error the page was opened with. */
  protected readonly message = computed(() => this.error() ?? ssoErrorMessage(this.ssoErrorCode()));

  ngOnInit(): void {
    void this.authSettings.load();
  }

  protected signInWithSso(): void {
    // A full-page navigation: the backend redirects to the identity provider and back to the console, at the page
    // the user was going to (the backend checks the path again).
    const target = safeReturnUrl(this.returnUrl());
    this.location.assign(target ? `/api/auth/sso?returnUrl=${encodeURIComponent(target)}` : '/api/auth/sso');
  }

  protected async signIn(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set({});
    try {
      await this.auth.login(this.form.getRawValue());
      // Only same-app paths: a crafted ?returnUrl must not send a user to another site.
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? '/');
    } catch (err) {
      const apiError = ApiError.from(err);
      this.error.set(apiError.message);
      this.fieldErrors.set(apiError.fieldErrors);
    } finally {
      this.busy.set(false);
    }
  }
}

function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(SSO_ERROR_MESSAGES, code)
    ? SSO_ERROR_MESSAGES[code as keyof typeof SSO_ERROR_MESSAGES]
    : 'Single sign-on failed. Please try again.';
}
