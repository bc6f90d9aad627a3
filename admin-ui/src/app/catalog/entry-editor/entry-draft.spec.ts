import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { CreateCatalogServerRequest } from '@orbit/contracts';
import type { CatalogDraftDto } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, errorNear, selectValue, typeInto } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { aCatalogServer, aCatalogVersion, pageOf } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { draftRequestFor } from './draft-panel';
import { EntryEditor } from './entry-editor';

/** The product brief's Claude Desktop config, secret and personal path included. */
const DESKTOP_CONFIG = {
  mcpServers: {
    files: {
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Desktop'],
      env: { SHARED_API_KEY: 'sk-live-123', DEBUG: 'true' },
    },
  },
};

/** What `POST /api/catalog/drafts` proposes for it (backend/src/modules/catalog/drafts). */
const PROPOSAL: CatalogDraftDto = {
  name: 'io.github.modelcontextprotocol/server-filesystem',
  title: 'Filesystem',
  description: '',
  version: '1.0.0',
  transport: {
    type: 'stdio',
    command: 'npx',
    package: { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem' },
  },
  config: {
    template: { args: ['-y', '@modelcontextprotocol/server-filesystem'] },
    team: { env: [{ name: 'SHARED_API_KEY', type: 'secret', required: true }] },
    user: {
      args: [{ name: 'paths', type: 'filepath', required: true, repeated: true, description: 'Paths the server may use' }],
      env: [{ name: 'DEBUG', type: 'boolean', default: 'true' }],
    },
  },
  notes: ['args.paths (/Users/alice/Desktop): the pasted value is not kept', 'env.SHARED_API_KEY: the pasted value is not kept'],
  problems: [],
};

describe('EntryEditor: starting from a pasted config', () => {
  let fixture: ComponentFixture<EntryEditor>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [EntryEditor], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
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

  async function click(testId: string): Promise<void> {
    byTestId(element, testId).click();
    await settle(fixture);
  }

  async function paste(text: string): Promise<void> {
    typeInto(byTestId<HTMLTextAreaElement>(element, 'draft-input'), text);
    await click('draft-propose');
  }

  const value = (testId: string, root: ParentNode = element) => byTestId<HTMLInputElement>(root, testId).value;
  const names = (tier: string, target: string) =>
    allByTestId<HTMLInputElement>(byTestId(element, `elements-${tier}-${target}`), 'element-name').map((i) => i.value);

  it('proposes an entry from the brief’s desktop config, fills the editor, and saves the proposed config', async () => {
    await openNew();
    await paste(JSON.stringify(DESKTOP_CONFIG));
    const request = http.expectOne({ method: 'POST', url: '/api/catalog/drafts' });
    expect(request.request.body).toEqual({ claudeDesktopConfig: DESKTOP_CONFIG });
    request.flush(PROPOSAL);
    await settle(fixture);

    expect(value('entry-name')).toBe('io.github.modelcontextprotocol/server-filesystem');
    expect(value('entry-title')).toBe('Filesystem');
    expect(value('entry-version')).toBe('1.0.0');
    expect(value('transport-command')).toBe('npx');
    expect(value('transport-package')).toBe('@modelcontextprotocol/server-filesystem');
    expect(allByTestId<HTMLInputElement>(element, 'template-arg').map((i) => i.value)).toEqual([
      '-y',
      '@modelcontextprotocol/server-filesystem',
    ]);
    expect(names('team', 'env')).toEqual(['SHARED_API_KEY']);
    expect(names('user', 'args')).toEqual(['paths']);
    expect(names('user', 'env')).toEqual(['DEBUG']);
    expect(byTestId(element, 'draft-notes').textContent).toContain('env.SHARED_API_KEY: the pasted value is not kept');

    // The pasted secret is gone from the page, and the panel has made way for the review.
    expect(byTestId(element, 'draft-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(allByTestId(element, 'draft-input')).toHaveLength(0);
    expect(element.innerHTML).not.toContain('sk-live-123');
    await click('draft-toggle');
    expect(value('draft-input')).toBe('');

    await click('entry-save');
    const save = http.expectOne({ method: 'POST', url: '/api/catalog/servers' });
    const body = save.request.body as CreateCatalogServerRequest;
    expect(body.config).toEqual(PROPOSAL.config);
    expect(body).toMatchObject({ name: PROPOSAL.name, title: PROPOSAL.title, version: '1.0.0', transport: PROPOSAL.transport });
    save.flush(aCatalogServer({ id: 's42' }), { status: 201, statusText: 'Created' });
    await settle(fixture);
  });

  it('shows invalid JSON under the textarea without asking the server', async () => {
    await openNew();
    await paste('{"mcpServers": {"files": ');
    http.expectNone('/api/catalog/drafts');
    expect(byTestId(element, 'draft-error').textContent).toContain('not valid JSON');

    await paste('["not", "an", "object"]');
    http.expectNone('/api/catalog/drafts');
    expect(byTestId(element, 'draft-error').textContent).toContain('Paste a JSON object');
  });

  it('asks which server to use when the config holds several, then proposes again with that key', async () => {
    await openNew();
    const several = { mcpServers: { files: DESKTOP_CONFIG.mcpServers.files, github: { url: 'https://api.example.com/mcp' } } };
    await paste(JSON.stringify(several));
    http
      .expectOne({ method: 'POST', url: '/api/catalog/drafts' })
      .flush(
        ...failure(400, 'Validation failed', { details: [{ field: 'serverKey', message: 'choose one of: files, github' }] }),
      );
    await settle(fixture);

    const select = byTestId<HTMLSelectElement>(element, 'draft-server-key');
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'files', 'github']);
    expect(errorNear(select)).toBe('choose one of: files, github');
    expect(value('draft-input')).toContain('sk-live-123');

    selectValue(select, 'files');
    await click('draft-propose');
    const retry = http.expectOne({ method: 'POST', url: '/api/catalog/drafts' });
    expect(retry.request.body).toEqual({ claudeDesktopConfig: several, serverKey: 'files' });
    retry.flush(PROPOSAL);
    await settle(fixture);
    expect(value('entry-name')).toBe(PROPOSAL.name);
    expect(allByTestId(element, 'draft-server-key')).toHaveLength(0);
  });

  it('puts the proposal’s problems on the fields they name', async () => {
    await openNew();
    await paste(JSON.stringify(DESKTOP_CONFIG));
    const problems = [{ field: 'config.user.env[0].default', message: 'default must be true or false' }];
    http.expectOne({ method: 'POST', url: '/api/catalog/drafts' }).flush({ ...PROPOSAL, problems });
    await settle(fixture);

    const debugRow = byTestId(byTestId(element, 'elements-user-env'), 'element-row');
    expect(errorNear(byTestId(debugRow, 'element-default'))).toBe('default must be true or false');
    const summary = byTestId(element, 'entry-errors').textContent ?? '';
    expect(summary).toContain('The proposal needs changes before it can be saved');
    expect(summary).toContain('User tier · env · DEBUG · default: default must be true or false');
  });

  it('shows a refusal of the pasted text under the textarea', async () => {
    await openNew();
    await paste('{"mcpServers": {"files": {"args": []}}}');
    http.expectOne({ method: 'POST', url: '/api/catalog/drafts' }).flush(
      ...failure(400, 'Validation failed', {
        details: [{ field: 'claudeDesktopConfig', message: 'files has neither a command nor a url' }],
      }),
    );
    await settle(fixture);
    expect(byTestId(element, 'draft-error').textContent).toContain('files has neither a command nor a url');
  });

  it('sends a registry server.json, or a registry item holding one, as serverJson', () => {
    const serverJson = { name: 'io.github.acme/weather', packages: [{ registryType: 'npm', identifier: '@acme/weather' }] };
    expect(draftRequestFor(serverJson)).toEqual({ serverJson });
    expect(draftRequestFor({ remotes: [] })).toEqual({ serverJson: { remotes: [] } });
    expect(draftRequestFor({ server: serverJson, _meta: {} })).toEqual({ serverJson: { server: serverJson, _meta: {} } });
    const entry = { command: 'npx', args: ['-y', 'x'] };
    expect(draftRequestFor(entry, 'ignored')).toEqual({ claudeDesktopConfig: entry, serverKey: 'ignored' });
    expect(draftRequestFor(DESKTOP_CONFIG)).toEqual({ claudeDesktopConfig: DESKTOP_CONFIG });
  });

  it('is offered on a new entry only, not when editing one', async () => {
    await openNew();
    expect(allByTestId(element, 'draft-panel')).toHaveLength(1);

    fixture = TestBed.createComponent(EntryEditor);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('serverId', 's1');
    await fixture.whenStable();
    http.expectOne('/api/catalog/servers/s1').flush(aCatalogServer({ id: 's1', latestVersion: '1.0.0' }));
    http.expectOne('/api/catalog/servers/s1/versions?limit=100').flush(pageOf([aCatalogVersion({ serverId: 's1' })]));
    await settle(fixture);
    expect(byTestId(element, 'entry-name')).toBeTruthy();
    expect(allByTestId(element, 'draft-panel')).toHaveLength(0);
  });
});
