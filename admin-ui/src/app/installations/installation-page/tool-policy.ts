import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

/**
 * Which tools of an installation are turned off. Satellites report the tools they discover; until one has, the
 * list is empty and a team admin may still turn tools off by name.
 */
@Component({
  selector: 'orbit-tool-policy',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule],
  template: `
    <p class="orbit-muted" data-testid="tools-empty">No tools discovered yet.</p>
    @if (disabled().value.length) {
      <p>Turned off:</p>
      <ul class="tools">
        @for (tool of disabled().value; track tool) {
          <li data-testid="tool-disabled">
            <code>{{ tool }}</code>
            @if (!readonly()) {
              <button mat-icon-button type="button" (click)="enable(tool)" [attr.aria-label]="'Turn ' + tool + ' back on'">
                <mat-icon fontSet="material-symbols-outlined">close</mat-icon>
              </button>
            }
          </li>
        }
      </ul>
    }
    @if (!readonly()) {
      <div class="add">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Turn off a tool by name</mat-label>
          <input matInput [formControl]="name" (keydown.enter)="$event.preventDefault(); disable()" data-testid="tool-name" />
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="disable()" data-testid="tool-disable">Turn off</button>
      </div>
    }
  `,
  styles: `
    .tools {
      margin: 0 0 8px;
      padding-left: 20px;
    }
    .add {
      display: flex;
      align-items: center;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ToolPolicy {
  /** The names of the tools turned off; part of the page's form. */
  readonly disabled = input.required<FormControl<string[]>>();
  readonly readonly = input(false);

  protected readonly name = new FormControl('', { nonNullable: true });

  protected disable(): void {
    const tool = this.name.value.trim();
    const current = this.disabled().value;
    if (tool && !current.includes(tool)) this.disabled().setValue([...current, tool]);
    this.name.reset();
  }

  protected enable(tool: string): void {
    this.disabled().setValue(this.disabled().value.filter((t) => t !== tool));
  }
}
