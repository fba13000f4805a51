import type { ErrorCode } from '../../contracts/error-codes.js';
import { msg, type Entry } from './i18n.js';
import { core } from './messages.js';

export interface Message {
  zh: string;
  en: string;
}

/** The one error shape every route answers with: `{ code, field, message: { zh, en } }`. */
export class AppError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: ErrorCode,
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
  new AppError(404, 'not_found', msg(core.notFound, { what }));

export const forbidden = () =>
  new AppError(403, 'forbidden', core.forbidden);

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', core.unauthenticated);

export const staleVersion = () =>
  new AppError(409, 'stale_version', core.staleVersion, 'version');

/** 422: `message` is a catalogue entry, filled in with `msg` where it takes values. */
export const invalid = (field: string, message: Entry, code: ErrorCode = 'invalid') =>
  new AppError(422, code, { zh: message.zh, en: message.en }, field);

export const conflict = (field: string | null, message: Entry, code: ErrorCode = 'conflict') =>
  new AppError(409, code, { zh: message.zh, en: message.en }, field);
