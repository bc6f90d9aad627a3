import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { hasPermission, type Permission, type TeamDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { ApiError } from '../../core/api/api-error';
import { AuthStore } from '../../core/auth/auth-store';
import { applyServerErrors, fieldError } from '../../core/forms/server-errors';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { Notifier } from '../../core/ui/notifier';
import { TEAM_ROLE_LABELS } from '../../core/ui/role-labels';
import { TeamLimits } from '../team-limits/team-limits';
import { TeamMembers, type MembersChange } from '../team-members/team-members';

@Component({
  selector: 'orbit-team-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTooltipModule,
    TeamMembers,
    TeamLimits,
  ],
  templateUrl: './team-page.html',
  styleUrl: './team-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  /** Bound from the route by the router. */
  readonly teamId = input.required<string>();

  protected readonly user = this.auth.user;
  protected readonly roleLabels = TEAM_ROLE_LABELS;
  protected readonly fieldError = fieldError;
  protected readonly team = signal<TeamDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  // Team permissions come from the caller's role in this team, not from their roles elsewhere.
  protected readonly canRename = computed(() => this.can('team:update'));
  protected readonly canDelete = computed(() => this.can('team:delete') && !this.team()?.personal);
  protected readonly canManageMembers = computed(() => this.can('team:members:manage') && !this.team()?.personal);
  protected readonly canEditLimits = computed(() => this.user()?.globalRole === 'global_admin');
  /** The team's client routes are its members' (admins see every client there); global admins use /oauth-clients. */
  protected readonly canSeeOAuthClients = computed(() => this.can('oauth-clients:manage-own'));

  protected readonly renaming = signal(false);
  protected readonly savingName = signal(false);
  protected readonly renameForm = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    effect(() => {
      const teamId = this.teamId();
      untracked(() => {
        this.team.set(null);
        this.renaming.set(false);
        void this.load(teamId);
      });
    });
  }

  private can(permission: Permission): boolean {
    const user = this.user();
    const team = this.team();
    return !!user && !!team && hasPermission({ globalRole: user.globalRole, teamRole: team.myRole }, permission);
  }

  private async load(teamId: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.team.set(await this.api.getTeam(teamId));
    } catch (err) {
      const error = ApiError.from(err);
      this.error.set(error.status === 404 ? 'This team does not exist, or you are not a member of it.' : error.message);
    } finally {
      this.loading.set(false);
    }
  }

  protected startRename(): void {
    this.renameForm.reset({ name: this.team()?.name ?? '' });
    this.renaming.set(true);
  }

  protected cancelRename(): void {
    this.renaming.set(false);
  }

  protected async saveName(): Promise<void> {
    const team = this.team();
    if (!team || this.renameForm.invalid || this.savingName()) {
      this.renameForm.markAllAsTouched();
      return;
    }
    const name = this.renameForm.controls.name.value.trim();
    if (name === team.name) {
      this.renaming.set(false);
      return;
    }
    this.savingName.set(true);
    try {
      this.team.set(await this.api.updateTeam(team.id, { name }));
      this.renaming.set(false);
      this.notifier.success('Team renamed');
      await this.reloadUser();
    } catch (err) {
      const error = ApiError.from(err);
      if (!applyServerErrors(this.renameForm, error)) this.notifier.error(error);
    } finally {
      this.savingName.set(false);
    }
  }

  protected async deleteTeam(): Promise<void> {
    const team = this.team();
    if (!team) return;
    const confirmed = await confirmAction(this.dialog, {
      title: 'Delete team',
      message: `Delete ${team.name}? Its installations, credentials and OAuth clients are removed and its members lose access.`,
      confirmLabel: 'Delete team',
    });
    if (!confirmed) return;
    try {
      await this.api.deleteTeam(team.id);
      this.notifier.success(`Deleted ${team.name}`);
      await this.reloadUser();
      await this.router.navigateByUrl('/teams');
    } catch (err) {
      this.notifier.error(err);
    }
  }

  protected async onMembersChanged(change: MembersChange): Promise<void> {
    if (change.self) await this.reloadUser();
    if (change.self && change.removed && this.user()?.globalRole !== 'global_admin') {
      await this.router.navigateByUrl('/teams');
      return;
    }
    // Member count, and the caller's own role when they changed it.
    await this.load(this.teamId());
  }

  protected onLimitsSaved(team: TeamDto): void {
    this.team.set(team);
  }

  /** Team names and roles shown elsewhere in the console come from the current user. */
  private async reloadUser(): Promise<void> {
    await this.auth.reloadUser().catch(() => undefined);
  }
}
