import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TRANSPORT_TYPES, type CatalogQuery, type CatalogServerDto, type TeamDto, type TransportType } from '@orbit/contracts';
import { debounceTime, distinctUntilChanged, map, merge } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { AuthStore } from '../../core/auth/auth-store';
import { PagedFooter } from '../../core/ui/paged-footer';
import { PagedList } from '../../core/ui/paged-list';
import { RowLink } from '../../core/ui/row-link';
import { StatusChip } from '../../core/ui/status-chip';
import { loadTeamOptions, sourceLabel } from '../catalog-data';

const PAGE_SIZE = 50;
const TYPING_DELAY_MS = 300;

/**
 * Browses the catalog: search, tag and transport filters, and "what can this team install".
 * Test ids: `catalog-create`, `catalog-search`, `catalog-tag`, `catalog-transport`, `catalog-team`, `catalog-clear`,
 * `catalog-row`, `catalog-source-chip`, `catalog-upstream-deleted`, `catalog-more`.
 */
@Component({
  selector: 'orbit-catalog-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    PagedFooter,
    RowLink,
    StatusChip,
  ],
  templateUrl: './catalog-page.html',
  styleUrl: './catalog-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CatalogPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** `?teamId=` preselects the team filter (the team page links here to browse what it can install). */
  readonly teamId = input<string>();

  protected readonly transportTypes = TRANSPORT_TYPES;
  protected readonly columns = ['title', 'source', 'transport', 'tags', 'status', 'version'];
  protected readonly sourceLabel = sourceLabel;
  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    tag: new FormControl('', { nonNullable: true }),
    transport: new FormControl<TransportType | ''>('', { nonNullable: true }),
    teamId: new FormControl('', { nonNullable: true }),
  });
  protected readonly teams = signal<TeamDto[]>([]);
  protected readonly entries = new PagedList<CatalogServerDto>();
  protected readonly canCreate = computed(() => this.auth.can('catalog:manage-global') || this.auth.can('catalog:manage-team'));

  ngOnInit(): void {
    this.filters.controls.teamId.setValue(this.teamId() ?? '', { emitEvent: false });
    const { q, tag, transport, teamId } = this.filters.controls;
    merge(
      q.valueChanges.pipe(debounceTime(TYPING_DELAY_MS)),
      tag.valueChanges.pipe(debounceTime(TYPING_DELAY_MS)),
      transport.valueChanges,
      teamId.valueChanges,
    )
      .pipe(
        map(() => JSON.stringify(this.query())),
        distinctUntilChanged(),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.load());
    void loadTeamOptions(this.api).then((teams) => this.teams.set(teams));
    this.load();
  }

  protected open(entry: CatalogServerDto): void {
    const teamId = this.filters.controls.teamId.value;
    void this.router.navigate(['/catalog', entry.id], teamId ? { queryParams: { teamId } } : {});
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  private query(): CatalogQuery {
    const { q, tag, transport, teamId } = this.filters.getRawValue();
    return { q: q.trim(), tag: tag.trim(), transport: transport || undefined, teamId };
  }

  /** Lists the entries that match the filters as they are now; "Load more" pages on through the same filters. */
  private load(): void {
    const query = this.query();
    void this.entries.load((cursor) => this.api.listCatalogServers({ ...query, limit: PAGE_SIZE, cursor }));
  }
}
