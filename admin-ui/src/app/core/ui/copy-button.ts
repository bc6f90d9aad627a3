import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MatSnackBar } from '@angular/material/snack-bar';

/** An icon button that copies `text` to the clipboard and says whether it could. The test id goes on the button. */
@Component({
  selector: 'orbit-copy-button',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <button
      mat-icon-button
      type="button"
      (click)="copy()"
      [matTooltip]="label()"
      [attr.aria-label]="label()"
      [attr.data-testid]="testId()"
    >
      <mat-icon fontSet="material-symbols-outlined">content_copy</mat-icon>
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButton {
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);

  readonly text = input.required<string>();
  /** What is copied, for the tooltip and screen readers: `Copy client id`. */
  readonly label = input('Copy');
  readonly testId = input.required<string>();

  protected copy(): void {
    const copied = this.clipboard.copy(this.text());
    this.snackBar.open(copied ? 'Copied to the clipboard' : 'Could not copy: select the text and copy it by hand', undefined, {
      duration: 3000,
    });
  }
}
