import { ApiError, toApiError } from './client';

/** The name the server gives (RFC 5987 `filename*` first, for Chinese names, then `filename`), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

/** Reads the body, telling how far it is when the server says how long it will be (null: not known). */
async function readBody(res: Response, onProgress: (fraction: number | null) => void): Promise<Blob> {
  const length = Number(res.headers.get('content-length') ?? 0);
  if (!res.body || !length) {
    onProgress(null);
    return res.blob();
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(Math.min(1, received / length));
  }
  return new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
}

/** Downloads a file (an .xlsx ledger) the way the browser would, but errors arrive as ApiError and progress is told. */
export async function downloadFile(url: string, fallbackName: string, onProgress: (fraction: number | null) => void = () => undefined): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', null);
  }
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
  const blob = await readBody(res, onProgress);
  const href = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href, download: fileNameOf(res.headers.get('content-disposition'), fallbackName) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
