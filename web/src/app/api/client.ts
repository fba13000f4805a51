export interface BilingualMessage {
  zh: string;
  en: string;
}

export interface RowError {
  row: number;
  /** The sheet's column letter, for rows of an uploaded workbook. */
  column?: string;
  field: string;
  message: BilingualMessage;
}

/** The server's one error shape, `{ code, field, message: { zh, en } }`, plus the HTTP status (0: no answer). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: BilingualMessage | null,
    readonly field: string | null = null,
    readonly errors: RowError[] = [],
  ) {
    super(messages?.en ?? code);
  }
}

/** What to tell the user of a failed request: the server's sentence, else which of the shell's texts (common.*) to show. */
export function errorMessage(err: unknown): BilingualMessage | 'common.networkError' | 'common.unknownError' {
  if (err instanceof ApiError) {
    if (err.status === 0) return 'common.networkError';
    if (err.messages) return err.messages;
  }
  return 'common.unknownError';
}

let onUnauthorized: (() => void) | null = null;
/** The session registers what to do when any request answers 401 (sign-in is over). */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

/** Turns a non-2xx response into an ApiError (used by fetch and XHR paths alike). */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { code?: string; field?: string | null; message?: BilingualMessage; errors?: RowError[] };
  const messages = b.message && typeof b.message === 'object' ? b.message : null;
  if (status === 401 && onUnauthorized) onUnauthorized();
  return new ApiError(status, b.code ?? `http_${status}`, messages, b.field ?? null, b.errors ?? []);
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network', null);
  }
  if (!res.ok) {
    const parsed: unknown = await res.json().catch(() => null);
    throw toApiError(res.status, parsed);
  }
  return res;
}

async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await send(method, url, body);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** GETs started before the app rendered, by URL, each taken by the first `api.get` of that URL. */
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();
/** An answer older than this is stale: the page asks again. */
const PREFETCH_FRESH_MS = 10_000;

/**
 * Starts a GET now, before React has rendered, so that the page's first request for the same URL finds its answer
 * already on the way (the first screen otherwise waits for each render to ask for the next thing). One use each.
 */
export function prefetch<T>(url: string): Promise<T> {
  const answer = json<T>('GET', url);
  prefetched.set(url, { at: Date.now(), answer });
  answer.catch(() => undefined); // a prefetch nobody takes must not report an unhandled rejection
  return answer;
}

/** Drops every prefetched answer (sign-in and sign-out change what the server would say). */
export function forgetPrefetched(): void {
  prefetched.clear();
}

function takePrefetched<T>(url: string): Promise<T> | undefined {
  const hit = prefetched.get(url);
  if (!hit) return undefined;
  prefetched.delete(url);
  return Date.now() - hit.at < PREFETCH_FRESH_MS ? (hit.answer as Promise<T>) : undefined;
}

export const api = {
  get: <T>(url: string) => takePrefetched<T>(url) ?? json<T>('GET', url),
  post: <T>(url: string, body?: unknown) => json<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => json<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => json<T>('PUT', url, body),
};
