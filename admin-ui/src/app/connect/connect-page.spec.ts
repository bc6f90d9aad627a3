import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { TeamMembershipSummary } from '@orbit/contracts';
import { signIn } from '../testing/auth-testing';
import { byTestId, chooseOption } from '../testing/dom';
import { failure } from '../testing/failure';
import { providePageTesting } from '../testing/providers';
import { settle } from '../testing/settle';
import { ConnectPage } from './connect-page';

const TEAMS: TeamMembershipSummary[] = [
  { teamId: 't1', teamName: 'Platform', role: 'team_user', personal: false },
  { teamId: 't2', teamName: 'Data', role: 'team_admin', personal: false },
];

describe('ConnectPage', () => {
  let fixture: ComponentFixture<ConnectPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ConnectPage], providers: providePageTesting() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(teamId?: string): Promise<void> {
    await signIn({ teams: TEAMS });
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ConnectPage);
    element = fixture.nativeElement as HTMLElement;
    if (teamId) fixture.componentRef.setInput('teamId', teamId);
    await fixture.whenStable();
  }

  function answer(teamId: string, mcpUrl: string): void {
    http.expectOne(`/api/teams/${teamId}/connect`).flush({ teamId, mcpUrl, issuer: 'https://orbit.example.com' });
  }

  async function showTab(id: string): Promise<void> {
    byTestId(element, `connect-tab-${id}`).click();
    await settle(fixture);
  }

  it('shows the first team’s MCP URL and the VS Code config built from it', async () => {
    await open();
    answer('t1', 'https://sat.example.com/mcp');
    await settle(fixture);
    expect(byTestId(element, 'connect-mcp-url').textContent).toBe('https://sat.example.com/mcp');
    expect(JSON.parse(byTestId(element, 'connect-snippet-vscode').textContent)).toEqual({
      servers: { orbit: { type: 'http', url: 'https://sat.example.com/mcp' } },
    });
    expect(element.textContent).toContain('pick the team on Orbit');
  });

  it('opens on the team named in the address and builds every client’s snippet from its URL', async () => {
    await open('t2');
    answer('t2', 'https://data-sat.example.com/mcp');
    await settle(fixture);
    await showTab('claude-code');
    expect(byTestId(element, 'connect-snippet-claude-code').textContent).toBe(
      'claude mcp add --transport http orbit https://data-sat.example.com/mcp',
    );
    await showTab('cursor');
    expect(JSON.parse(byTestId(element, 'connect-snippet-cursor').textContent)).toEqual({
      mcpServers: { orbit: { url: 'https://data-sat.example.com/mcp' } },
    });
    await showTab('inspector');
    expect(byTestId(element, 'connect-snippet-inspector').textContent).toBe('npx @modelcontextprotocol/inspector');
    expect(byTestId(element, 'connect-snippet-inspector-cli').textContent).toContain(
      '--cli https://data-sat.example.com/mcp --transport http --method tools/list',
    );
    await showTab('client-secret');
    expect(JSON.parse(byTestId(element, 'connect-snippet-client-secret').textContent)).toEqual({
      mcpServers: {
        orbit: {
          url: 'https://data-sat.example.com/mcp',
          oauth: { client_id: '<client id from the console>', client_secret: '<secret shown once>' },
        },
      },
    });
    expect(byTestId(element, 'connect-oauth-clients-link').getAttribute('href')).toBe('/teams/t2/oauth-clients');
  });

  it('reads the other team’s URL when the user picks it', async () => {
    await open();
    answer('t1', 'https://sat.example.com/mcp');
    await settle(fixture);
    await chooseOption(fixture, byTestId(element, 'connect-team'), 'Data');
    answer('t2', 'https://data-sat.example.com/mcp');
    await settle(fixture);
    expect(byTestId(element, 'connect-mcp-url').textContent).toBe('https://data-sat.example.com/mcp');
  });

  it('says so when the team cannot be read', async () => {
    await open();
    http.expectOne('/api/teams/t1/connect').flush(...failure(404, 'Team not found'));
    await settle(fixture);
    expect(byTestId(element, 'connect-error').textContent).toContain('not a member');
    expect(element.querySelector('[data-testid=connect-mcp-url]')).toBeNull();
  });
});
