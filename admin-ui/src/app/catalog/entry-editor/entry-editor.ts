import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  CATALOG_STATUSES,
  PACKAGE_REGISTRY_TYPES,
  TRANSPORT_TYPES,
  type CatalogServerDto,
  type CreateCatalogVersionRequest,
  type TeamDto,
} from '@orbit/contracts';
import type { CatalogDraftDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { ApiError } from '../../core/api/api-error';
import { AuthStore } from '../../core/auth/auth-store';
import { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';
import { LoadState, loadFor } from '../../core/ui/load-state';
import { Notifier } from '../../core/ui/notifier';
import { latestVersion, loadEntry, loadTeamOptions } from '../catalog-data';
import {
  entryControlFor,
  entryForm,
  fieldLabel,
  fillEntryForm,
  loadEntryForm,
  toCreateRequest,
  toUpdateRequest,
  toVersionRequest,
} from './entry-form';
import { DraftPanel } from './draft-panel';
import { SchemaEditor } from './schema-editor';

/** Stands for "same as stored" when comparing a definition without its version number. */
const sameVersion = (body: CreateCatalogVersionRequest): string => JSON.stringify({ ...body, version: '' });

/**
 * Creates a catalog entry (`/catalog/new`) or edits one (`/catalog/:serverId/edit`). Editing changes the basic
 * info in place; a changed transport or definition is saved as a new version, since installations pin versions.
 */
@Component({
  selector: 'orbit-entry-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    SchemaEditor,
    DraftPanel,
  ],
  templateUrl: './entry-editor.html',
  styleUrl: './entry-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryEditor {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  /** Bound from the route in edit mode; absent for a new entry. */
  readonly serverId = input<string>();

  protected readonly transportTypes = TRANSPORT_TYPES;
  protected readonly registryTypes = PACKAGE_REGISTRY_TYPES;
  protected readonly statuses = CATALOG_STATUSES;
  protected readonly fieldError = fieldError;
  protected readonly form = entryForm();
  protected readonly submission = new FormSubmission(this.form);
  protected readonly transportType = toSignal(this.form.controls.transport.controls.type.valueChanges, {
    initialValue: this.form.controls.transport.controls.type.value,
  });

  protected readonly server = signal<CatalogServerDto | null>(null);
  protected readonly teams = signal<TeamDto[]>([]);
  protected readonly state = new LoadState('This catalog entry does not exist or is not available to you.');
  /** Whether the form holds what it should edit: at once for a new entry, after loading for an existing one. */
  protected readonly ready = signal(false);
  protected readonly editing = computed(() => this.serverId() !== undefined);
  protected readonly canCreateGlobal = computed(() => this.auth.can('catalog:manage-global'));
  /** Teams the caller may add a team-private entry to. */
  protected readonly ownerTeams = computed(() =>
    this.teams().filter((team) => this.auth.canInTeam(team.id, 'catalog:manage-team')),
  );
  /** The reviewer's notes of the last proposal loaded from a pasted config. */
  protected readonly draftNotes = signal<readonly string[]>([]);
  /** Whether the problems on show are a proposal's, not the server's answer to a save. */
  protected readonly showingProposal = signal(false);
  private stored: CreateCatalogVersionRequest | null = null;

  constructor() {
    loadFor(this.serverId, (serverId) => (serverId === undefined ? this.startNew() : this.load(serverId)));
  }

  protected label(field: string): string {
    return fieldLabel(this.form, field);
  }

  /** Loads a proposal for a pasted config for review, its problems on their fields; nothing is saved yet. */
  protected loadProposal(draft: CatalogDraftDto): void {
    const { notes, problems, ...entry } = draft;
    loadEntryForm(this.form, entry);
    this.draftNotes.set(notes);
    this.showingProposal.set(problems.length > 0);
    const controlFor = (field: string) => entryControlFor(this.form, field);
    // Clearing the last answer's messages also re-renders the schema editor with the new rows; their inputs
    // revalidate the controls they bind, so the proposal's messages go on once they are there.
    this.submission.showProblems([], { controlFor });
    if (problems.length) {
      afterNextRender(() => this.submission.showProblems(problems, { controlFor }), { injector: this.injector });
    }
  }

  protected async save(): Promise<void> {
    const serverId = this.serverId();
    this.showingProposal.set(false);
    await this.submission.submit(() => (serverId === undefined ? this.create() : this.update(serverId)), {
      controlFor: (field) => entryControlFor(this.form, field),
      blame: { field: 'name', when: (error) => error.code === 'duplicate' && !this.editing() },
    });
  }

  private async create(): Promise<void> {
    const created = await this.api.createCatalogServer(toCreateRequest(this.form));
    this.notifier.success(`Added ${created.title} to the catalog`);
    await this.router.navigate(['/catalog', created.id]);
  }

  private async update(serverId: string): Promise<void> {
    const next = toVersionRequest(this.form);
    if (this.stored && next.version !== this.stored.version) {
      await this.api.createCatalogVersion(serverId, next);
      this.stored = next;
    } else if (this.stored && sameVersion(next) !== sameVersion(this.stored)) {
      const message = 'A changed transport or configuration is saved as a new version: enter a new version number';
      throw new ApiError(400, message, { version: message });
    }
    const updated = await this.api.updateCatalogServer(serverId, toUpdateRequest(this.form));
    this.notifier.success(`Saved ${updated.title}`);
    await this.router.navigate(['/catalog', updated.id]);
  }

  private async startNew(): Promise<void> {
    this.ready.set(true);
    this.teams.set(await loadTeamOptions(this.api));
    if (!this.canCreateGlobal()) this.form.controls.teamId.setValue(this.ownerTeams()[0]?.id ?? '');
  }

  private async load(serverId: string): Promise<void> {
    const entry = await this.state.run(() => loadEntry(this.api, serverId));
    const version = entry && latestVersion(entry.server, entry.versions);
    if (!entry || !version) return;
    fillEntryForm(this.form, entry.server, version);
    this.form.controls.name.disable();
    this.stored = toVersionRequest(this.form);
    this.server.set(entry.server);
    this.ready.set(true);
  }
}
