import { aFilesystemDefinition } from '../../testing/factories';
import {
  definitionControlFor,
  definitionForm,
  elementForm,
  moveElement,
  moveTemplateValue,
  toDefinition,
  toElement,
} from './definition-form';

describe('definition form', () => {
  it('gives back the definition it was filled with', () => {
    expect(toDefinition(definitionForm(aFilesystemDefinition()))).toEqual(aFilesystemDefinition());
  });

  it('leaves out the fields that do not apply to the tier, target or type', () => {
    const form = elementForm({ name: 'TOKEN', type: 'string', pattern: '^[a-z]+$', min: 1 });
    form.patchValue({
      type: 'secret',
      default: 'x',
      flag: '--token',
      repeated: true,
      visibleToUsers: true,
      lockedByDefault: true,
    });
    expect(toElement(form, 'team', 'env')).toEqual({ name: 'TOKEN', type: 'secret' });
    expect(toElement(elementForm({ name: 'port', type: 'number', flag: '--port', min: 1, max: 9 }), 'user', 'args')).toEqual({
      name: 'port',
      type: 'number',
      flag: '--port',
      min: 1,
      max: 9,
    });
  });

  it('turns a fixed value into an element with that default and back', () => {
    const form = definitionForm(aFilesystemDefinition());
    moveTemplateValue(form, 'args', 0, 'user');
    expect(toDefinition(form).template.args).toEqual(['@modelcontextprotocol/server-filesystem']);
    expect(toDefinition(form).user.args?.at(-1)).toEqual({ name: 'y', type: 'string', default: '-y' });
    moveElement(form, 'user', 'env', 0, 'template');
    expect(toDefinition(form).template.env).toEqual({ PROTOCOL_VERSION: '1.0', DEBUG: 'false' });
  });

  it('finds the input of a server field path, and none for a whole section', () => {
    const form = definitionForm(aFilesystemDefinition());
    expect(definitionControlFor(form, 'user.args[0].name')).toBe(form.controls.user.controls.args.at(0).controls.name);
    expect(definitionControlFor(form, 'template.env.PROTOCOL_VERSION')).toBe(
      form.controls.template.controls.env.at(0).controls.value,
    );
    expect(definitionControlFor(form, 'template.args[1]')).toBe(form.controls.template.controls.args.at(1));
    expect(definitionControlFor(form, 'template.env')).toBeNull();
    expect(definitionControlFor(form, 'user.env[0]')).toBeNull();
    expect(definitionControlFor(form, 'team.env[3].name')).toBeNull();
  });
});
