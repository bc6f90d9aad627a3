import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CONFIG_TARGETS, type ConfigDefinition, type ConfigElement, type ConfigTarget } from '@orbit/contracts';

interface TemplateRow {
  target: ConfigTarget;
  /** The variable name, or the argument's position. */
  name: string;
  value: string;
}

interface ElementRow {
  target: ConfigTarget;
  element: ConfigElement;
}

const tierRows = (elements: ConfigDefinition['team']): ElementRow[] =>
  CONFIG_TARGETS.flatMap((target) => (elements[target] ?? []).map((element) => ({ target, element })));

/** A version's configuration definition, read-only: template values, then team and user elements. */
@Component({
  selector: 'orbit-definition-view',
  templateUrl: './definition-view.html',
  styleUrl: './definition-view.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DefinitionView {
  readonly definition = input.required<ConfigDefinition>();

  protected readonly templateRows = computed<TemplateRow[]>(() => {
    const { template } = this.definition();
    const args = (template.args ?? []).map((value, i) => ({ target: 'args' as const, name: `#${i + 1}`, value }));
    const maps = (['env', 'headers', 'queryParams', 'url'] as const).flatMap((target) =>
      Object.entries(template[target] ?? {}).map(([name, value]) => ({ target, name, value })),
    );
    return [...args, ...maps];
  });
  protected readonly tiers = computed(() => [
    { tier: 'team', label: 'Team tier', rows: tierRows(this.definition().team) },
    { tier: 'user', label: 'User tier', rows: tierRows(this.definition().user) },
  ]);

  protected visibility(element: ConfigElement): string {
    if (element.type === 'secret') return 'Never shown';
    return element.visibleToUsers ? 'Visible to members' : 'Team admins only';
  }
}
