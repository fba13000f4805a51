import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { transition } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId } from '../../core/validation.js';
import { ZCreateResource, ZNeedFromWorkOrder, ZNeedList, ZNeedStep, ZReportNeed, ZResourceList } from '../../../contracts/three-lists.js';
import { checkPhotos, readUpload, withAttachmentFiles } from '../attachments/index.js';
import { parseForm, requireResident, residentCaller } from '../resident-h5/index.js';
import { exportNeeds, exportResources } from './ledger.js';
import { needLifecycle, resourceLifecycle } from './lifecycle.js';
import { needFromWorkOrder, listNeeds, listResidentNeeds, needDetail, reportNeed, reportResidentNeed, sendNeedPhoto, suggestResources } from './needs.js';
import { suggestMembers } from './member-suggestions.js';
import { createResource, listResources, resourceDetail } from './resources.js';

const tags = ['three-lists'];
const params = z.object({ id: ZId });
const MULTIPART_OR_JSON = ['multipart/form-data', 'application/json'];

/** A form's fields and photos: multipart (fields and files `photos`) or a JSON body without photos. */
async function readForm(req: FastifyRequest) {
  if (!req.isMultipart()) return { fields: (req.body ?? {}) as Record<string, string>, files: [] };
  const { fields, files } = await readUpload(req);
  return { fields: fields ?? {}, files };
}

/** A need as reported, checked, with its checked photos. */
async function reportForm(req: FastifyRequest) {
  const { fields, files } = await readForm(req);
  return { input: parseForm(ZReportNeed, fields), photos: checkPhotos(files) };
}

/** 三单: needs, resources, suggestions and the steps of both state tables. */
export const threeListRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;

  app.post('/needs', { schema: { tags, summary: 'Report a need (grid worker, building head or office), JSON or multipart with up to 6 files `photos`', consumes: MULTIPART_OR_JSON } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { input, photos } = await reportForm(req);
      return reply.status(201).send(await reportNeed(ctx(), actor, input, photos));
    });
  app.post('/needs/from-work-order', { schema: { tags, summary: 'Turn a work order into a need (the need names the order, the order’s timeline the need)', body: ZNeedFromWorkOrder } },
    async (req, reply) => reply.status(201).send(await needFromWorkOrder(ctx(), requireActor(req), req.body)));
  app.get('/needs.xlsx', { schema: { tags, summary: 'The needs of a place’s subtree (.xlsx ledger)', querystring: z.object({ placeId: ZId }) } },
    async (req, reply) => exportNeeds(ctx(), requireActor(req), req.query.placeId, reply));
  app.get('/needs', { schema: { tags, summary: 'The needs the caller sees', querystring: ZNeedList } }, async (req) => listNeeds(ctx(), requireActor(req), req.query));
  app.get('/needs/:id', { schema: { tags, summary: 'A need with its photos, timeline and next steps', params } }, async (req) => needDetail(ctx(), requireActor(req), req.params.id));
  app.get('/needs/:id/suggestions', { schema: { tags, summary: 'Resources suggested for a need, ranked, each with its reasons', params } },
    async (req) => suggestResources(ctx(), requireActor(req), req.params.id));
  app.get('/needs/:id/members', { schema: { tags, summary: 'Party members with a linked sign-in the need may be dispatched to, ranked, each with its reasons', params } },
    async (req) => suggestMembers(ctx(), requireActor(req), req.params.id));
  app.get('/needs/:id/photos/:fileId', { schema: { tags, summary: 'A photo of a need', params: z.object({ id: ZId, fileId: ZId }) } },
    async (req, reply) => sendNeedPhoto(ctx(), requireActor(req), req.params.id, req.params.fileId, reply));
  app.post('/needs/:id/deliver', {
    schema: { tags, summary: 'Deliver: the record and up to 6 photos (multipart: version, note, files `photos`)', params, consumes: MULTIPART_OR_JSON },
  }, async (req) => {
    const actor = requireActor(req);
    const { fields, files } = await readForm(req);
    const input = parseForm(ZNeedStep.deliver, fields);
    const photos = checkPhotos(files);
    return withAttachmentFiles((staged) => transition(needLifecycle, ctx(), actor, req.params.id, 'deliver', { ...input, photos, staged }));
  });
  await app.register(lifecycleRoutes(needLifecycle, { base: '/needs', tags, caller: requireActor, only: ['publish', 'reject', 'merge', 'dispatch', 'take', 'decline', 'rate'] }));

  app.post('/resources', { schema: { tags, summary: 'Submit a unit’s resource for review', body: ZCreateResource } },
    async (req, reply) => reply.status(201).send(await createResource(ctx(), requireActor(req), req.body)));
  app.get('/resources.xlsx', { schema: { tags, summary: 'The resources serving a place’s subtree (.xlsx ledger)', querystring: z.object({ placeId: ZId }) } },
    async (req, reply) => exportResources(ctx(), requireActor(req), req.query.placeId, reply));
  app.get('/resources', { schema: { tags, summary: 'The resources the caller sees', querystring: ZResourceList } }, async (req) => listResources(ctx(), requireActor(req), req.query));
  app.get('/resources/:id', { schema: { tags, summary: 'A resource with its next steps', params } }, async (req) => resourceDetail(ctx(), requireActor(req), req.params.id));
  await app.register(lifecycleRoutes(resourceLifecycle, { base: '/resources', tags, caller: requireActor }));
};

/** The resident's phone page: report a need, follow and rate their own. */
export const threeListH5Routes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;
  const h5 = { tags, security: [] };
  app.post('/h5/needs', { schema: { ...h5, summary: 'Report a need on my compound, building or household, JSON or multipart with up to 6 files `photos`', consumes: MULTIPART_OR_JSON } },
    async (req, reply) => {
      const caller = residentCaller(await requireResident(req));
      const { input, photos } = await reportForm(req);
      return reply.status(201).send(await reportResidentNeed(ctx(), caller, input, photos));
    });
  app.get('/h5/needs', { schema: { ...h5, summary: 'My needs' } }, async (req) => listResidentNeeds(ctx(), residentCaller(await requireResident(req))));
  app.get('/h5/needs/:id', { schema: { ...h5, summary: 'One of my needs', params } }, async (req) => needDetail(ctx(), residentCaller(await requireResident(req)), req.params.id));
  app.post('/h5/needs/:id/rate', { schema: { ...h5, summary: 'Rate a delivered need', params, body: ZNeedStep.rate } }, async (req) => {
    const caller = residentCaller(await requireResident(req));
    await transition(needLifecycle, ctx(), caller, req.params.id, 'rate', req.body);
    return needDetail(ctx(), caller, req.params.id);
  });
};
