import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postServiceRequest } from './commands/post-service-request.js';
import { postServiceRequestUpdate } from './commands/post-service-request-update.js';
import { acceptFormPosts, checkJurisdiction, readFields, requireApiKey, type Fields } from './fields.js';
import { DEFAULT_WINDOW_MS, findPublicPhoto, findService, listRequests, listServices, listUpdates, MAX_RESULTS, type RequestFilter } from './queries.js';
import { badRequest, FORMATS, notFound311, open311ErrorHandler, send, splitFile } from './respond.js';
import { discovery, serviceDefinition, toService } from './services.js';
import { statesWith } from './views.js';
import { findWorkOrder } from '../work-orders/index.js';
import { sendAttachment, uploadRoot } from '../attachments/index.js';

// Public GETs; the POSTs carry api_key in the form, not a session.
const doc = (summary: string) => ({ tags: ['open311'], summary, security: [] });
const ZFile = z.object({ file: z.string().max(120) });

function date(f: Fields, name: string): string | undefined {
  const v = f.get(name);
  if (v === undefined) return undefined;
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) throw badRequest(`${name} must be a W3C date-time, e.g. 2026-11-24T09:30:00+08:00`);
  return at.toISOString();
}

/** start_date/end_date, 90 days back from the end by default. */
function timeWindow(f: Fields): { start: string; end: string } {
  const end = date(f, 'end_date') ?? new Date().toISOString();
  const start = date(f, 'start_date') ?? new Date(new Date(end).getTime() - DEFAULT_WINDOW_MS).toISOString();
  if (start > end) throw badRequest('start_date must not be after end_date');
  return { start, end };
}

/** `page` of a dated updates query: 1 for the first MAX_RESULTS. */
function pageOf(f: Fields): number {
  const v = f.get('page');
  if (v === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(v)) throw badRequest('page must be a whole number from 1');
  return Number(v);
}

function requestFilter(f: Fields): RequestFilter {
  const ids = f.list('service_request_id');
  // Several ids override every other filter, as the specification says.
  if (ids) return { ids: ids.slice(0, MAX_RESULTS) };
  const statuses = f.list('status');
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw badRequest('status must be open or closed');
  return { serviceCodes: f.list('service_code'), states: statuses?.flatMap((s) => statesWith(s as 'open' | 'closed')), ...timeWindow(f) };
}

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) with mySociety's servicerequestupdates extension,
 * served at /open311/v2 in XML and JSON. GETs are public and carry no personal data; POSTs need an api_key.
 */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const base = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}${app.prefix}`;
  acceptFormPosts(app);
  app.setErrorHandler(open311ErrorHandler);
  const noResource = (req: { method: string; url: string }) => notFound311(`No resource ${req.method} ${req.url.split('?')[0]}`);
  app.setNotFoundHandler((req, reply) => open311ErrorHandler(noResource(req), req, reply));
  // The root and every unknown path under it, as routes of this prefix: the web app's catch-all (/*) would otherwise
  // answer them, with the app's own error shape.
  for (const url of ['/', '/*']) {
    app.all(url, { schema: { hide: true } }, async (req) => {
      throw noResource(req);
    });
  }
  const fields = async (req: Parameters<typeof readFields>[0]) => {
    const f = await readFields(req);
    checkJurisdiction(app.ctx, f);
    return f;
  };

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, { schema: doc('Service discovery') }, async (req, reply) => {
      await fields(req);
      return send(reply, format, 'discovery', discovery(base(req)));
    });

    app.get(`/services.${format}`, { schema: doc('Service list: the active categories') }, async (req, reply) => {
      await fields(req);
      return send(reply, format, 'services', (await listServices(db())).map(toService));
    });

    app.post(`/requests.${format}`, { schema: doc('Create a service request (form-encoded, api_key)') }, async (req, reply) => {
      const f = await fields(req);
      const key = await requireApiKey(app.ctx, f);
      return send(reply, format, 'service_requests', [await postServiceRequest(app.ctx, key, f)]);
    });

    app.get(`/requests.${format}`, { schema: doc('Service requests: service_request_id (comma-separated), service_code, status, start_date, end_date') }, async (req, reply) => {
      const f = await fields(req);
      return send(reply, format, 'service_requests', await listRequests(db(), requestFilter(f), base(req)));
    });

    app.get(`/servicerequestupdates.${format}`, {
      schema: doc('Updates (the work orders’ steps and comments), oldest first: start_date, end_date and page (1, 2, … while a Link rel="next" header names the next); without dates the newest 1000'),
    }, async (req, reply) => {
      const f = await fields(req);
      const dated = f.get('start_date') !== undefined || f.get('end_date') !== undefined;
      const page = pageOf(f);
      const { updates, more } = await listUpdates(db(), dated ? { ...timeWindow(f), page } : { newest: true });
      if (more) {
        const next = new URL(req.url, `${req.protocol}://${req.host}`);
        next.searchParams.set('page', String(page + 1));
        reply.header('link', `<${next.pathname}${next.search}>; rel="next"`);
      }
      return send(reply, format, 'service_request_updates', updates);
    });

    app.post(`/servicerequestupdates.${format}`, { schema: doc('Add an update (a resident’s comment) to a request (form-encoded, api_key)') }, async (req, reply) => {
      const f = await fields(req);
      const key = await requireApiKey(app.ctx, f);
      return send(reply, format, 'service_request_updates', [await postServiceRequestUpdate(app.ctx, key, f)]);
    });
  }

  app.get('/services/:file', { schema: { ...doc('Service definition: services/{service_code}.{json,xml}'), params: ZFile } }, async (req, reply) => {
    const { name, format } = splitFile(req.params.file);
    const f = await fields(req);
    const key = f.get('api_key') === undefined ? null : await requireApiKey(app.ctx, f);
    if (!(await findService(db(), name))) throw notFound311(`service_code ${name} not found`);
    return send(reply, format, 'service_definition', await serviceDefinition(db(), app.ctx.config.districtCode, name, key?.place_path));
  });

  app.get('/requests/:file', { schema: { ...doc('One service request: requests/{service_request_id}.{json,xml}'), params: ZFile } }, async (req, reply) => {
    const { name, format } = splitFile(req.params.file);
    await fields(req);
    const found = await listRequests(db(), { ids: [name] }, base(req));
    if (!found.length) throw notFound311(`service_request_id ${name} not found`);
    return send(reply, format, 'service_requests', found);
  });

  app.get('/media/:file', { schema: { ...doc('A photo uploaded with a request (multipart `media`), without its metadata: media/{id}.{jpg,png,webp}'), params: ZFile } }, async (req, reply) => {
    const photo = await findPublicPhoto(db(), req.params.file.replace(/\.(jpe?g|png|webp)$/i, ''));
    if (!photo) throw notFound311(`media ${req.params.file} not found`);
    return sendAttachment(reply, uploadRoot(app.ctx.config), photo, 'media');
  });

  app.get('/tokens/:file', { schema: { ...doc('The request id for a token (our work-order id): tokens/{token}.{json,xml}'), params: ZFile } }, async (req, reply) => {
    const { name, format } = splitFile(req.params.file);
    await fields(req);
    const order = await findWorkOrder(db(), name);
    if (!order) throw notFound311(`token ${name} not found`);
    return send(reply, format, 'service_requests', [{ service_request_id: order.tracking_no, token: order.id }]);
  });
};

