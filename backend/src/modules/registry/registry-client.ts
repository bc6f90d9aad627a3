import type { ServerJson } from '../catalog/drafts/registry-mapping.js';

/** One entry of `GET /v0.1/servers`: the server.json and the registry's own metadata. */
export interface RegistryEntry {
  server: ServerJson & { name?: string; version?: string; title?: string; description?: string; repository?: { url?: string } };
  _meta?: Record<string, unknown> & {
    'io.modelcontextprotocol.registry/official'?: {
      status?: string;
      publishedAt?: string;
      updatedAt?: string;
      isLatest?: boolean;
    };
  };
}

export interface RegistryPage {
  entries: unknown[];
  nextCursor: string | null;
}

export interface RegistryClientOptions {
  baseUrl: string;
  pageLimit: number;
  timeoutMs: number;
  /** Attempts per page, the first included. */
  attempts: number;
  /** First backoff; doubles each attempt, with jitter. */
  backoffMs: number;
  onRetry?: (attempt: number, error: Error) => void | Promise<void>;
  fetch?: typeof fetch;
}

export class RegistryError extends Error {}

/**
 * Reads the registry's server list a page at a time. Network errors, 5xx and 429 answers, time-outs and bodies that
 * are not JSON (a truncated page) are retried with exponential backoff; a 4xx is not (it would fail again). A UTF-8
 * BOM before the JSON is tolerated.
 */
export class RegistryClient {
  constructor(private readonly options: RegistryClientOptions) {}

  /**
   * A full run asks for deleted entries too (`include_deleted`), so it can flag them; an incremental one gets them
   * anyway with `updated_since` (where `include_deleted=false` would be refused).
   */
  async page(cursor: string | null, updatedSince: string | null): Promise<RegistryPage> {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}/v0.1/servers`);
    url.searchParams.set('limit', String(this.options.pageLimit));
    if (cursor) url.searchParams.set('cursor', cursor);
    if (updatedSince) url.searchParams.set('updated_since', updatedSince);
    else url.searchParams.set('include_deleted', 'true');
    let lastError: Error = new RegistryError('no attempt made');
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      try {
        return await this.fetchPage(url);
      } catch (error) {
        lastError = error as Error;
        if (error instanceof PermanentError || attempt === this.options.attempts) break;
        await this.options.onRetry?.(attempt, lastError);
        const delay = this.options.backoffMs * 2 ** (attempt - 1);
        await sleep(delay / 2 + Math.random() * (delay / 2));
      }
    }
    throw new RegistryError(`${url.toString()}: ${lastError.message}`);
  }

  private async fetchPage(url: URL): Promise<RegistryPage> {
    const res = await (this.options.fetch ?? fetch)(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await res.text();
    if (res.status >= 500 || res.status === 429) throw new Error(`the registry answered ${res.status}`);
    if (!res.ok) throw new PermanentError(`the registry answered ${res.status}: ${text.slice(0, 200)}`);
    let body: unknown;
    try {
      body = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new Error(`the page is not valid JSON (${text.length} characters: truncated?)`);
    }
    if (typeof body !== 'object' || body === null || !Array.isArray((body as { servers?: unknown }).servers)) {
      throw new Error('the page has no servers array');
    }
    const metadata = (body as { metadata?: { nextCursor?: unknown } }).metadata;
    const next = metadata?.nextCursor;
    return {
      entries: (body as { servers: unknown[] }).servers,
      nextCursor: typeof next === 'string' && next !== '' ? next : null,
    };
  }
}

class PermanentError extends Error {}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
