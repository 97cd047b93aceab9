// The Management API client: built-in fetch, a timeout per request, retries with backoff on 429/5xx.
import { ManagementError, redactedLine } from './errors.js';

const DEFAULT_API_URL = 'https://api.supabase.com';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY_DELAY_MS = 500;
/** Every request is tried at most this many times. */
const MAX_ATTEMPTS = 3;
/** A Retry-After longer than this is not waited for: the user is told when to come back. */
const MAX_RETRY_AFTER_MS = 30_000;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
/** The API's answers are a few kilobytes: anything past this is not read (a 660 MB answer once took 1.4 GB). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = 'more than 10 MB';

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Path below the base URL, e.g. `/v1/projects/<ref>/api-keys`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** What the request does, for messages: "list the API keys of project <ref>". */
  action: string;
  /** The message for HTTP 404, which means something different per endpoint. */
  notFound: string;
}

export interface ClientOptions {
  env: NodeJS.ProcessEnv;
  /** Waits between attempts; tests inject a fast one. */
  sleep?: (ms: number) => Promise<void>;
}

export class ManagementClient {
  readonly origin: string;
  private readonly base: URL;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  /** Reads SUPABASE_ACCESS_TOKEN (never argv) and SUPABASE_API_URL; throws a one-line error when either is unusable. */
  constructor(options: ClientOptions) {
    const { env } = options;
    const token = env.SUPABASE_ACCESS_TOKEN?.trim() ?? '';
    if (token === '') {
      throw new ManagementError(
        'SUPABASE_ACCESS_TOKEN is not set: create an access token at https://supabase.com/dashboard/account/tokens and export it (it is never read from the command line)',
      );
    }
    // A header value with spaces or control characters makes fetch throw an error that quotes it.
    if (!VISIBLE_ASCII.test(token)) throw new ManagementError('SUPABASE_ACCESS_TOKEN is not a valid token: it holds spaces or control characters');
    this.token = token;
    const raw = env.SUPABASE_API_URL?.trim() || DEFAULT_API_URL;
    let base: URL;
    try {
      base = new URL(raw);
    } catch {
      throw new ManagementError('SUPABASE_API_URL is not a URL (expected e.g. https://api.supabase.com)');
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new ManagementError('SUPABASE_API_URL must be an http(s) URL');
    // Not quoted: a password in the URL would be printed, and fetch refuses such URLs with a message that quotes them.
    if (base.username !== '' || base.password !== '') {
      throw new ManagementError('SUPABASE_API_URL must not hold a user name or password (the access token is the only credential sent)');
    }
    if (base.protocol === 'http:' && !isLoopback(base.hostname)) {
      throw new ManagementError(
        'SUPABASE_API_URL must be an https:// URL: over http:// the access token would travel in clear text (http:// is accepted only for a loopback host: 127.0.0.0/8, [::1], localhost)',
      );
    }
    this.base = base;
    this.origin = base.origin;
    this.timeoutMs = positiveInteger(env.MIGRATE_KEYS_HTTP_TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
    this.retryDelayMs = positiveInteger(env.MIGRATE_KEYS_HTTP_RETRY_DELAY_MS, DEFAULT_RETRY_DELAY_MS, true);
    this.sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  }

  /** The parsed JSON answer of a 2xx response; any other outcome throws a one-line ManagementError. */
  async request(request: ApiRequest): Promise<unknown> {
    const url = new URL(this.base.pathname.replace(/\/+$/, '') + request.path, this.base.origin);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    // POST creates something: after a 5xx it may have been created, so only a 429 (not processed) is retried.
    const retries5xx = request.method !== 'POST';
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      let text: string | undefined;
      // One controller for the timeout and for an answer too large. Not AbortSignal.any with
      // AbortSignal.timeout: any() holds its sources weakly, and once the timeout signal was
      // collected a request hung for as long as the server took (seen under load).
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(new DOMException('timed out', 'TimeoutError')), this.timeoutMs);
      try {
        response = await fetch(url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: stop.signal,
          redirect: 'error',
        });
        text = await readCapped(response, stop);
      } catch (error) {
        throw this.fail(request, this.networkReason(error));
      } finally {
        clearTimeout(timer);
      }
      // Not retried: an answer this large is no passing failure.
      if (text === undefined) throw this.fail(request, `the Management API answered HTTP ${response.status} with ${TOO_LARGE}; stopped reading it`);
      if (response.ok) return parseJson(text, () => this.fail(request, 'the Management API answered with something that is not JSON'));
      const retryable = response.status === 429 || (retries5xx && response.status >= 500);
      const delay = retryable && attempt < MAX_ATTEMPTS ? this.retryDelay(response, attempt) : undefined;
      if (delay === undefined) throw this.fail(request, this.statusReason(request, response, text, attempt));
      await this.sleep(delay);
    }
  }

  /** Exponential backoff (base, 2×base, …), or the server's Retry-After when it is short; undefined: do not wait. */
  private retryDelay(response: Response, attempt: number): number | undefined {
    const retryAfter = retryAfterMs(response.headers.get('retry-after'));
    if (retryAfter !== undefined) return retryAfter <= MAX_RETRY_AFTER_MS ? retryAfter : undefined;
    return this.retryDelayMs * 2 ** (attempt - 1);
  }

  private statusReason(request: ApiRequest, response: Response, text: string, attempts: number): string {
    const { status } = response;
    if (status === 401) return 'the Management API refused the access token (HTTP 401): check SUPABASE_ACCESS_TOKEN (it may be expired or revoked)';
    if (status === 403) return "the access token's account may not do this (HTTP 403): it needs access to the project's organization";
    if (status === 404) return request.notFound;
    const detail = redactedLine(serverMessage(text), 160, [this.token]);
    if (status === 429) {
      const retryAfter = retryAfterMs(response.headers.get('retry-after'));
      const after = retryAfter === undefined ? 'try again later' : `try again in ${Math.ceil(retryAfter / 1000)} s`;
      return `the Management API is rate limiting requests (HTTP 429${attempts > 1 ? `, ${attempts} attempts` : ''}): ${after}`;
    }
    if (status >= 500) return `the Management API failed (HTTP ${status}${attempts > 1 ? `, ${attempts} attempts` : ''})${detail ? `: ${detail}` : ''}`;
    return `the Management API answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  }

  private networkReason(error: unknown): string {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return `no answer from ${this.origin} within ${this.timeoutMs} ms`;
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (error as Error).message;
    return `could not reach ${this.origin} (${redactedLine(String(code), 80, [this.token])})`;
  }

  private fail(request: ApiRequest, reason: string): ManagementError {
    // No cause is attached: nothing of the request (its headers) travels with the error. Masked
    // before it is shortened: a token or key cut in two would no longer be recognised.
    return new ManagementError(redactedLine(`cannot ${request.action}: ${reason}`, 400, [this.token]));
  }
}

function parseJson(text: string, fail: () => Error): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fail();
  }
}

/** The `message` (or `error`, `msg`) of an error body, or its text; whole, for the caller to mask, then shorten. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    for (const field of ['message', 'error', 'msg']) {
      if (typeof body?.[field] === 'string') return body[field] as string;
    }
  } catch {
    // Not JSON: the text itself.
  }
  return text;
}

/**
 * The body as text, or undefined when it is larger than MAX_BODY_BYTES (by its Content-Length or
 * as it arrives): then reading stops and the connection is aborted.
 */
async function readCapped(response: Response, stop: AbortController): Promise<string | undefined> {
  const tooLarge = async (reader?: ReadableStreamDefaultReader<Uint8Array>) => {
    stop.abort();
    await (reader ?? response.body)?.cancel().catch(() => undefined);
    return undefined;
  };
  if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) return tooLarge();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) return tooLarge(reader);
    chunks.push(value);
  }
  // As response.text() decodes: UTF-8, invalid bytes replaced, a BOM dropped.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Where plain http may go: the access token then never leaves the machine. */
function isLoopback(hostname: string): boolean {
  // The URL parser has normalised the host: lower case, IPv4 in dotted decimal (127.1 is 127.0.0.1), IPv6 compressed.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function positiveInteger(value: string | undefined, fallback: number, zeroAllowed = false): number {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(number) && (number > 0 || (zeroAllowed && number === 0)) ? number : fallback;
}
