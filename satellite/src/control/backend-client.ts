import type { RevocationEntry } from '@orbit/contracts';
import { isRevocationFeed } from '../auth/revocation-list.js';

export class BackendRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackendRequestError';
  }
}

export interface BackendClientOptions {
  /** `ORBIT_BACKEND_URL`, without a trailing slash. */
  backendUrl: string;
  /** This satellite's credential (`orbit_sat_…`). Never logged nor put in an error message. */
  credential: string;
  timeoutMs?: number;
}

/**
 * The backend's whole revocation list (`GET /api/satellite/revocations`), which a satellite loads at start and on
 * reconnect: the queue's `revocation` jobs only carry what is new.
 */
export async function fetchRevocations(options: BackendClientOptions): Promise<RevocationEntry[]> {
  const path = '/api/satellite/revocations';
  let res: Response;
  try {
    res = await fetch(`${options.backendUrl}${path}`, {
      headers: { authorization: `Bearer ${options.credential}`, accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new BackendRequestError(`GET ${path} failed: ${error instanceof Error ? error.message : String(error)}`, null, {
      cause: error,
    });
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new BackendRequestError(`GET ${path} answered ${res.status}`, res.status);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch (error) {
    throw new BackendRequestError(`GET ${path} answered a body that is not JSON`, res.status, { cause: error });
  }
  if (!isRevocationFeed(body)) throw new BackendRequestError(`GET ${path} answered a malformed feed`, res.status);
  return body.entries;
}
