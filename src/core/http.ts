import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorCode } from '../../contracts/error-codes.js';
import { isStorable, UNSTORABLE } from '../../contracts/validation.js';
import { AppError, unauthenticated, type Message } from './errors.js';
import { yieldIfBusy } from './event-loop.js';
import { describeIssue } from './validation.js';
import type { Actor } from './access/actor.js';
import { msg } from './i18n.js';
import { core } from './messages.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The answer carries unmasked personal data: `Cache-Control: no-store` (files sent as attachments get it anyway). */
    noStore?: boolean;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Resolves the session cookie on every API request (the accounts module says how); routes that need a user call requireActor. */
export function registerSessionHook(app: FastifyInstance, cookieName: string, loadActor: (token: string) => Promise<Actor | null>): void {
  app.decorateRequest('actor', null);
  // Callback-style hooks here and below: they run on every request, and a request without a session, or a GET past the
  // origin check, then costs no promise.
  app.addHook('onRequest', (req, _reply, done) => {
    const token = req.url.startsWith('/api/') ? req.cookies[cookieName] : undefined;
    if (!token) return done();
    loadActor(token).then((actor) => {
      req.actor = actor;
      done();
    }, done);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF: a state-changing request from a browser must come from our own origin. */
export function registerOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    if (SAFE_METHODS.has(req.method)) return done();
    const origin = req.headers.origin;
    if (origin) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== req.host) return done(crossSite());
    } else if (req.headers['sec-fetch-site'] === 'cross-site') {
      return done(crossSite());
    }
    done();
  });
}

const crossSite = () =>
  new AppError(403, 'cross_origin', core.crossOrigin, 'origin');

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
/** A field name as it can be shown: the characters it must not hold escaped (`a\\u0000`). */
const printable = (name: string) => name.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Where `value` (a parsed query, body or form, however deep) holds a string, or an object key, with a character no text
 * field takes (contracts/validation.ts: UNSTORABLE): its dotted path ('' for `value` itself), or null if nowhere.
 * Walked without recursion, so a deeply nested body cannot overflow the stack; a path is spelled out only when found;
 * a 10 MB body (the 12345 import) gives the event loop a turn now and then.
 */
export async function findUnstorable(value: unknown): Promise<string | null> {
  type Step = { v: unknown; key: string; up: Step | null };
  const pathOf = (step: Step | null, last?: string) => {
    const keys = last === undefined ? [] : [last];
    for (let s = step; s && s.up; s = s.up) keys.unshift(s.key);
    return keys.map(printable).join('.');
  };
  const stack: Step[] = [{ v: value, key: '', up: null }];
  for (let seen = 1; stack.length; seen++) {
    if (seen % 1024 === 0) await yieldIfBusy();
    const step = stack.pop()!;
    const { v } = step;
    if (typeof v === 'string') {
      if (!isStorable(v)) return pathOf(step);
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (!isStorable(k)) return pathOf(step, k);
        stack.push({ v: (v as Record<string, unknown>)[k], key: k, up: step });
      }
    }
  }
  return null;
}

/** 400 `control_character` naming the field, if `value` holds a character no text field takes; `field` prefixes the path. */
export async function refuseUnstorable(value: unknown, field?: string): Promise<void> {
  const at = await findUnstorable(value);
  if (at !== null) throw unstorable(at, field);
}

function unstorable(at: string, field?: string): AppError {
  const name = [field, at].filter(Boolean).join('.') || null;
  return new AppError(400, 'control_character', msg(core.controlCharacter, { field: name ?? 'body' }), name);
}

/**
 * The walk of findUnstorable for what most requests carry, a flat record of strings (a route's params, a query
 * string) or nothing: its answer without a promise; undefined when `value` is anything else.
 */
function flatUnstorable(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return undefined;
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v !== 'string') return undefined;
    if (!isStorable(k) || !isStorable(v)) return printable(k);
  }
  return null;
}

/**
 * Every text that enters by the path, the query string or a parsed body (JSON, form-encoded) is checked once, before any
 * route's schema reads it; multipart fields are read by the routes and checked there (refuseUnstorable), files by the
 * ledger kit.
 */
export function registerInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const parts = [req.params, req.query, req.body];
    let nested = false;
    for (const part of parts) {
      const at = flatUnstorable(part);
      if (at === undefined) nested = true;
      else if (at !== null) return done(unstorable(at));
    }
    if (!nested) return done();
    (async () => {
      for (const part of parts) await refuseUnstorable(part);
    })().then(() => done(), done);
  });
}

/** Reveals and files are never cached: the routes that say `noStore`, and every attachment (exports, templates). */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.routeOptions.config?.noStore || /^attachment/i.test(String(reply.getHeader('content-disposition') ?? ''))) {
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}

// What busboy (under @fastify/multipart) throws as a plain Error for a body that is no multipart form: no boundary,
// a boundary the body does not use, a body cut short, a header it cannot read.
const BROKEN_MULTIPART = /^Multipart: |unexpected end of multipart data|malformed part header|needle cannot/i;

/**
 * An error raised below the routes that is the client's fault, as the AppError to answer: a broken multipart form is 400
 * `bad_multipart`. Null for anything else. The Open311 module answers in its own format and asks here too.
 */
export function clientErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const e = error as { statusCode?: number; message?: unknown } | null;
  if (e && !e.statusCode && typeof e.message === 'string' && BROKEN_MULTIPART.test(e.message)) {
    return new AppError(400, 'bad_multipart', core.badMultipart);
  }
  return null;
}

const isErrorCode = (code: unknown): code is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(code);
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Fastify's own 4xx (body parsing, content type, limits) in the API's shape. */
function frameworkRefusal(error: FastifyError, req: FastifyRequest, status: number): { code: ErrorCode; message: Message } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'too_large', message: msg(core.requestTooLarge, { mb: megabytes(req.routeOptions.bodyLimit ?? 1024 * 1024) }) };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', message: msg(core.unsupportedMediaType, { type: printable(String(req.headers['content-type'] ?? '')).slice(0, 100) }) };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'bad_json', message: msg(core.badJson) };
  }
  if (status === 429) return { code: 'rate_limited', message: msg(core.rateLimited) };
  if (status === 413) return { code: 'too_large', message: msg(core.tooLarge) };
  return { code: isErrorCode(error.code) ? error.code : 'bad_request', message: msg(core.badRequest, { error: error.message }) };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raised: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    const error = clientErrorOf(raised) ?? raised;
    if (error instanceof AppError) return reply.status(error.statusCode).send(error.toJSON());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0]!;
      const { field, message } = describeIssue(first);
      const where = (error as any).validationContext as string | undefined;
      return reply.status(400).send({
        code: 'invalid_input',
        field,
        message,
        issues: error.validation.map((v) => ({ ...describeIssue(v), in: where })),
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.status(status).send({ field: null, ...frameworkRefusal(error, req, status) });
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', field: null, message: msg(core.internal) });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ code: 'not_found', field: null, message: msg(core.noRoute, { method: req.method, path: req.url.split('?')[0]! }) });
  });
}

/**
 * Refusals made before any route is found, in the API's shape: a path parameter that is not valid percent-encoding
 * (400 `bad_url`) or longer than the router takes (414 `url_too_long`). Fastify's `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply.status(tooLong ? 414 : 400).send({
    code: tooLong ? 'url_too_long' : 'bad_url', field: null, message: msg(tooLong ? core.urlTooLong : core.badUrl),
  });
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over 16 KB: 431, a request that never finishes
 * arriving: 408, anything else it cannot parse: 400), answered in the API's shape. Fastify's `clientErrorHandler` option.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, Message] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large', msg(core.headersTooLarge)]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout', msg(core.requestTimeout)]
        : [400, 'bad_request', msg(core.badHttp)];
  const body = Buffer.from(JSON.stringify({ code, field: null, message }));
  const head = `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  if (socket.writable) socket.write(Buffer.concat([Buffer.from(head), body]));
  socket.destroy(error);
}
