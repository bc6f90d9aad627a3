import type { FormArray, FormControl } from '@angular/forms';
import type { ConfigDefinition } from '@orbit/contracts';
import { aFilesystemDefinition } from '../../testing/factories';
import {
  fieldsOf,
  locksForm,
  valueControlFor,
  valueControlOf,
  valuesForm,
  writeValues,
  type ValueField,
  type ValuesForm,
} from './config-values';

const single = (form: ValuesForm, field: ValueField) => valueControlOf(form, field) as FormControl<string | null>;

describe('config values', () => {
  const definition = (): ConfigDefinition => {
    const d = aFilesystemDefinition();
    d.team.env = [
      { name: 'SHARED_API_KEY', type: 'secret', required: true, userOverridable: true },
      { name: 'REGION', type: 'string' },
    ];
    d.user.env = [{ name: 'DEBUG', type: 'boolean', default: 'false', lockedByDefault: true }];
    return d;
  };

  it('lists team elements before user elements, in definition order, with their keys', () => {
    expect(fieldsOf(definition(), ['team', 'user']).map((f) => `${f.tier}:${f.key}`)).toEqual([
      'team:env.SHARED_API_KEY',
      'team:env.REGION',
      'user:args.directories',
      'user:env.DEBUG',
    ]);
  });

  it('never puts a stored secret in its input, and shows the other stored values', () => {
    const fields = fieldsOf(definition(), ['team', 'user']);
    const form = valuesForm(fields, { env: { SHARED_API_KEY: '*****', REGION: 'eu' }, args: { directories: ['/a', '/b'] } });
    expect(form.getRawValue()).toEqual({
      env: { SHARED_API_KEY: '', REGION: 'eu', DEBUG: '' },
      args: { directories: ['/a', '/b'] },
    });
  });

  it('writes typed values, keeps a stored secret left empty, erases what was emptied and omits what never was set', () => {
    const fields = fieldsOf(definition(), ['team', 'user']);
    const stored = { env: { SHARED_API_KEY: '*****', REGION: 'eu' } };
    const form = valuesForm(fields, stored);
    single(form, fields[1]!).setValue('');
    (valueControlOf(form, fields[2]!) as FormArray).at(0).setValue('/srv/data');
    expect(writeValues(fields, form, stored)).toEqual({
      env: { SHARED_API_KEY: '*****', REGION: null },
      args: { directories: ['/srv/data'] },
    });

    single(form, fields[0]!).setValue(null);
    expect(writeValues(fields, form, stored).env?.['SHARED_API_KEY']).toBeNull();
  });

  it('checks a typed value with the API’s rules', () => {
    const fields = fieldsOf(definition(), ['user']);
    const form = valuesForm(fields);
    const directory = (valueControlOf(form, fields[0]!) as FormArray).at(0);
    directory.setValue('relative/path');
    expect(directory.errors).toEqual({ value: 'directories must be an absolute path without ".."' });
  });

  it('starts locks from lockedByDefault, stored locks winning, for user elements and overridable team ones', () => {
    const fields = fieldsOf(definition(), ['team', 'user']);
    expect(locksForm(fields).getRawValue()).toEqual({
      'env.SHARED_API_KEY': false,
      'args.directories': false,
      'env.DEBUG': true,
    });
    expect(locksForm(fields, { 'env.DEBUG': false }).getRawValue()['env.DEBUG']).toBe(false);
  });

  it('finds the input a server field path names, a repeated value by its index', () => {
    const fields = fieldsOf(definition(), ['team', 'user']);
    const form = valuesForm(fields, { args: { directories: ['/a', '/b'] } });
    const directories = valueControlOf(form, fields[2]!) as FormArray;
    expect(valueControlFor(form, 'config.env.REGION', 'config.')).toBe(valueControlOf(form, fields[1]!));
    expect(valueControlFor(form, 'args.directories[1]')).toBe(directories.at(1));
    expect(valueControlFor(form, 'args.directories')).toBe(directories.at(0));
    expect(valueControlFor(form, 'env.UNKNOWN')).toBeNull();
  });
});
