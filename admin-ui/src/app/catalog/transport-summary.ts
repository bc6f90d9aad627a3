import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Transport } from '@orbit/contracts';

/** How a server runs: its command and package, or its remote URL. */
@Component({
  selector: 'orbit-transport-summary',
  template: `
    @let t = transport();
    <dl data-testid="transport-summary">
      <dt>Transport</dt>
      <dd>{{ t.type }}</dd>
      @if (t.type === 'stdio') {
        <dt>Command</dt>
        <dd>
          <code>{{ t.command }}</code>
        </dd>
        @if (t.package; as pkg) {
          <dt>Package</dt>
          <dd>
            <code>{{ pkg.identifier }}{{ pkg.version ? '@' + pkg.version : '' }}</code>
            <span class="orbit-muted"> ({{ pkg.registryType }})</span>
          </dd>
        }
      } @else {
        <dt>URL</dt>
        <dd>
          <code>{{ t.url }}</code>
        </dd>
      }
    </dl>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransportSummary {
  readonly transport = input.required<Transport>();
}
