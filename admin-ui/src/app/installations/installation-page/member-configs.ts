import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { MemberConfigStateDto } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { PagedFooter } from '../../core/ui/paged-footer';
import { loadFor } from '../../core/ui/load-state';
import { PagedList } from '../../core/ui/paged-list';
import { StatusChip } from '../../core/ui/status-chip';

const PAGE_SIZE = 100;

/** Team admins: which member settings each member has set (never the values), and whose setup is incomplete. */
@Component({
  selector: 'orbit-member-configs',
  imports: [MatTableModule, MatProgressBarModule, PagedFooter, StatusChip],
  template: `
    @if (members.error(); as msg) {
      <p class="orbit-inline-error" role="alert">{{ msg }}</p>
    }
    <div class="orbit-table-frame">
      @if (members.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="members.items()">
        <ng-container matColumnDef="member">
          <th mat-header-cell *matHeaderCellDef>Member</th>
          <td mat-cell *matCellDef="let member">
            <div>{{ member.name || member.email }}</div>
            <div class="orbit-muted">{{ member.email }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let member"><orbit-status-chip [status]="member.status" /></td>
        </ng-container>
        <ng-container matColumnDef="set">
          <th mat-header-cell *matHeaderCellDef>Has set</th>
          <td mat-cell *matCellDef="let member">{{ member.set.join(', ') || '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="missing">
          <th mat-header-cell *matHeaderCellDef>Missing</th>
          <td mat-cell *matCellDef="let member">{{ member.missing.join(', ') || '—' }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let member; columns: columns" data-testid="member-config-row"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell orbit-empty" [attr.colspan]="columns.length">
            {{ members.loading() ? 'Loading…' : 'No members.' }}
          </td>
        </tr>
      </table>
    </div>
    <orbit-paged-footer [list]="members" moreTestId="member-configs-more" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MemberConfigs {
  private readonly api = inject(ApiClient);

  readonly teamId = input.required<string>();
  readonly installationId = input.required<string>();
  /** The installation's `updatedAt`: a change to it (new locks, values, version) may change every member's status. */
  readonly changedAt = input<string>();

  protected readonly columns = ['member', 'status', 'set', 'missing'];
  protected readonly members = new PagedList<MemberConfigStateDto>();

  constructor() {
    loadFor(
      () => [this.teamId(), this.installationId(), this.changedAt()] as const,
      ([teamId, installationId]) =>
        this.members.load((cursor) => this.api.listMemberConfigs(teamId, installationId, { limit: PAGE_SIZE, cursor })),
    );
  }
}
