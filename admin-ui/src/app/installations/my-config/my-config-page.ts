import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { EffectiveConfigDto, InstallationDto, UserConfigDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { FormSubmission } from '../../core/forms/form-submission';
import { LoadState, loadFor } from '../../core/ui/load-state';
import { Notifier } from '../../core/ui/notifier';
import { ConfigValuesEditor } from '../config-values/config-values-editor';
import { fieldsOf, valueControlFor, valuesForm, writeValues, type ValuesForm } from '../config-values/config-values';
import { INSTALLATION_NOT_FOUND } from '../installation-data';
import { EffectiveConfigView } from './effective-config-view';

/**
 * The caller's own settings for one installation (`…/installations/:installationId/my-config`): the keys they may
 * set, secrets write-only, then the merged configuration that runs for them, masked.
 */
@Component({
  selector: 'orbit-my-config-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ConfigValuesEditor,
    EffectiveConfigView,
  ],
  templateUrl: './my-config-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyConfigPage {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);

  /** Bound from the route. */
  readonly teamId = input.required<string>();
  readonly installationId = input.required<string>();

  protected readonly installation = signal<InstallationDto | null>(null);
  protected readonly userConfig = signal<UserConfigDto | null>(null);
  protected readonly effective = signal<EffectiveConfigDto | null>(null);
  protected readonly state = new LoadState(INSTALLATION_NOT_FOUND);
  protected readonly values = signal<ValuesForm>(valuesForm([]));
  protected readonly form = new FormGroup({ values: this.values() });
  protected readonly submission = new FormSubmission(this.form);

  /** The elements the caller may set: their unlocked user-tier ones and the team ones they may override. */
  protected readonly fields = computed(() => {
    const installation = this.installation();
    const editable = new Set(this.userConfig()?.editable ?? []);
    return installation ? fieldsOf(installation.definition, ['team', 'user'], (f) => editable.has(f.key)) : [];
  });

  constructor() {
    loadFor(
      () => [this.teamId(), this.installationId()] as const,
      ([teamId, installationId]) => this.load(teamId, installationId),
    );
  }

  protected async save(): Promise<void> {
    const stored = this.userConfig()?.values ?? {};
    const body = writeValues(this.fields(), this.values(), stored);
    await this.submission.submit(
      async () => {
        this.showValues(await this.api.putUserConfig(this.teamId(), this.installationId(), body));
        this.notifier.success('Your settings are saved');
        this.effective.set(await this.api.getEffectiveConfig(this.teamId(), this.installationId()));
      },
      { controlFor: (field) => valueControlFor(this.values(), field.replace(/^(config|values)\./, '')) },
    );
  }

  /** Fresh inputs for what is stored: secrets empty again, the rest as saved. */
  private showValues(userConfig: UserConfigDto): void {
    this.userConfig.set(userConfig);
    this.values.set(valuesForm(this.fields(), userConfig.values));
    this.form.setControl('values', this.values());
  }

  private async load(teamId: string, installationId: string): Promise<void> {
    const loaded = await this.state.run(() =>
      Promise.all([
        this.api.getInstallation(teamId, installationId),
        this.api.getUserConfig(teamId, installationId),
        this.api.getEffectiveConfig(teamId, installationId),
      ]),
    );
    if (!loaded) return;
    const [installation, userConfig, effective] = loaded;
    this.installation.set(installation);
    this.showValues(userConfig);
    this.effective.set(effective);
  }
}
