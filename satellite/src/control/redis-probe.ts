import { Redis } from 'ioredis';

/**
 * Answers "does Redis answer right now?" with a PING. Worker events are no good for this: BullMQ emits `ready`
 * only once, so a satellite judged by events would stay unhealthy after the first Redis restart.
 */
export class RedisProbe {
  private readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    // ioredis reconnects by itself; the PING result is the report, so connection errors are not logged here.
    this.client.on('error', () => undefined);
  }

  async up(timeoutMs = 1_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
      ]);
      return answer === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.client.disconnect();
  }
}
