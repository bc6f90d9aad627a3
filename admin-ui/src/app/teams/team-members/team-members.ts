import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroupDirective } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TEAM_ROLES, type MemberDto, type TeamRole } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { FormSubmission } from '../../core/forms/form-submission';
import { EMAIL_ERRORS, fieldError } from '../../core/forms/server-errors';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { Notifier } from '../../core/ui/notifier';
import { PagedList } from '../../core/ui/paged-list';
import { TEAM_ROLE_LABELS, teamRoleLabel } from '../../core/ui/role-labels';

const PAGE_SIZE = 100;
const DEFAULT_ROLE: TeamRole = 'team_user';

export interface MembersChange {
  /** Whether the change was to the caller's own membership (their role here, or their leaving). */
  self: boolean;
  removed: boolean;
}

/** A team's members; adding, re-roling and removing them when `canManage`. */
@Component({
  selector: 'orbit-team-members',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    MatProgressBarModule,
  ],
  templateUrl: './team-members.html',
  styleUrl: './team-members.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamMembers {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  readonly teamId = input.required<string>();
  readonly canManage = input(false);
  readonly currentUserId = input<string | undefined>();
  readonly changed = output<MembersChange>();

  protected readonly roles = TEAM_ROLES;
  protected readonly roleLabels = TEAM_ROLE_LABELS;
  protected readonly roleLabel = teamRoleLabel;
  protected readonly fieldError = fieldError;
  protected readonly emailErrors = EMAIL_ERRORS;
  protected readonly columns = computed(() =>
    this.canManage() ? ['member', 'role', 'joined', 'actions'] : ['member', 'role', 'joined'],
  );
  protected readonly members = new PagedList<MemberDto>();

  protected readonly addForm = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    role: [DEFAULT_ROLE],
  });
  protected readonly adding = new FormSubmission(this.addForm);

  constructor() {
    effect(() => {
      const teamId = this.teamId();
      untracked(() => void this.members.load((cursor) => this.api.listMembers(teamId, { limit: PAGE_SIZE, cursor })));
    });
  }

  protected isMe(member: MemberDto): boolean {
    return member.userId === this.currentUserId();
  }

  /** Takes the form's directive so that a reset also clears its submitted state (else the emptied email shows as an error). */
  protected async add(formDirective: FormGroupDirective): Promise<void> {
    const { email, role } = this.addForm.getRawValue();
    await this.adding.submit(
      async () => {
        const member = await this.api.addMember(this.teamId(), { email: email.trim(), role });
        this.members.update((members) => [...members, member]);
        formDirective.resetForm({ email: '', role: DEFAULT_ROLE });
        this.notifier.success(`Added ${member.email}`);
        this.changed.emit({ self: this.isMe(member), removed: false });
      },
      // 404: no account has that email; 409 duplicate: already a member. Both are about the email typed.
      { blame: { field: 'email', when: (error) => error.status === 404 || error.code === 'duplicate' } },
    );
  }

  protected async changeRole(member: MemberDto, role: TeamRole): Promise<void> {
    try {
      const updated = await this.api.updateMember(this.teamId(), member.userId, { role });
      this.replace(member, updated);
      this.notifier.success(`${updated.email} is now ${TEAM_ROLE_LABELS[updated.role]}`);
      this.changed.emit({ self: this.isMe(member), removed: false });
    } catch (err) {
      // A fresh copy re-creates the row, putting the select back to the stored role.
      this.replace(member, { ...member });
      this.notifier.error(err);
    }
  }

  protected async remove(member: MemberDto): Promise<void> {
    const self = this.isMe(member);
    const confirmed = await confirmAction(this.dialog, {
      title: self ? 'Leave team' : 'Remove member',
      message: self
        ? 'Leave this team? You lose access to its MCP servers.'
        : `Remove ${member.email} from this team? Their running MCP servers for this team stop.`,
      confirmLabel: self ? 'Leave' : 'Remove',
    });
    if (!confirmed) return;
    try {
      await this.api.removeMember(this.teamId(), member.userId);
      this.members.update((members) => members.filter((m) => m.userId !== member.userId));
      this.notifier.success(self ? 'You left the team' : `Removed ${member.email}`);
      this.changed.emit({ self, removed: true });
    } catch (err) {
      this.notifier.error(err);
    }
  }

  private replace(old: MemberDto, updated: MemberDto): void {
    this.members.update((members) => members.map((m) => (m.userId === old.userId ? updated : m)));
  }
}
