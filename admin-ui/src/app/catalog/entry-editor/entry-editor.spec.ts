import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { CatalogServerDto, CreateCatalogServerRequest } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, errorNear, selectValue, toggle, typeInto } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { aCatalogServer, aCatalogVersion, aFilesystemDefinition, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { EntryEditor } from './entry-editor';

/** The product brief's `POST /api/catalog/servers` body (DESIGN, "Request bodies"). */
const FILESYSTEM_BODY: CreateCatalogServerRequest = {
  name: 'io.github.modelcontextprotocol/server-filesystem',
  title: 'Filesystem',
  description: 'File operations',
  version: '2026.8.31',
  transport: {
    type: 'stdio',
    command: 'npx',
    package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem', version: '2026.8.31' },
  },
  config: {
    template: { args: ['-y', '@modelcontextprotocol/server-filesystem'], env: { PROTOCOL_VERSION: '1.0' } },
    team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
    user: {
      args: [{ name: 'directories', type: 'filepath', required: true, repeated: true }],
      env: [{ name: 'DEBUG', type: 'boolean', default: 'false' }],
    },
  },
};

describe('EntryEditor', () => {
  let fixture: ComponentFixture<EntryEditor>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [EntryEditor], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  async function openNew(): Promise<void> {
    await signIn({ globalRole: 'global_admin' });
    fixture = TestBed.createComponent(EntryEditor);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/teams?limit=100').flush(pageOf([]));
    await settle(fixture);
  }

  const type = (testId: string, value: string, root: ParentNode = element) =>
    typeInto(byTestId<HTMLInputElement>(root, testId), value);
  const last = (testId: string, root: ParentNode = element) => allByTestId<HTMLInputElement>(root, testId).at(-1)!;

  async function click(testId: string): Promise<void> {
    byTestId(element, testId).click();
    await settle(fixture);
  }

  /** Adds an element to a tier's target list and fills it in; returns its row. */
  async function addElement(
    tier: string,
    target: string,
    fill: { name: string; type: string; required?: boolean; repeated?: boolean; default?: string },
  ): Promise<HTMLElement> {
    await click(`element-add-${tier}-${target}`);
    const row = allByTestId(byTestId(element, `elements-${tier}-${target}`), 'element-row').at(-1)!;
    type('element-name', fill.name, row);
    selectValue(byTestId<HTMLSelectElement>(row, 'element-type'), fill.type);
    await settle(fixture);
    if (fill.required) toggle(byTestId(row, 'element-required'));
    if (fill.repeated) toggle(byTestId(row, 'element-repeated'));
    if (fill.default !== undefined) type('element-default', fill.default, row);
    await settle(fixture);
    return row;
  }

  async function fillFilesystemEntry(): Promise<void> {
    type('entry-name', 'io.github.modelcontextprotocol/server-filesystem');
    type('entry-title', 'Filesystem');
    type('entry-description', 'File operations');
    type('entry-version', '2026.8.31');
    type('transport-command', 'npx');
    type('transport-package', '@modelcontextprotocol/server-filesystem');
    type('transport-package-version', '2026.8.31');
    await click('template-arg-add');
    typeInto(last('template-arg'), '-y');
    await click('template-arg-add');
    typeInto(last('template-arg'), '@modelcontextprotocol/server-filesystem');
    await click('template-env-add');
    typeInto(last('template-env-name'), 'PROTOCOL_VERSION');
    typeInto(last('template-env-value'), '1.0');
    await addElement('team', 'env', { name: 'SHARED_API_KEY', type: 'secret', required: true });
    await addElement('user', 'args', { name: 'directories', type: 'filepath', required: true, repeated: true });
    await addElement('user', 'env', { name: 'DEBUG', type: 'boolean', default: 'false' });
  }

  it('builds the brief’s filesystem request body through the editor and opens the new entry', async () => {
    await openNew();
    await fillFilesystemEntry();
    await click('entry-save');
    const request = http.expectOne({ method: 'POST', url: '/api/catalog/servers' });
    expect(request.request.body).toEqual(FILESYSTEM_BODY);
    request.flush(aCatalogServer({ id: 's42', title: 'Filesystem' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/catalog', 's42']);
  });

  it('puts server field errors on the element inputs they name and lists them all on top', async () => {
    await openNew();
    await fillFilesystemEntry();
    await click('entry-save');
    http.expectOne({ method: 'POST', url: '/api/catalog/servers' }).flush(
      ...failure(400, 'Validation failed', {
        details: [
          { field: 'config.user.env[0].name', message: 'env.DEBUG is already defined in the team tier' },
          { field: 'config.user.args[0].default', message: 'default must be an absolute path without ".."' },
          { field: 'transport.package.identifier', message: 'identifier must be a non-empty string' },
          { field: 'config.template.env', message: '{TOKEN} is used but no env element defines it' },
        ],
      }),
    );
    await settle(fixture);

    const userEnvRow = byTestId(byTestId(element, 'elements-user-env'), 'element-row');
    const userArgsRow = byTestId(byTestId(element, 'elements-user-args'), 'element-row');
    const teamEnvRow = byTestId(byTestId(element, 'elements-team-env'), 'element-row');
    expect(errorNear(byTestId(userEnvRow, 'element-name'))).toBe('env.DEBUG is already defined in the team tier');
    expect(errorNear(byTestId(userArgsRow, 'element-default'))).toBe('default must be an absolute path without ".."');
    expect(errorNear(byTestId(userArgsRow, 'element-name'))).toBeNull();
    expect(errorNear(byTestId(teamEnvRow, 'element-name'))).toBeNull();
    expect(errorNear(byTestId(element, 'transport-package'))).toBe('identifier must be a non-empty string');
    expect(byTestId(element, 'tier-template').textContent).toContain('{TOKEN} is used but no env element defines it');

    const summary = byTestId(element, 'entry-errors').textContent ?? '';
    expect(summary).toContain('User tier · env · DEBUG · name: env.DEBUG is already defined in the team tier');
    expect(summary).toContain('transport · package · identifier: identifier must be a non-empty string');

    // The next attempt asks the server again, whatever the user changed.
    type('element-name', 'VERBOSE', userEnvRow);
    await click('entry-save');
    const retry = http.expectOne({ method: 'POST', url: '/api/catalog/servers' });
    expect(retry.request.body.config.user.env).toEqual([{ name: 'VERBOSE', type: 'boolean', default: 'false' }]);
    retry.flush(aCatalogServer());
    await settle(fixture);
  });

  it('moves elements between the template and the tiers', async () => {
    await openNew();
    await fillFilesystemEntry();
    const debug = byTestId(byTestId(element, 'elements-user-env'), 'element-row');
    selectValue(byTestId<HTMLSelectElement>(debug, 'element-move'), 'team');
    await settle(fixture);
    expect(allByTestId(byTestId(element, 'elements-user-env'), 'element-row')).toHaveLength(0);
    expect(allByTestId(byTestId(element, 'elements-team-env'), 'element-name').map((i) => (i as HTMLInputElement).value)).toEqual(
      ['SHARED_API_KEY', 'DEBUG'],
    );

    selectValue(allByTestId<HTMLSelectElement>(byTestId(element, 'tier-template'), 'template-move')[2]!, 'user');
    await settle(fixture);
    await click('entry-save');
    const { config } = http.expectOne({ method: 'POST', url: '/api/catalog/servers' }).request.body as CreateCatalogServerRequest;
    expect(config.template).toEqual({ args: ['-y', '@modelcontextprotocol/server-filesystem'] });
    expect(config.team.env).toEqual([
      { name: 'SHARED_API_KEY', type: 'secret', required: true },
      { name: 'DEBUG', type: 'boolean', default: 'false' },
    ]);
    expect(config.user.env).toEqual([{ name: 'PROTOCOL_VERSION', type: 'string', default: '1.0' }]);
  });

  describe('editing', () => {
    const server: CatalogServerDto = aCatalogServer({ id: 's1', title: 'Filesystem', latestVersion: '1.0.0' });

    async function openEdit(): Promise<void> {
      await signIn({ globalRole: 'global_admin' });
      fixture = TestBed.createComponent(EntryEditor);
      element = fixture.nativeElement as HTMLElement;
      fixture.componentRef.setInput('serverId', 's1');
      await fixture.whenStable();
      http.expectOne('/api/catalog/servers/s1').flush(server);
      http.expectOne('/api/catalog/servers/s1/versions?limit=100').flush(pageOf([aCatalogVersion({ serverId: 's1' })]));
      await settle(fixture);
    }

    it('shows the stored entry and saves basic info in place', async () => {
      await openEdit();
      expect(byTestId<HTMLInputElement>(element, 'entry-name').disabled).toBe(true);
      expect(allByTestId<HTMLInputElement>(element, 'template-arg').map((i) => i.value)).toEqual([
        '-y',
        '@modelcontextprotocol/server-filesystem',
      ]);
      type('entry-title', 'Files');
      await click('entry-save');
      const patch = http.expectOne({ method: 'PATCH', url: '/api/catalog/servers/s1' });
      expect(patch.request.body).toEqual({
        title: 'Files',
        description: 'Does things',
        repository: null,
        tags: [],
        status: 'active',
      });
      patch.flush({ ...server, title: 'Files' });
      await settle(fixture);
      expect(navigate).toHaveBeenCalledWith(['/catalog', 's1']);
    });

    it('asks for a new version number before saving a changed definition, then posts the version', async () => {
      await openEdit();
      await addElement('user', 'env', { name: 'LOG_LEVEL', type: 'string' });
      await click('entry-save');
      http.expectNone(() => true);
      expect(errorNear(byTestId(element, 'entry-version'))).toContain('enter a new version number');

      type('entry-version', '1.1.0');
      await click('entry-save');
      const post = http.expectOne({ method: 'POST', url: '/api/catalog/servers/s1/versions' });
      expect(post.request.body.version).toBe('1.1.0');
      expect(post.request.body.config).toEqual({
        ...aFilesystemDefinition(),
        user: {
          ...aFilesystemDefinition().user,
          env: [
            { name: 'DEBUG', type: 'boolean', default: 'false' },
            { name: 'LOG_LEVEL', type: 'string' },
          ],
        },
      });
      post.flush(aCatalogVersion({ version: '1.1.0' }), { status: 201, statusText: 'Created' });
      await settle(fixture);
      http.expectOne({ method: 'PATCH', url: '/api/catalog/servers/s1' }).flush(server);
      await settle(fixture);
    });
  });
});
