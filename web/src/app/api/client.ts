export interface BilingualMessage {
  zh: string;
  en: string;
}

export interface RowError {
  row: number;
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

export const api = {
  get: <T>(url: string) => json<T>('GET', url),
  post: <T>(url: string, body?: unknown) => json<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => json<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => json<T>('PUT', url, body),
  /** Downloads a file the way the browser would, but lets errors surface as ApiError. */
  async download(url: string, fallbackName: string): Promise<void> {
    const res = await send('GET', url);
    const blob = await res.blob();
    const disposition = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const name = star?.[1] ? decodeURIComponent(star[1]) : fallbackName;
    const href = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement('a'), { href, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  },
};
