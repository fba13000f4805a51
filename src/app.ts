import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createSmsProvider } from './core/sms.js';
import type { AppContext } from './core/context.js';
import { countStatementsFromHere } from './core/db.js';
import {
  clientErrorHandler, frameworkErrors, registerErrorHandler, registerInputCheck, registerNoStore, registerOriginCheck, registerSessionHook,
} from './core/http.js';
import { modules } from './platform.js';
import { loadActor, SESSION_COOKIE } from './modules/accounts/index.js';
import { firstRequests, isLightPage } from '../contracts/light-pages.js';
import { core } from './core/messages.js';
import { serializeRequest } from './core/request-log.js';

const builtWeb = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface BuildOptions {
  logger?: boolean;
  /** Where the log goes instead of stdout (the log tests read it); implies logger. */
  logStream?: { write(line: string): void };
  /** Serve the built web app from web/dist when it exists (off in API tests). */
  serveWeb?: boolean;
  /** The built web app's folder (default web/dist; the test of which page each path gets builds its own). */
  webDist?: string;
  /** Answer each API request with `x-sql-statements`, the statements it ran (the query-budget tests). */
  countStatements?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger || opts.logStream
      ? {
          level: ctx.config.logLevel,
          ...(opts.logStream ? { stream: opts.logStream } : {}),
          // No personal data or credentials in logs: query values other than ids and filters are cut, bodies never logged.
          serializers: { req: serializeRequest },
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        }
      : false,
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names; anyone else could choose their own address.
    trustProxy: ctx.config.trustProxy.length ? ctx.config.trustProxy : false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    // Refusals made before a route is found (an undecodable path, headers over Node's 16 KB) answer in the API's shape.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  // One SMS provider per process, for the routes and the steps that text residents (a test may set its own first).
  ctx.sms ??= { provider: createSmsProvider(ctx.config, app.log), log: app.log };

  // Standard security headers; the helmet middleware is built once (the Fastify plugin rebuilds it per request).
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design and Swagger UI inject style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
      },
    },
    hsts: { maxAge: 15552000 },
  });
  app.addHook('onRequest', (req, reply, done) => secureHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(cookie);
  // With several app processes, REDIS_URL makes the sign-in limit one count across all of them.
  const redis = ctx.config.redisUrl ? new Redis(ctx.config.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1 }) : undefined;
  if (redis) app.addHook('onClose', async () => void redis.quit());
  await app.register(rateLimit, { global: false, redis, nameSpace: 'onegrid-rl-', skipOnError: true });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 6 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'OneGrid API', description: `${core.appName.zh}: places, accounts, events, personal data`, version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'onegrid_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (opts.countStatements) {
    app.addHook('onRequest', async (req) => void ((req as { sqlCount?: () => number }).sqlCount = countStatementsFromHere()));
    app.addHook('onSend', async (req, reply) => void reply.header('x-sql-statements', String((req as { sqlCount?: () => number }).sqlCount?.() ?? 0)));
  }
  registerErrorHandler(app);
  registerOriginCheck(app);
  registerSessionHook(app, SESSION_COOKIE, (token) => loadActor(ctx.handle.db, token));
  registerInputCheck(app);
  registerNoStore(app);

  app.get('/api/health', { schema: { tags: ['system'] } }, async () => ({
    status: 'ok' as const,
    database: ctx.handle.dialect,
  }));
  for (const m of modules) for (const routes of m.routes ?? []) await app.register(routes, { prefix: m.prefix ?? '/api' });

  const webDist = opts.webDist ?? builtWeb;
  if (opts.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, index: false,
      // The build writes .br/.gz beside each script and stylesheet; their names carry a content hash, so they never change.
      preCompressed: true,
      setHeaders: (reply, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    const index = fs.readFileSync(path.join(webDist, 'index.html'));
    // The residents' phone pages and the public pages have their own light entry (no back-office code, no Ant Design).
    const light = fs.existsSync(path.join(webDist, 'h5.html')) ? fs.readFileSync(path.join(webDist, 'h5.html'), 'utf8') : null;
    // Each light page names the API requests of its first screen, which the browser starts beside the scripts.
    const lightPage = (url: string) => {
      const [file = '', query = ''] = url.split('?');
      const hints = firstRequests(file, new URLSearchParams(query))
        .map((href) => `<link rel="preload" as="fetch" crossorigin href="${href.replaceAll('&', '&amp;').replaceAll('"', '%22')}">`).join('');
      return light!.replace('</title>', `</title>${hints}`);
    };
    // Addresses that are never the web app: the modules' API prefixes and the built assets answer 404 themselves.
    const notPages = ['/assets/', ...new Set(modules.map((m) => `/${(m.prefix ?? '/api').split('/')[1]}/`))];
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const file = req.url.split('?')[0]!;
      if (notPages.some((p) => file.startsWith(p))) return reply.callNotFound();
      return reply.type('text/html').header('cache-control', 'no-cache').send(light && isLightPage(file) ? lightPage(req.url) : index);
    });
  }
  return app;
}
