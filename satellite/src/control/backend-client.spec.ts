import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { revocationEntry } from '../test/factories/access-tokens.js';
import { BackendRequestError, fetchRevocations } from './backend-client.js';

const CREDENTIAL = 'orbit_sat_test-credential';

describe('fetchRevocations', () => {
  let server: Server;
  let backendUrl: string;
  let answer: { status: number; body: string };
  let seen: { url: string | undefined; headers: IncomingHttpHeaders }[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    backendUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    seen = [];
  });

  it("loads the backend's list with the satellite credential", async () => {
    const entries = [revocationEntry({ kind: 'jti', value: 'j1' }), revocationEntry({ kind: 'user', value: 'u', teamId: 't' })];
    answer = { status: 200, body: JSON.stringify({ entries }) };
    await expect(fetchRevocations({ backendUrl, credential: CREDENTIAL })).resolves.toEqual(entries);
    expect(seen).toEqual([
      expect.objectContaining({
        url: '/api/satellite/revocations',
        headers: expect.objectContaining({ authorization: `Bearer ${CREDENTIAL}` }),
      }),
    ]);
  });

  it('reports a refused credential by status, without the credential', async () => {
    answer = { status: 401, body: JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'no' }) };
    const error = await fetchRevocations({ backendUrl, credential: CREDENTIAL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendRequestError);
    expect(error).toMatchObject({ status: 401 });
    expect(String((error as Error).message)).not.toContain(CREDENTIAL);
  });

  it('rejects a malformed feed or a body that is not JSON', async () => {
    answer = { status: 200, body: JSON.stringify({ entries: [{ kind: 'jti' }] }) };
    await expect(fetchRevocations({ backendUrl, credential: CREDENTIAL })).rejects.toThrow('malformed feed');
    answer = { status: 200, body: '<html>' };
    await expect(fetchRevocations({ backendUrl, credential: CREDENTIAL })).rejects.toThrow('not JSON');
  });

  it('reports an unreachable backend', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchRevocations({ backendUrl: url, credential: CREDENTIAL })).rejects.toMatchObject({ status: null });
  });
});
