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
import { PagedList } from '../core/ui/paged-list';
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
  protected readonly events = new PagedList<AuditEventDto>();
  protected readonly expandedId = signal<string | null>(null);

  ngOnInit(): void {
    void this.loadTeams();
    this.load({});
  }

  protected applyFilters(): void {
    const { teamId, actor, action, from, to } = this.filters.getRawValue();
    if (from && to && from > to) {
      this.events.showError('The start date is after the end date.');
      return;
    }
    this.load({
      teamId: teamId || undefined,
      actor: actor.trim() || undefined,
      action: action.trim() || undefined,
      from: from ? startOfDayIso(from) : undefined,
      to: to ? endOfDayIso(to) : undefined,
    });
  }

  protected clearFilters(): void {
    this.filters.reset();
    this.applyFilters();
  }

  protected toggle(event: AuditEventDto): void {
    this.expandedId.update((id) => (id === event.id ? null : event.id));
  }

  protected teamLabel(teamId: string | null): string {
    if (!teamId) return '—';
    return this.teamNames().get(teamId) ?? teamId;
  }

  /** Lists the events that match `query`; "Load more" pages on through the same query. */
  private load(query: AuditQuery): void {
    void this.events.load((cursor) => this.api.listAuditEvents({ ...query, limit: PAGE_SIZE, cursor }));
  }

  private async loadTeams(): Promise<void> {
    try {
      this.teams.set((await this.api.listTeams({ limit: TEAM_OPTIONS_LIMIT })).items);
    } catch {
      // The team filter stays empty; events still load and show team ids.
    }
  }
}
