import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { GLOBAL_ROLES, type GlobalRole, type UserDto } from '@orbit/contracts';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { AuthStore } from '../core/auth/auth-store';
import { confirmAction } from '../core/ui/confirm-dialog';
import { Notifier } from '../core/ui/notifier';
import { PagedList } from '../core/ui/paged-list';
import { GLOBAL_ROLE_LABELS } from '../core/ui/role-labels';
import { UserCreateDialog } from './user-create-dialog/user-create-dialog';

const PAGE_SIZE = 50;

@Component({
  selector: 'orbit-users-page',
  imports: [
    ReactiveFormsModule,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTooltipModule,
    MatProgressBarModule,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage implements OnInit {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly me = inject(AuthStore).user;
  protected readonly roles = GLOBAL_ROLES;
  protected readonly roleLabels = GLOBAL_ROLE_LABELS;
  protected readonly columns = ['email', 'name', 'role', 'active', 'signIn', 'actions'];
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly users = new PagedList<UserDto>();

  ngOnInit(): void {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.load());
    this.load();
  }

  protected async openCreateDialog(): Promise<void> {
    const ref = this.dialog.open<UserCreateDialog, void, UserDto>(UserCreateDialog, { autoFocus: 'first-tabbable' });
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.users.update((users) => [created, ...users]);
    this.notifier.success(`Created ${created.email}`);
  }

  protected isMe(user: UserDto): boolean {
    return user.id === this.me()?.id;
  }

  protected signInMethods(user: UserDto): string {
    const methods = [user.hasPassword && 'Password', user.ssoLinked && 'SSO'].filter(Boolean);
    return methods.length ? methods.join(' · ') : 'SSO (not yet linked)';
  }

  protected changeRole(user: UserDto, globalRole: GlobalRole): Promise<void> {
    return this.update(user, { globalRole }, `${user.email} is now ${GLOBAL_ROLE_LABELS[globalRole]}`);
  }

  protected setActive(user: UserDto, active: boolean): Promise<void> {
    return this.update(user, { disabled: !active }, active ? `Enabled ${user.email}` : `Disabled ${user.email}`);
  }

  protected async remove(user: UserDto): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'Delete user',
      message: `Delete ${user.email}? Their sessions end, they leave every team, and teams where they are the only member are deleted.`,
      confirmLabel: 'Delete',
    });
    if (!confirmed) return;
    try {
      await this.api.deleteUser(user.id);
      this.users.update((users) => users.filter((u) => u.id !== user.id));
      this.notifier.success(`Deleted ${user.email}`);
    } catch (err) {
      this.notifier.error(err);
    }
  }

  /** Lists the users that match the search as it is now; "Load more" pages on through the same search. */
  private load(): void {
    const q = this.search.value.trim();
    void this.users.load((cursor) => this.api.listUsers({ q, limit: PAGE_SIZE, cursor }));
  }

  private async update(user: UserDto, change: Partial<Pick<UserDto, 'globalRole' | 'disabled'>>, done: string): Promise<void> {
    try {
      this.replace(user, await this.api.updateUser(user.id, change));
      this.notifier.success(done);
    } catch (err) {
      // A fresh copy re-creates the row, putting the select or toggle back to the stored value.
      this.replace(user, { ...user });
      this.notifier.error(err);
    }
  }

  private replace(old: UserDto, updated: UserDto): void {
    this.users.update((users) => users.map((u) => (u.id === old.id ? updated : u)));
  }
}
