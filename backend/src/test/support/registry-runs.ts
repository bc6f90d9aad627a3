import type { SyncRunDto } from '@orbit/contracts';
import type { Server } from 'node:http';
import request from 'supertest';

/** Polls a run until it is finished (a generous deadline: the machine may be busy). */
export async function waitForRun(http: Server | string, token: string, runId: string, deadlineMs = 240_000): Promise<SyncRunDto> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const res =
      typeof http === 'string'
        ? await fetch(`${http}/api/admin/registry/sync/${runId}`, { headers: { authorization: `Bearer ${token}` } }).then(
            async (r) => ({ status: r.status, body: (await r.json()) as SyncRunDto }),
          )
        : await request(http).get(`/api/admin/registry/sync/${runId}`).set('Authorization', `Bearer ${token}`);
    const run = res.body as SyncRunDto;
    if (res.status === 200 && (run.status === 'succeeded' || run.status === 'failed')) return run;
    if (Date.now() > until) throw new Error(`run ${runId} did not finish: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
