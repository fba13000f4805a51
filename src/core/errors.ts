export interface Message {
  zh: string;
  en: string;
}

/** The one error shape every route answers with: `{ code, field, message: { zh, en } }`. */
export class AppError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    readonly msg: Message,
    readonly field: string | null = null,
    readonly details?: Record<string, unknown>,
  ) {
    super(msg.en);
  }

  toJSON() {
    return { code: this.code, field: this.field, message: this.msg, ...(this.details ?? {}) };
  }
}

export const notFound = (what = 'record') =>
  new AppError(404, 'not_found', { zh: '记录不存在或无权访问', en: `The ${what} does not exist or is outside your area` });

export const forbidden = () =>
  new AppError(403, 'forbidden', { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' });

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', { zh: '请先登录', en: 'Please sign in' });

export const staleVersion = () =>
  new AppError(409, 'stale_version', {
    zh: '该记录已被他人修改,请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  }, 'version');

export const invalid = (field: string, zh: string, en: string, code = 'invalid') =>
  new AppError(422, code, { zh, en }, field);

export const conflict = (field: string | null, zh: string, en: string, code = 'conflict') =>
  new AppError(409, code, { zh, en }, field);
