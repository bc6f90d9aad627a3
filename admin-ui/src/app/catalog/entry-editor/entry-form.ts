import { FormControl, FormGroup, Validators, type AbstractControl } from '@angular/forms';
import type {
  CatalogServerDto,
  CatalogStatus,
  CatalogVersionDto,
  CreateCatalogServerRequest,
  CreateCatalogVersionRequest,
  PackageRegistryType,
  Transport,
  TransportType,
  UpdateCatalogServerRequest,
} from '@orbit/contracts';
import {
  PLACE_LABELS,
  definitionControlFor,
  definitionForm,
  resetDefinitionForm,
  toDefinition,
  type DefinitionForm,
} from './definition-form';

/** A catalog entry (basic info, transport, definition) as the editor edits it, mirroring the request body. */

export type TransportForm = FormGroup<{
  type: FormControl<TransportType>;
  command: FormControl<string>;
  url: FormControl<string>;
  package: FormGroup<{
    registryType: FormControl<PackageRegistryType>;
    identifier: FormControl<string>;
    version: FormControl<string>;
  }>;
}>;

export type EntryForm = FormGroup<{
  name: FormControl<string>;
  title: FormControl<string>;
  description: FormControl<string>;
  version: FormControl<string>;
  repository: FormControl<string>;
  /** Comma-separated. */
  tags: FormControl<string>;
  /** The owning team of a team-private entry; empty for a global one. */
  teamId: FormControl<string>;
  status: FormControl<CatalogStatus>;
  transport: TransportForm;
  config: DefinitionForm;
}>;

const text = (value = '', required = false) =>
  new FormControl(value, { nonNullable: true, validators: required ? [Validators.required] : [] });

export function entryForm(): EntryForm {
  const transport: TransportForm = new FormGroup({
    type: new FormControl<TransportType>('stdio', { nonNullable: true }),
    command: text('', true),
    url: text('', true),
    package: new FormGroup({
      registryType: new FormControl<PackageRegistryType>('npm', { nonNullable: true }),
      identifier: text(),
      version: text(),
    }),
  });
  // Only the fields of the chosen transport type count, so that a hidden one never blocks the form.
  const applyType = (type: TransportType): void => {
    const stdio = type === 'stdio';
    for (const [control, on] of [
      [transport.controls.command, stdio],
      [transport.controls.package, stdio],
      [transport.controls.url, !stdio],
    ] as const) {
      if (on) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
    }
  };
  applyType('stdio');
  transport.controls.type.valueChanges.subscribe(applyType);
  return new FormGroup({
    name: text('', true),
    title: text('', true),
    description: text(),
    version: text('', true),
    repository: text(),
    tags: text(),
    teamId: text(),
    status: new FormControl<CatalogStatus>('active', { nonNullable: true }),
    transport,
    config: definitionForm(),
  });
}

export function toTransport(form: TransportForm): Transport {
  const { type, command, url, package: pkg } = form.getRawValue();
  if (type !== 'stdio') return { type, url: url.trim() };
  if (!pkg.identifier.trim()) return { type, command: command.trim() };
  return {
    type,
    command: command.trim(),
    package: {
      registryType: pkg.registryType,
      identifier: pkg.identifier.trim(),
      ...(pkg.version.trim() ? { version: pkg.version.trim() } : {}),
    },
  };
}

function tagsOf(form: EntryForm): string[] {
  return form.controls.tags.value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

export function toCreateRequest(form: EntryForm): CreateCatalogServerRequest {
  const { name, title, description, version, repository, teamId } = form.getRawValue();
  const tags = tagsOf(form);
  return {
    name: name.trim(),
    title: title.trim(),
    description: description.trim(),
    version: version.trim(),
    transport: toTransport(form.controls.transport),
    config: toDefinition(form.controls.config),
    ...(repository.trim() ? { repository: repository.trim() } : {}),
    ...(tags.length ? { tags } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

export function toUpdateRequest(form: EntryForm): UpdateCatalogServerRequest {
  const { title, description, repository, status } = form.getRawValue();
  return {
    title: title.trim(),
    description: description.trim(),
    repository: repository.trim() || null,
    tags: tagsOf(form),
    status,
  };
}

export function toVersionRequest(form: EntryForm): CreateCatalogVersionRequest {
  return {
    version: form.controls.version.value.trim(),
    transport: toTransport(form.controls.transport),
    config: toDefinition(form.controls.config),
  };
}

/**
 * What fills the whole form: a create request's fields, from a proposal for a pasted config or from a stored entry
 * and version. The owning team and the status are kept unless given.
 */
export type EntryFormValue = Pick<
  CreateCatalogServerRequest,
  'name' | 'title' | 'description' | 'version' | 'transport' | 'config' | 'repository' | 'tags' | 'teamId'
> & { status?: CatalogStatus };

export function loadEntryForm(form: EntryForm, value: EntryFormValue): void {
  const { transport } = value;
  const noPackage = { registryType: 'npm' as const, identifier: '', version: '' };
  form.patchValue({
    name: value.name,
    title: value.title,
    description: value.description,
    version: value.version,
    repository: value.repository ?? '',
    tags: (value.tags ?? []).join(', '),
    ...(value.teamId !== undefined ? { teamId: value.teamId } : {}),
    ...(value.status ? { status: value.status } : {}),
    transport:
      transport.type === 'stdio'
        ? {
            type: 'stdio',
            command: transport.command,
            url: '',
            package: transport.package
              ? {
                  registryType: transport.package.registryType,
                  identifier: transport.package.identifier,
                  version: transport.package.version ?? '',
                }
              : noPackage,
          }
        : { type: transport.type, url: transport.url, command: '', package: noPackage },
  });
  resetDefinitionForm(form.controls.config, value.config);
}

/** Fills the form from a stored entry and one of its versions (the editor's edit mode). */
export function fillEntryForm(form: EntryForm, server: CatalogServerDto, version: CatalogVersionDto): void {
  loadEntryForm(form, {
    name: server.name,
    title: server.title,
    description: server.description,
    version: version.version,
    transport: version.transport,
    config: version.config,
    tags: server.tags,
    teamId: server.ownerTeamId ?? '',
    status: server.status,
    ...(server.repository ? { repository: server.repository } : {}),
  });
}

const toDots = (field: string): string[] => field.replace(/\[(\d+)\]/g, '.$1').split('.');

/** The input a server field path is about, or null when it names a whole section (shown over that section). */
export function entryControlFor(form: EntryForm, field: string): AbstractControl | null {
  if (field.startsWith('config.')) return definitionControlFor(form.controls.config, field.slice('config.'.length));
  const control = form.get(toDots(field));
  return control instanceof FormControl ? control : null;
}

/** A server field path as the summary names it: `config.user.env[0].name` → `User tier · env · DEBUG · name`. */
export function fieldLabel(form: EntryForm, field: string): string {
  const parts = toDots(field);
  if (parts[0] !== 'config') return parts.join(' · ');
  const [, place = '', target = '', index = '', ...rest] = parts;
  let name = index;
  if ((place === 'team' || place === 'user') && /^\d+$/.test(index)) {
    const list = form.controls.config.controls[place].get(target);
    const element = list?.get(index)?.get('name');
    name = typeof element?.value === 'string' && element.value ? element.value : `element ${Number(index) + 1}`;
  }
  const placeLabel = place === 'template' || place === 'team' || place === 'user' ? PLACE_LABELS[place] : place;
  return [placeLabel, target, name, ...rest].filter(Boolean).join(' · ');
}
