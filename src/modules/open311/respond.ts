import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { clientErrorOf } from '../../core/http.js';
import { toXml } from './xml.js';

export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['json', 'xml'];

/** An error as GeoReport v2 answers it: HTTP 400, 403 or 404 with `[{ code, description }]`. */
export class Open311Error extends Error {
  constructor(readonly status: 400 | 403 | 404, description: string) {
    super(description);
  }
}
export const badRequest = (description: string) => new Open311Error(400, description);
export const notFound311 = (description: string) => new Open311Error(404, description);

/** The format the client asked for by the path's extension; XML, the required format, otherwise. */
export const formatOf = (url: string): Format => (/\.json$/i.test(url.split('?')[0]!) ? 'json' : 'xml');

/** 'street-light.json' → { name: 'street-light', format: 'json' }. */
export function splitFile(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/i.exec(file);
  if (!m) throw notFound311('Use the .json or .xml extension');
  return { name: m[1]!, format: m[2]!.toLowerCase() as Format };
}

/** JSON as given; XML under `root`, lists repeating their item element. */
export function send(reply: FastifyReply, format: Format, root: string, data: unknown, status = 200) {
  reply.status(status).header('cache-control', 'no-store');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(data));
  return reply.type('text/xml; charset=utf-8').send(toXml(root, data));
}

const describe = (e: AppError) => `${e.msg.en} (${e.msg.zh})`;

export function open311ErrorHandler(raised: FastifyError | AppError | Open311Error, req: FastifyRequest, reply: FastifyReply) {
  const error = raised instanceof Open311Error ? raised : (clientErrorOf(raised) ?? raised);
  let status: 400 | 403 | 404 | 500 = 500;
  let description = 'Internal error';
  if (error instanceof Open311Error) [status, description] = [error.status, error.message];
  else if (error instanceof AppError) [status, description] = [error.statusCode === 404 ? 404 : error.statusCode === 401 || error.statusCode === 403 ? 403 : 400, describe(error)];
  else if ((error.statusCode ?? 500) < 500) [status, description] = [error.statusCode === 404 ? 404 : 400, error.message];
  else req.log.error({ err: error }, 'unhandled error');
  return send(reply, formatOf(req.url), 'errors', [{ code: status, description }], status);
}
