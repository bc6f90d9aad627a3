import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

type Tone = 'ok' | 'busy' | 'warn' | 'bad' | 'off';

const TONES: Readonly<Record<string, Tone>> = {
  ready: 'ok',
  active: 'ok',
  succeeded: 'ok',
  queued: 'busy',
  running: 'busy',
  incomplete: 'warn',
  awaiting_user_config: 'warn',
  deprecated: 'warn',
  failed: 'bad',
  disabled: 'off',
  deleted: 'off',
};

/**
 * A status word in a coloured chip: installation and effective-config statuses, catalog statuses, sync run statuses.
 * The text is the status itself with spaces for underscores, so that what tests and screen readers see matches the API.
 */
@Component({
  selector: 'orbit-status-chip',
  template: `{{ label() }}`,
  host: { '[class]': '"tone-" + tone()', '[attr.data-status]': 'status()' },
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font-size: 12px;
      font-weight: 500;
      white-space: nowrap;
    }
    :host::first-letter {
      text-transform: uppercase;
    }
    :host(.tone-ok) {
      background: #d7f5dd;
      color: #0b5a1e;
    }
    :host(.tone-busy) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.tone-warn) {
      background: #fff0c2;
      color: #6b4e00;
    }
    :host(.tone-bad) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.tone-off) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly status = input.required<string>();
  protected readonly label = computed(() => this.status().replace(/_/g, ' '));
  protected readonly tone = computed<Tone>(() => TONES[this.status()] ?? 'off');
}
