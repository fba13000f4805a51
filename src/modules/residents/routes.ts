import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allowedWhere, authorize, can } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import { AppError, notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { revealPersonal } from '../../core/reveal.js';
import { ZId } from '../../core/validation.js';
import { findPlace, toPlace } from '../places/index.js';
import { createResident } from './commands/create-resident.js';
import { exportRoster } from './commands/export-roster.js';
import { importRoster } from './commands/import-roster.js';
import { updateResident } from './commands/update-resident.js';
import { residentPolicy } from './policy.js';
import { ROSTER_LIMITS } from './roster-layout.js';
import { findResident, householdResidents, listResidents, toResident } from './queries.js';
import { ZCreateResident, ZResidentsQuery, ZRevealResident, ZUpdateResident } from './schema.js';
import { residentMsg } from './messages.js';

const tags = ['residents'];
const ZParams = z.object({ id: ZId });

export const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  async function readable(actorReq: Parameters<typeof requireActor>[0], id: string) {
    const actor = requireActor(actorReq);
    const resident = await findResident(db(), id);
    if (!resident) throw notFound('resident');
    authorize(actor, residentPolicy, 'read', resident.place_path, { id });
    return { actor, resident };
  }

  app.get('/residents', { schema: { tags, querystring: ZResidentsQuery } }, async (req) => {
    const actor = requireActor(req);
    let within: string | undefined;
    if (req.query.placeId) {
      const place = await findPlace(db(), req.query.placeId);
      if (!place) throw notFound('place');
      authorize(actor, residentPolicy, 'read', place.path, { id: '' }, 'place');
      within = place.path;
    }
    return listResidents(db(), (eb) => eb.and([
      allowedWhere(eb, actor, residentPolicy, 'read', 'residents.place_path'),
      ...(within ? [inSubtrees(eb, 'residents.place_path', [within])] : []),
    ]), req.query);
  });

  /** A household with its residents, masked: what a grid worker opens at the door. */
  app.get('/households/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const household = await findPlace(db(), req.params.id);
    if (!household || household.level !== 'household') throw notFound('household');
    authorize(actor, residentPolicy, 'read', household.path, { id: '' }, 'household');
    const residents = await householdResidents(db(), household.id);
    return { household: toPlace(household), residents: residents.map(toResident) };
  });

  app.get('/residents/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const { actor, resident } = await readable(req, req.params.id);
    const actions = ['update', 'reveal'].filter((a) => can(actor, residentPolicy, a, resident.place_path, { id: resident.id }));
    return { resident: toResident(resident), actions };
  });

  app.post('/residents', { schema: { tags, body: ZCreateResident } }, async (req, reply) =>
    reply.status(201).send(await createResident(app.ctx, requireActor(req), req.body)),
  );

  app.patch('/residents/:id', { schema: { tags, params: ZParams, body: ZUpdateResident } }, async (req) =>
    updateResident(app.ctx, requireActor(req), req.params.id, req.body),
  );

  app.post('/residents/:id/reveal', { schema: { tags, params: ZParams, body: ZRevealResident }, config: { noStore: true } }, async (req) => {
    const { actor, resident } = await readable(req, req.params.id);
    authorize(actor, residentPolicy, 'reveal', resident.place_path, { id: resident.id });
    const stored = req.body.field === 'phone' ? resident.phone_enc : resident.id_number_enc;
    const value = await revealPersonal(db(), app.ctx.cipher, actor, {
      entityType: 'resident', entityId: resident.id, placeId: resident.place_id, field: req.body.field, stored, reason: req.body.reason,
    });
    return { field: req.body.field, value };
  });

  app.get('/places/:id/roster.xlsx', { schema: { tags, params: ZParams } }, async (req, reply) => {
    await exportRoster(app.ctx, requireActor(req), req.params.id, reply);
    return reply;
  });

  /** The upload is read as it arrives (row and size limits stop it early); the page shows its progress going up. */
  app.post('/places/:id/roster', { schema: { tags, params: ZParams, consumes: ['multipart/form-data'] }, config: { noStore: true } }, async (req) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw noFile();
    const part = await req.file({ limits: { fileSize: ROSTER_LIMITS.maxBytes + 1 } });
    if (!part) throw noFile();
    try {
      return await importRoster(app.ctx, actor, req.params.id, part.file);
    } finally {
      // Refused before reading (scope, role): let the rest of the upload run through so the answer reaches the client.
      if (!part.file.readableEnded) part.file.resume();
    }
  });
};

const noFile = () => new AppError(400, 'file_required', residentMsg.fileRequired, 'file');
