import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { CatalogServerDto, CatalogVersionDto, CreateInstallationRequest } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { AuthStore } from '../../core/auth/auth-store';
import { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';
import { LoadState, loadFor } from '../../core/ui/load-state';
import { Notifier } from '../../core/ui/notifier';
import { latestVersion, loadEntry } from '../../catalog/catalog-data';
import { TransportSummary } from '../../catalog/transport-summary';
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

const SLUG_PATTERN = /^[a-z0-9-]{1,32}$/;

/** The slug the API derives from a name when none is given: `io.github.acme/server-files` → `server-files`. */
export function slugFrom(name: string): string {
  const last = name.split('/').pop() ?? name;
  return last
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
}

/**
 * Installs a catalog entry in a team (`/teams/:teamId/install/:serverId?version=`): the version, a slug, the team's
 * values (secrets write-only) and which member settings are locked, then opens the new installation.
 */
@Component({
  selector: 'orbit-install-wizard',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    InstallationSettings,
    TransportSummary,
  ],
  templateUrl: './install-wizard.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstallWizard {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  /** Bound from the route. */
  readonly teamId = input.required<string>();
  readonly serverId = input.required<string>();
  /** `?version=`: the version chosen on the entry's page. */
  readonly version = input<string>();

  protected readonly fieldError = fieldError;
  protected readonly server = signal<CatalogServerDto | null>(null);
  protected readonly versions = signal<CatalogVersionDto[]>([]);
  protected readonly state = new LoadState('This catalog entry does not exist or is not available to this team.');
  protected readonly selected = signal<CatalogVersionDto | null>(null);
  protected readonly values = signal<ValuesForm>(valuesForm([]));
  protected readonly locks = signal<LocksForm>(locksForm([]));

  protected readonly form = new FormGroup({
    version: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    slug: new FormControl('', { nonNullable: true, validators: [Validators.pattern(SLUG_PATTERN)] }),
    config: this.values(),
    locks: this.locks(),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected readonly canInstall = computed(() => this.auth.canInTeam(this.teamId(), 'installations:manage'));
  protected readonly teamName = computed(
    () => this.auth.user()?.teams.find((t) => t.teamId === this.teamId())?.teamName ?? 'the team',
  );
  protected readonly teamFields = computed(() => {
    const version = this.selected();
    return version ? fieldsOf(version.config, ['team']) : [];
  });
  protected readonly userFields = computed(() => {
    const version = this.selected();
    return version ? fieldsOf(version.config, ['user']) : [];
  });
  protected readonly slugPlaceholder = computed(() => slugFrom(this.server()?.name ?? ''));

  constructor() {
    loadFor(this.serverId, (serverId) => this.load(serverId));
    this.form.controls.version.valueChanges.subscribe((id) => this.select(id));
  }

  protected async install(): Promise<void> {
    const version = this.selected();
    if (!version) return;
    const fields = [...this.teamFields(), ...this.userFields()];
    const { slug } = this.form.getRawValue();
    const config = writeValues(fields, this.values());
    const locks = this.locks().getRawValue();
    const body: CreateInstallationRequest = {
      serverId: this.serverId(),
      version: version.version,
      ...(slug ? { slug } : {}),
      ...(Object.keys(config).length ? { config } : {}),
      ...(Object.keys(locks).length ? { locks } : {}),
    };
    await this.submission.submit(
      async () => {
        const installation = await this.api.createInstallation(this.teamId(), body);
        this.notifier.success(`Installed ${installation.serverTitle} as ${installation.slug}`);
        await this.router.navigate(['/teams', this.teamId(), 'installations', installation.id]);
      },
      {
        controlFor: (field) => this.controlFor(field),
        blame: { field: 'slug', when: (error) => error.code === 'duplicate' },
      },
    );
  }

  private controlFor(field: string): AbstractControl | null {
    return settingsControlFor(this.values(), this.locks(), field) ?? this.form.get(field);
  }

  /** Rebuilds the value and lock inputs for a version: each version has its own definition. */
  private select(versionId: string): void {
    const version = this.versions().find((v) => v.id === versionId) ?? null;
    this.selected.set(version);
    const fields = version ? fieldsOf(version.config, ['team', 'user']) : [];
    this.values.set(valuesForm(fields));
    this.locks.set(locksForm(fields));
    this.form.setControl('config', this.values());
    this.form.setControl('locks', this.locks());
  }

  private async load(serverId: string): Promise<void> {
    const entry = await this.state.run(() => loadEntry(this.api, serverId));
    if (!entry) return;
    this.server.set(entry.server);
    this.versions.set(entry.versions.filter((v) => v.status !== 'deleted' && v.status !== 'disabled'));
    const wanted = this.versions().find((v) => v.version === this.version()) ?? latestVersion(entry.server, this.versions());
    this.form.controls.version.setValue(wanted?.id ?? '');
  }
}
