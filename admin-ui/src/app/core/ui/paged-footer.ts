import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PagedList } from './paged-list';

/** Under a paged table: how many items of the total are shown, and "Load more" while there are more. */
@Component({
  selector: 'orbit-paged-footer',
  imports: [MatButtonModule],
  template: `
    <span class="orbit-muted">{{ list().items().length }} of {{ list().total() }}</span>
    @if (list().nextCursor()) {
      <button mat-stroked-button (click)="list().loadMore()" [disabled]="list().loading()" [attr.data-testid]="moreTestId()">
        Load more
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 12px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagedFooter {
  readonly list = input.required<PagedList<unknown>>();
  readonly moreTestId = input.required<string>();
}
