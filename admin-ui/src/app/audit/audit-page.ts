import { JsonPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventDto, AuditQuery, TeamDto } from '@orbit/contracts';
import { ApiClient } from '../core/api/api-client';
import { ApiError } from '../core/api/api-error';
import { endOfDayIso, startOfDayIso } from './date-range';

const PAGE_SIZE = 50;
/** The API's largest page; the team filter lists this many of the caller's teams. */
const TEAM_OPTIONS_LIMIT = 100;

@Component({
  selector: 'orbit-audit-page',
  imports: [
    DatePipe,
    JsonPipe,
    ReactiveFormsModule,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly api = inject(ApiClient);
  /** Answers to an older query are dropped when the filters changed since. */
  private requestId = 0;
  private query: AuditQuery = {};

  protected readonly columns = ['time', 'actor', 'action', 'target', 'team', 'expand'];
  protected readonly filters = inject(FormBuilder).nonNullable.group({
    teamId: [''],
    actor: [''],
    action: [''],
    from: [''],
    to: [''],
  });
  protected readonly teams = signal<TeamDto[]>([]);
  protected readonly teamNames = computed(() => new Map(this.teams().map((team) => [team.id, team.name])));
  protected readonly events = signal<AuditEventDto[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | undefined>(undefined);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly expandedId = signal<string | null>(null);

  ngOnInit(): void {
    void this.loadTeams();
    void this.load();
  }

  protected applyFilters(): void {
    const { teamId, actor, action, from, to } = this.filters.getRawValue();
    if (from && to && from > to) {
      this.error.set('The start date is after the end date.');
      return;
    }
    this.query = {
      teamId: teamId || undefined,
      actor: actor.trim() || undefined,
      action: action.trim() || undefined,
      from: from ? startOfDayIso(from) : undefined,
      to: to ? endOfDayIso(to) : undefined,
    };
    void this.load();
  }

  protected clearFilters(): void {
    this.filters.reset();
    this.applyFilters();
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor) void this.load(cursor);
  }

  protected toggle(event: AuditEventDto): void {
    this.expandedId.update((id) => (id === event.id ? null : event.id));
  }

  protected teamLabel(teamId: string | null): string {
    if (!teamId) return '—';
    return this.teamNames().get(teamId) ?? teamId;
  }

  private async load(cursor?: string): Promise<void> {
    const id = ++this.requestId;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.listAuditEvents({ ...this.query, limit: PAGE_SIZE, cursor });
      if (id !== this.requestId) return;
      this.events.update((events) => (cursor ? [...events, ...page.items] : page.items));
      this.total.set(page.total);
      this.nextCursor.set(page.nextCursor);
    } catch (err) {
      if (id === this.requestId) this.error.set(ApiError.from(err).message);
    } finally {
      if (id === this.requestId) this.loading.set(false);
    }
  }

  private async loadTeams(): Promise<void> {
    try {
      this.teams.set((await this.api.listTeams({ limit: TEAM_OPTIONS_LIMIT })).items);
    } catch {
      // The team filter stays empty; events still load and show team ids.
    }
  }
}
