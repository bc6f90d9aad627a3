import { Directive, input, output } from '@angular/core';

/**
 * A table row that opens what it shows, by mouse or keyboard: focusable, announced as a link named by the input,
 * and styled by the global `orbit-clickable-row`.
 */
@Directive({
  selector: '[orbitRowLink]',
  host: {
    class: 'orbit-clickable-row',
    tabindex: '0',
    role: 'link',
    '[attr.aria-label]': 'orbitRowLink()',
    '(click)': 'opened.emit()',
    '(keydown.enter)': 'opened.emit()',
  },
})
export class RowLink {
  /** What the row opens, for screen readers: `Open Filesystem`. */
  readonly orbitRowLink = input.required<string>();
  readonly opened = output();
}
