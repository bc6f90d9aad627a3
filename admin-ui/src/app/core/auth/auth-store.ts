import { Injectable, computed, inject, signal } from '@angular/core';
import { hasPermission, permissionsOf, type CurrentUser, type LoginRequest, type Permission } from '@orbit/contracts';
import { ApiClient } from '../api/api-client';

/**
 * The signed-in user and their access token. The token lives in memory only; the refresh token is an HttpOnly
 * cookie the browser sends to /api/auth/refresh, so a reload restores the session without exposing it to scripts.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(ApiClient);
  private readonly state = signal<{ user: CurrentUser; accessToken: string } | null>(null);

  readonly user = computed(() => this.state()?.user ?? null);
  readonly accessToken = computed(() => this.state()?.accessToken ?? null);
  readonly permissions = computed<ReadonlySet<Permission>>(() => {
    const user = this.user();
    return user
      ? permissionsOf(
          user.globalRole,
          user.teams.map((t) => t.role),
        )
      : new Set();
  });

  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  /** Whether the caller holds `permission` in one team: through their role there, or globally (global admins). */
  canInTeam(teamId: string, permission: Permission): boolean {
    const user = this.user();
    if (!user) return false;
    const teamRole = user.teams.find((team) => team.teamId === teamId)?.role;
    return hasPermission({ globalRole: user.globalRole, teamRole }, permission);
  }

  async login(credentials: LoginRequest): Promise<void> {
    const { accessToken, user } = await this.api.login(credentials);
    this.state.set({ accessToken, user });
  }

  private renewal: Promise<string | null> | null = null;

  /** Tries the refresh cookie; staying signed out is the normal outcome when there is none. */
  async restore(): Promise<void> {
    await this.renew();
  }

  /**
   * A new access token from the refresh cookie, or null when the session is over. Concurrent callers share one
   * request: the refresh token rotates, so two parallel refreshes would end the session as a replay.
   */
  renew(): Promise<string | null> {
    this.renewal ??= this.api
      .refresh()
      .then(({ accessToken, user }) => {
        this.state.set({ accessToken, user });
        return accessToken;
      })
      .catch(() => {
        this.state.set(null);
        return null;
      })
      .finally(() => (this.renewal = null));
    return this.renewal;
  }

  /** Replaces the signed-in user after a change to their profile, keeping the session. */
  setUser(user: CurrentUser): void {
    this.state.update((state) => (state ? { ...state, user } : state));
  }

  /** Re-reads the caller after a change to their memberships, which changes what the console shows them. */
  async reloadUser(): Promise<void> {
    this.setUser(await this.api.me());
  }

  async logout(): Promise<void> {
    try {
      await this.api.logout();
    } finally {
      this.state.set(null);
    }
  }
}
