import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { extraLimit } from '../../core/limits.js';
import { mask } from '../../core/personal-data.js';
import { ZId } from '../../core/validation.js';
import { ZStep } from '../../../contracts/work-order-steps.js';
import { checkPhotos, readUpload } from '../attachments/index.js';
import { fileH5Demand } from './commands/file-h5-demand.js';
import { rateDemand } from './commands/rate-demand.js';
import { sendCode } from './commands/send-code.js';
import { signInResident } from './commands/sign-in-resident.js';
import { listOwnDemands, ownDemand } from './demand-queries.js';
import { activeCategories, locateCompound, publicPlace, searchCompounds } from './public-queries.js';
import { parseForm, ZDemandList, ZH5Demand, ZH5Locate, ZPlaceSearch, ZRequestCode, ZResidentLogin } from './schema.js';
import { h5Msg } from './messages.js';
import { deleteResidentSession, RESIDENT_COOKIE, requireResident, setResidentCookie } from './sessions.js';

const tags = ['resident-h5'];
const ZParams = z.object({ id: ZId });
const perIp = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });
// Filing is limited per resident session (many residents may share one carrier IP).
const perResident = { rateLimit: { max: 20, timeWindow: '1 hour', keyGenerator: (req: FastifyRequest) =>
  createHash('sha256').update(req.cookies[RESIDENT_COOKIE] ?? req.ip).digest('base64url') } };

export const CODES_PER_ADDRESS_MINUTE = 20;
export const CODES_PER_ADDRESS_HOUR = 60;

/** The resident's phone page (H5): sign in by SMS code, pick a place, file with photos, follow and rate. */
export const residentH5Routes: FastifyPluginAsyncZod = async (app) => {
  // Codes: one a minute and five an hour per phone (send-code.ts), 20 a minute and 60 an hour per address in all.
  const codesPerAddressHour = extraLimit(app, { name: 'sms-code-address', max: CODES_PER_ADDRESS_HOUR, timeWindow: '1 hour', key: (req) => req.ip,
    code: 'code_rate_limited', message: h5Msg.perAddress, field: 'phone' });
  app.post('/h5/code', { schema: { tags, summary: 'Send a one-time sign-in code by SMS', body: ZRequestCode, security: [] },
    config: perIp(CODES_PER_ADDRESS_MINUTE, '1 minute'), preHandler: codesPerAddressHour },
    async (req) => ({ sent: true, ...(await sendCode(app.ctx, req.body.phone)) }));

  app.post('/h5/login', { schema: { tags, summary: 'Sign in with phone and code', body: ZResidentLogin, security: [] }, config: perIp(20, '1 minute') },
    async (req, reply) => {
      setResidentCookie(reply, await signInResident(app.ctx, req.body.phone, req.body.code));
      return { phoneMasked: mask('phone', req.body.phone) };
    });

  app.post('/h5/logout', { schema: { tags, security: [] } }, async (req, reply) => {
    const token = req.cookies[RESIDENT_COOKIE];
    if (token) await deleteResidentSession(app.ctx.handle.db, token);
    reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/h5/me', { schema: { tags, security: [] } }, async (req) => ({ phoneMasked: (await requireResident(req)).phoneMasked }));

  // The phone's location (with the resident's permission) proposes a compound, which the resident confirms or changes.
  app.get('/h5/places/locate', { schema: { tags, summary: 'The compound at a WGS-84 point, among those a resident may file for', querystring: ZH5Locate, security: [] },
    config: perIp(60, '1 minute') }, async (req) => locateCompound(app.ctx, req.query.long, req.query.lat));

  app.get('/h5/places/:id', { schema: { tags, summary: 'A compound or building as its QR link shows it', params: ZParams, security: [] } },
    async (req) => publicPlace(app.ctx, req.params.id));

  app.get('/h5/places', { schema: { tags, summary: 'Find a compound by name', querystring: ZPlaceSearch, security: [] }, config: perIp(60, '1 minute') },
    async (req) => searchCompounds(app.ctx, req.query.q));

  app.get('/h5/categories', { schema: { tags, security: [] } }, async () => activeCategories(app.ctx));

  app.post('/h5/demands', {
    schema: { tags, summary: 'File a demand with up to 6 photos (multipart: fields and files `photos`)', consumes: ['multipart/form-data'], security: [] },
    config: perResident,
  }, async (req, reply) => {
    const resident = await requireResident(req);
    const { fields, files } = await readUpload(req);
    const input = parseForm(ZH5Demand, fields);
    const photos = checkPhotos(files);
    return reply.status(201).send(await fileH5Demand(app.ctx, resident, input, photos));
  });

  app.get('/h5/demands', { schema: { tags, summary: 'My demands', querystring: ZDemandList, security: [] } },
    async (req) => listOwnDemands(app.ctx, await requireResident(req), req.query));

  app.get('/h5/demands/:id', { schema: { tags, summary: 'One of my demands with its timeline', params: ZParams, security: [] } },
    async (req) => ownDemand(app.ctx, await requireResident(req), req.params.id));

  app.post('/h5/demands/:id/rate', { schema: { tags, summary: 'Confirm and rate a resolved demand', params: ZParams, body: ZStep.rate, security: [] } },
    async (req) => {
      const resident = await requireResident(req);
      await rateDemand(app.ctx, resident, req.params.id, req.body);
      return ownDemand(app.ctx, resident, req.params.id);
    });
};
