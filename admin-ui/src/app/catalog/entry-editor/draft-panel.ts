import { ChangeDetectionStrategy, Component, Injector, afterNextRender, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { CatalogDraftDto, CatalogDraftRequest } from '@orbit/contracts';
import { ApiClient } from '../../core/api/api-client';
import { ApiError } from '../../core/api/api-error';
import { FormSubmission } from '../../core/forms/form-submission';
import { fieldError } from '../../core/forms/server-errors';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The pasted text as a JSON object, or the reason it is not one. */
export function parsePasted(text: string): { value: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'This is not valid JSON: check the pasted text' };
  }
  return isRecord(value) ? { value } : { problem: 'Paste a JSON object: {"mcpServers": {…}} or a server.json' };
}

/**
 * Tells a registry server.json (it has `packages` or `remotes`, or holds one under `server` as the registry API's
 * items do) from a Claude Desktop config (`{mcpServers: {…}}` or a single `{command, args, env}` / `{url, headers}`).
 */
export function draftRequestFor(pasted: Record<string, unknown>, serverKey = ''): CatalogDraftRequest {
  const serverJson = !('mcpServers' in pasted) && ('packages' in pasted || 'remotes' in pasted || isRecord(pasted['server']));
  if (serverJson) return { serverJson: pasted };
  return { claudeDesktopConfig: pasted, ...(serverKey ? { serverKey } : {}) };
}

const pastedObject: ValidatorFn = (control) => {
  const text = String(control.value ?? '');
  if (!text.trim()) return null;
  const parsed = parsePasted(text);
  return 'problem' in parsed ? { json: parsed.problem } : null;
};

/** The server's way of asking which `mcpServers` entry to use: `choose one of: a, b`. */
const CHOOSE_ONE = /^choose one of: (.+)$/;

/**
 * The admin schema workflow's first step on a new entry: paste a Claude Desktop config or a registry server.json and
 * let the backend propose the entry, which the editor then shows for review. Nothing is saved here. The pasted text
 * may hold real secrets: it lives only in this form, is never stored, and is cleared once a proposal arrives.
 */
@Component({
  selector: 'orbit-draft-panel',
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule],
  templateUrl: './draft-panel.html',
  styleUrl: './draft-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DraftPanel {
  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);

  /** A proposal for the editor to load. */
  readonly proposed = output<CatalogDraftDto>();

  protected readonly fieldError = fieldError;
  protected readonly form = new FormGroup({
    pasted: new FormControl('', { nonNullable: true, validators: [Validators.required, pastedObject] }),
    serverKey: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly open = signal(true);
  /** The servers of a pasted config that holds several, once the backend has asked which one to use. */
  protected readonly serverKeys = signal<readonly string[]>([]);

  constructor() {
    // The keys name the servers of the text they came from; another text asks again.
    this.form.controls.pasted.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      if (!this.serverKeys().length) return;
      this.serverKeys.set([]);
      this.form.controls.serverKey.setValue('');
    });
  }

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  protected pastedError(): string | null {
    const control = this.form.controls.pasted;
    return (
      fieldError(control, { required: 'Paste a Claude Desktop config or a server.json first' }) ??
      (control.getError('json') as string | null)
    );
  }

  protected async propose(): Promise<void> {
    await this.submission.submit(() => this.send(), {
      controlFor: (field) =>
        field === 'serverKey' && this.serverKeys().length ? this.form.controls.serverKey : this.form.controls.pasted,
    });
  }

  private async send(): Promise<void> {
    const { pasted, serverKey } = this.form.getRawValue();
    const parsed = parsePasted(pasted);
    if ('problem' in parsed) return; // the validator has kept such a text from being sent
    let draft: CatalogDraftDto;
    try {
      draft = await this.api.proposeCatalogDraft(draftRequestFor(parsed.value, serverKey));
    } catch (err) {
      const error = ApiError.from(err);
      const keys = CHOOSE_ONE.exec(error.fieldErrors['serverKey'] ?? '')?.[1];
      if (keys) {
        this.serverKeys.set(keys.split(', '));
        // A control bound to a new input is revalidated, which would drop the server's message: show the select first.
        await new Promise<void>((resolve) => afterNextRender(() => resolve(), { injector: this.injector }));
      }
      throw error;
    }
    this.form.reset();
    this.open.set(false);
    this.proposed.emit(draft);
  }
}
