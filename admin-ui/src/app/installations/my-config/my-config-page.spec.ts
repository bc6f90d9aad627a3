import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { TierValues, UserConfigDto } from '@orbit/contracts';
import { signIn } from '../../testing/auth-testing';
import { allByTestId, byTestId, errorNear, selectValue, typeInto } from '../../testing/dom';
import { failure } from '../../testing/failure';
import { aFilesystemDefinition, anEffectiveConfig, anInstallation, aUserConfig } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { MyConfigPage } from './my-config-page';

const BASE = '/api/teams/t1/installations/i1';

describe('MyConfigPage', () => {
  let fixture: ComponentFixture<MyConfigPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [MyConfigPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(userConfig: Partial<UserConfigDto>, definition = aFilesystemDefinition()): Promise<void> {
    await signIn({ teams: [{ teamId: 't1', teamName: 'Platform', role: 'team_user', personal: false }] });
    fixture = TestBed.createComponent(MyConfigPage);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('teamId', 't1');
    fixture.componentRef.setInput('installationId', 'i1');
    await fixture.whenStable();
    http.expectOne(BASE).flush(anInstallation({ id: 'i1', definition }));
    http.expectOne(`${BASE}/user-config`).flush(aUserConfig(userConfig));
    http.expectOne(`${BASE}/effective-config`).flush(
      anEffectiveConfig({
        status: 'awaiting_user_config',
        missing: ['args.directories'],
        args: ['-y', '@modelcontextprotocol/server-filesystem'],
        env: { PROTOCOL_VERSION: '1.0', SHARED_API_KEY: '*****' },
      }),
    );
    await settle(fixture);
  }

  const inputs = (testId: string) => allByTestId<HTMLInputElement>(element, testId);

  it('sends the repeated directories and DEBUG, then shows the masked merged config', async () => {
    await open({ editable: ['args.directories', 'env.DEBUG'], status: 'awaiting_user_config', missing: ['args.directories'] });
    expect(byTestId(element, 'effective-status').textContent).toContain('awaiting user config');
    expect(byTestId(element, 'effective-missing').textContent).toContain('args.directories');

    typeInto(inputs('my-value-args-directories')[0]!, '/Users/alice/Development');
    byTestId(element, 'my-value-add-directories').click();
    await settle(fixture);
    typeInto(inputs('my-value-args-directories')[1]!, '/Users/alice/Projects');
    selectValue(byTestId<HTMLSelectElement>(element, 'my-value-env-DEBUG'), 'true');
    await settle(fixture);

    byTestId(element, 'my-config-save').click();
    await settle(fixture);
    const put = http.expectOne({ method: 'PUT', url: `${BASE}/user-config` });
    const values: TierValues = {
      args: { directories: ['/Users/alice/Development', '/Users/alice/Projects'] },
      env: { DEBUG: 'true' },
    };
    expect(put.request.body).toEqual(values);
    put.flush(aUserConfig({ values, editable: ['args.directories', 'env.DEBUG'] }));
    await settle(fixture);
    http.expectOne(`${BASE}/effective-config`).flush(
      anEffectiveConfig({
        args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Development', '/Users/alice/Projects'],
        env: { PROTOCOL_VERSION: '1.0', SHARED_API_KEY: '*****', DEBUG: 'true' },
      }),
    );
    await settle(fixture);

    expect(byTestId(element, 'effective-status').textContent).toContain('ready');
    expect(JSON.parse(byTestId(element, 'effective-config').textContent)).toEqual({
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/alice/Development', '/Users/alice/Projects'],
      env: { PROTOCOL_VERSION: '1.0', SHARED_API_KEY: '*****', DEBUG: 'true' },
    });
    expect(inputs('my-value-args-directories').map((i) => i.value)).toEqual([
      '/Users/alice/Development',
      '/Users/alice/Projects',
    ]);
  });

  it('offers only the editable keys, keeps a stored secret when left empty and erases a cleared value', async () => {
    const definition = aFilesystemDefinition();
    definition.team.env = [{ name: 'SHARED_API_KEY', type: 'secret', required: true, userOverridable: true }];
    await open(
      { values: { env: { SHARED_API_KEY: '*****', DEBUG: 'true' } }, editable: ['env.SHARED_API_KEY', 'env.DEBUG'] },
      definition,
    );
    expect(element.querySelector('[data-testid=my-value-args-directories]')).toBeNull();
    const secret = byTestId<HTMLInputElement>(element, 'my-value-env-SHARED_API_KEY');
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(byTestId(element, 'my-secret-env-SHARED_API_KEY').textContent?.trim()).toBe('set');

    selectValue(byTestId<HTMLSelectElement>(element, 'my-value-env-DEBUG'), '');
    byTestId(element, 'my-config-save').click();
    await settle(fixture);
    const put = http.expectOne({ method: 'PUT', url: `${BASE}/user-config` });
    expect(put.request.body).toEqual({ env: { SHARED_API_KEY: '*****', DEBUG: null } });
    put.flush(...failure(400, 'Validation failed', { details: [{ field: 'env.DEBUG', message: 'DEBUG is locked' }] }));
    await settle(fixture);
    expect(errorNear(byTestId(element, 'my-value-env-DEBUG'))).toBe('DEBUG is locked');
  });
});
