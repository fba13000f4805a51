import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { ZId } from '../../core/validation.js';
import { UNIT_KINDS, ZAgreement, ZCreatePartnerUnit, ZEditPartnerUnit, ZUnitList } from '../../../contracts/units.js';
import { checkPhotos, readUpload } from '../attachments/index.js';
import { addAgreementFile, createPartnerUnit, editPartnerUnit, listPartnerUnits, partnerUnitDetail, sendAgreementFile, setAgreement } from './partners.js';
import { exportPartnerUnits } from './ledger.js';
import { listVisibleUnits, toUnit } from './queries.js';

const params = z.object({ id: ZId });

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;
  app.get('/units', { schema: { tags: ['catalogue'], summary: 'The departments and partner units the caller sees (within=true: only those inside their subtree, which an account may be linked to)',
    querystring: z.object({ kind: z.enum(UNIT_KINDS).optional(), within: z.enum(['true', 'false']).optional() }) } }, async (req) => {
    const actor = requireActor(req);
    return { items: (await listVisibleUnits(app.ctx.handle.db, actor, req.query.kind, req.query.within === 'true')).map(toUnit) };
  });

  const tags = ['partner-units'];
  app.get('/partner-units', { schema: { tags, summary: 'Partner units of the caller’s subtree (or a contact’s own), with their agreement’s renewal state', querystring: ZUnitList } },
    async (req) => listPartnerUnits(ctx(), requireActor(req), req.query));
  app.get('/partner-units.xlsx', { schema: { tags, summary: 'The partner units of a place’s subtree with their agreements (.xlsx ledger)', querystring: z.object({ placeId: ZId }) } },
    async (req, reply) => exportPartnerUnits(ctx(), requireActor(req), req.query.placeId, reply));
  app.post('/partner-units', { schema: { tags, summary: 'Sign up a partner unit on a street or community', body: ZCreatePartnerUnit } },
    async (req, reply) => reply.status(201).send(await createPartnerUnit(ctx(), requireActor(req), req.body)));
  app.get('/partner-units/:id', { schema: { tags, summary: 'A partner unit with its agreement and signed files', params } },
    async (req) => partnerUnitDetail(ctx(), requireActor(req), req.params.id));
  app.patch('/partner-units/:id', { schema: { tags, summary: 'Edit a partner unit', params, body: ZEditPartnerUnit } },
    async (req) => editPartnerUnit(ctx(), requireActor(req), req.params.id, req.body));
  app.put('/partner-units/:id/agreement', { schema: { tags, summary: 'Sign or renew the co-building agreement', params, body: ZAgreement } },
    async (req) => setAgreement(ctx(), requireActor(req), req.params.id, req.body));
  app.post('/partner-units/:id/agreement/files', { schema: { tags, summary: 'Upload the signed agreement’s scan (multipart, one image `photos`)', params, consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = requireActor(req);
      return addAgreementFile(ctx(), actor, req.params.id, async () => checkPhotos((await readUpload(req)).files));
    });
  app.get('/partner-units/:id/agreement/files/:fileId', { schema: { tags, summary: 'The signed agreement’s scan', params: z.object({ id: ZId, fileId: ZId }) } },
    async (req, reply) => sendAgreementFile(ctx(), requireActor(req), req.params.id, req.params.fileId, reply));
};
