import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { InstallationDto, UpdateInstallationRequest } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { AuthStore } from '../../core/auth/auth-store';
import { FormSubmission } from '../../core/forms/form-submission';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { LoadState, loadFor } from '../../core/ui/load-state';
import { Notifier } from '../../core/ui/notifier';
import { StatusChip } from '../../core/ui/status-chip';
import { InstallationSettings } from '../config-values/installation-settings';
import {
  fieldsOf,
  locksForm,
  settingsControlFor,
  valuesForm,
  writeValues,
  type LocksForm,
  type ValuesForm,
} from '../config-values/config-values';
import { INSTALLATION_NOT_FOUND, upstreamLabel } from '../installation-data';
import { MemberConfigs } from './member-configs';
import { ToolPolicy } from './tool-policy';

/**
 * One installation (`/teams/:teamId/installations/:installationId`): its status and what is missing, the team's
 * values and locks, the tool policy and each member's setup. Team admins edit; members read what the API shows them.
 * Test ids: `installation-error`, `installation-title`, `installation-my-config`, `installation-toggle`,
 * `installation-uninstall`, `installation-status`, `installation-update-available`, `installation-upstream-status`,
 * `installation-missing`, `installation-save-error`, `installation-save`, and those of InstallationSettings (prefix
 * `installation`), ToolPolicy and MemberConfigs.
 */
@Component({
  selector: 'orbit-installation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    StatusChip,
    InstallationSettings,
    ToolPolicy,
    MemberConfigs,
  ],
  templateUrl: './installation-page.html',
  styleUrl: './installation-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstallationPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  /** Bound from the route. */
  readonly teamId = input.required<string>();
  readonly installationId = input.required<string>();

  protected readonly installation = signal<InstallationDto | null>(null);
  protected readonly state = new LoadState(INSTALLATION_NOT_FOUND);
  protected readonly upstreamLabel = upstreamLabel;
  protected readonly toggling = signal(false);
  protected readonly values = signal<ValuesForm>(valuesForm([]));
  protected readonly locks = signal<LocksForm>(locksForm([]));
  protected readonly disabledTools = signal(new FormControl<string[]>([], { nonNullable: true }));
  protected readonly form = new FormGroup({ config: this.values(), locks: this.locks(), tools: this.disabledTools() });
  protected readonly submission = new FormSubmission(this.form);

  protected readonly canManage = computed(() => this.auth.canInTeam(this.teamId(), 'installations:manage'));
  protected readonly hasOwnConfig = computed(() => this.auth.canInTeam(this.teamId(), 'user-config:manage-own'));
  /** Members see only the team values marked visible (the API leaves the others out), and no secrets. */
  protected readonly teamFields = computed(() => {
    const installation = this.installation();
    if (!installation) return [];
    const manage = this.canManage();
    return fieldsOf(installation.definition, ['team'], (f) => manage || f.element.visibleToUsers === true);
  });
  protected readonly userFields = computed(() => {
    const installation = this.installation();
    return installation ? fieldsOf(installation.definition, ['user']) : [];
  });

  constructor() {
    loadFor(
      () => [this.teamId(), this.installationId()] as const,
      ([teamId, installationId]) => this.load(teamId, installationId),
    );
  }

  protected async save(): Promise<void> {
    const installation = this.installation();
    if (!installation) return;
    const body: UpdateInstallationRequest = {
      config: writeValues([...this.teamFields(), ...this.userFields()], this.values(), installation.config),
      locks: this.locks().getRawValue(),
      toolPolicy: { disabled: this.disabledTools().value },
    };
    await this.submission.submit(
      async () => {
        this.show(await this.api.updateInstallation(this.teamId(), installation.id, body));
        this.notifier.success('Saved');
      },
      { controlFor: (field) => this.controlFor(field) },
    );
  }

  protected async setDisabled(disabled: boolean): Promise<void> {
    const installation = this.installation();
    if (!installation || this.toggling()) return;
    this.toggling.set(true);
    try {
      this.show(await this.api.updateInstallation(this.teamId(), installation.id, { disabled }));
      this.notifier.success(disabled ? `Disabled ${installation.slug}` : `Enabled ${installation.slug}`);
    } catch (err) {
      this.notifier.error(err);
    } finally {
      this.toggling.set(false);
    }
  }

  protected async uninstall(): Promise<void> {
    const installation = this.installation();
    if (!installation) return;
    const confirmed = await confirmAction(this.dialog, {
      title: 'Uninstall',
      message: `Uninstall ${installation.slug}? Its running servers stop, and the team's and members' values for it are deleted.`,
      confirmLabel: 'Uninstall',
    });
    if (!confirmed) return;
    try {
      await this.api.deleteInstallation(this.teamId(), installation.id);
      this.notifier.success(`Uninstalled ${installation.slug}`);
      await this.router.navigate(['/installations'], { queryParams: { teamId: this.teamId() } });
    } catch (err) {
      this.notifier.error(err);
    }
  }

  private controlFor(field: string): AbstractControl | null {
    return (
      settingsControlFor(this.values(), this.locks(), field) ?? (field.startsWith('toolPolicy') ? this.disabledTools() : null)
    );
  }

  /** Shows an installation as stored, with fresh inputs: secrets empty again, values and locks as saved. */
  private show(installation: InstallationDto): void {
    this.installation.set(installation);
    const fields = [...this.teamFields(), ...this.userFields()];
    this.values.set(valuesForm(fields, installation.config));
    this.locks.set(locksForm(fields, installation.locks));
    this.disabledTools.set(new FormControl([...installation.toolPolicy.disabled], { nonNullable: true }));
    this.form.setControl('config', this.values());
    this.form.setControl('locks', this.locks());
    this.form.setControl('tools', this.disabledTools());
  }

  private async load(teamId: string, installationId: string): Promise<void> {
    const installation = await this.state.run(() => this.api.getInstallation(teamId, installationId));
    if (installation) this.show(installation);
  }
}
