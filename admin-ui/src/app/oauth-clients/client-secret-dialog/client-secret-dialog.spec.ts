import { OverlayContainer } from '@angular/cdk/overlay';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { byTestId } from '../../testing/dom';
import { anOAuthClient } from '../../testing/factories';
import { providePageTesting } from '../../testing/providers';
import { settle } from '../../testing/settle';
import { ClientSecretDialog, MCP_URL_PLACEHOLDER, type ClientSecretDialogData } from './client-secret-dialog';

@Component({ template: '' })
class Host {}

describe('ClientSecretDialog', () => {
  let fixture: ComponentFixture<Host>;
  let overlay: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: providePageTesting() });
    overlay = TestBed.inject(OverlayContainer).getContainerElement();
    fixture = TestBed.createComponent(Host);
  });

  async function open(data: Partial<ClientSecretDialogData> & { secret?: string | null } = {}): Promise<void> {
    const { secret = 'orbit_cs_s3cret', ...rest } = data;
    TestBed.inject(MatDialog).open(ClientSecretDialog, {
      data: {
        client: { ...anOAuthClient({ clientId: 'cid-1', name: 'Nightly job' }), clientSecret: secret },
        mcpUrl: 'https://sat.example.com/mcp',
        reason: 'created',
        ...rest,
      },
    });
    await settle(fixture);
  }

  const text = (testId: string) => byTestId(overlay, testId).textContent?.trim();

  it('shows the client id, the secret and a warning that it will not be shown again', async () => {
    await open();
    expect(text('client-secret-client-id')).toBe('cid-1');
    expect(text('client-secret-value')).toBe('orbit_cs_s3cret');
    expect(text('client-secret-warning')).toContain('will not show it again');
    expect(byTestId(overlay, 'client-secret-copy-secret')).toBeTruthy();
  });

  it('offers the brief’s client config with the team’s MCP URL, the id and the secret', async () => {
    await open();
    expect(JSON.parse(text('client-secret-snippet'))).toEqual({
      mcpServers: {
        orbit: { url: 'https://sat.example.com/mcp', oauth: { client_id: 'cid-1', client_secret: 'orbit_cs_s3cret' } },
      },
    });
  });

  it('puts a placeholder where the MCP URL could not be read', async () => {
    await open({ mcpUrl: null });
    expect(JSON.parse(text('client-secret-snippet')).mcpServers.orbit.url).toBe(MCP_URL_PLACEHOLDER);
  });

  it('says a rotated secret replaces the old one', async () => {
    await open({ reason: 'rotated' });
    expect(text('client-secret-warning')).toContain('The previous secret no longer works');
  });

  it('shows no secret and no warning for a client without one', async () => {
    await open({ secret: null });
    expect(overlay.querySelector('[data-testid=client-secret-value]')).toBeNull();
    expect(overlay.querySelector('[data-testid=client-secret-warning]')).toBeNull();
    expect(JSON.parse(text('client-secret-snippet')).mcpServers.orbit.oauth).toEqual({ client_id: 'cid-1' });
  });
});
