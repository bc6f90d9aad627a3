import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EffectiveConfigDto } from '@orbit/contracts';
import { StatusChip } from '../../core/ui/status-chip';

/** The caller's merged configuration as a satellite would run it, secrets masked, with its status and gaps. */
@Component({
  selector: 'orbit-effective-config-view',
  imports: [StatusChip],
  template: `
    @let c = config();
    <p class="status">
      <orbit-status-chip [status]="c.status" data-testid="effective-status" />
      @if (c.missing.length) {
        <span data-testid="effective-missing">
          Missing:
          @for (key of c.missing; track key) {
            <code>{{ key }}</code>
          }
        </span>
      }
    </p>
    @for (problem of c.invalid; track problem.key) {
      <p class="orbit-inline-error">
        <code>{{ problem.key }}</code>
        {{ problem.message }}
      </p>
    }
    <pre class="orbit-code-block" data-testid="effective-config">{{ readout() }}</pre>
  `,
  styles: `
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    code {
      margin-right: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EffectiveConfigView {
  readonly config = input.required<EffectiveConfigDto>();

  /** What runs: command, args and env for a local server; url, headers and query parameters for a remote one. */
  protected readonly readout = computed(() => {
    const { transportType, command, args, env, url, headers, queryParams } = this.config();
    const runs =
      transportType === 'stdio'
        ? { command, args: args ?? [], env: env ?? {} }
        : { url, headers: headers ?? {}, queryParams: queryParams ?? {} };
    return JSON.stringify(runs, null, 2);
  });
}
