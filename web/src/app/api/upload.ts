import { ApiError, toApiError } from './client';

interface Hooks {
  /** 0–100 while the file goes up. */
  onProgress: (percent: number) => void;
  /** The last byte is sent; from here on the server is working. */
  onUploaded: () => void;
}

/** A multipart upload with progress (fetch cannot report upload progress, XHR can). */
/** `fields` go before the file, so the server reads them before the file arrives. */
export function uploadFile<T>(url: string, file: Blob, fieldName: string, hooks: Hooks, fields: Record<string, string> = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && hooks.onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = () => hooks.onUploaded();
    xhr.onerror = () => reject(new ApiError(0, 'network', null));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, body));
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(fieldName, file, file instanceof File ? file.name : 'upload.xlsx');
    xhr.send(form);
  });
}
