import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, unauthenticated } from './errors.js';
import { describeIssue } from './validation.js';
import type { Actor } from './access/actor.js';
import { msg } from './i18n.js';
import { core } from './messages.js';

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Resolves the session cookie on every API request (the accounts module says how); routes that need a user call requireActor. */
export function registerSessionHook(app: FastifyInstance, cookieName: string, loadActor: (token: string) => Promise<Actor | null>): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[cookieName];
    if (token) req.actor = await loadActor(token);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF: a state-changing request from a browser must come from our own origin. */
export function registerOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== req.host) throw crossSite();
    } else if (site === 'cross-site') {
      throw crossSite();
    }
  });
}

const crossSite = () =>
  new AppError(403, 'cross_origin', core.crossOrigin, 'origin');

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
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
    if (status === 429) {
      return reply.status(429).send({ code: 'rate_limited', field: null, message: msg(core.rateLimited) });
    }
    if (status === 413) {
      return reply.status(413).send({ code: 'too_large', field: null, message: msg(core.tooLarge) });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        code: error.code ?? 'bad_request',
        field: null,
        message: msg(core.badRequest, { error: error.message }),
      });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', field: null, message: msg(core.internal) });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ code: 'not_found', field: null, message: msg(core.noRoute, { method: req.method, path: req.url.split('?')[0]! }) });
  });
}
