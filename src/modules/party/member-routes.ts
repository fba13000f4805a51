import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/access/policy.js';
import { AppError, notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { revealPersonal } from '../../core/reveal.js';
import { ZId, ZPage } from '../../core/validation.js';
import { PARTY_MEMBER_CATEGORIES, PARTY_MEMBER_STATES, ZCreatePartyMember, ZRevealPartyMember } from '../../../contracts/party.js';
import { partyMemberLifecycle as def, loadPartyMember, toPartyMember } from './member-lifecycle.js';
import { partyMemberPolicy } from './member-policy.js';
import { createPartyMember, listPartyMembers } from './members.js';
import { exportMemberRoster, importMemberRoster } from './member-roster.js';
import { partyMsg } from './messages.js';
import { memberPhotos, sendMemberPhoto, setMemberPhoto } from './member-photo.js';
import { memberAccount, setMemberAccount } from './member-account.js';
import { checkPhotos, readUpload } from '../attachments/index.js';
import { ROSTER_LIMITS } from './roster-layout.js';

const tags = ['party'];
const noFile = () => new AppError(400, 'file_required', partyMsg.fileRequired, 'file');
const ZParams = z.object({ id: ZId });
const ZListQuery = ZPage(20, 200).extend({
  placeId: ZId.optional(), orgId: ZId.optional(), category: z.enum(PARTY_MEMBER_CATEGORIES).optional(), state: z.enum(PARTY_MEMBER_STATES).optional(),
  q: z.string().trim().max(30).optional(), centralHousehold: z.enum(['true']).optional(),
});

/** 党员: enter, list, one member, edit / transfer / leave (the state table), an audited reveal, the roster in and out. */
export const partyMemberRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const visible = async (actor: ReturnType<typeof requireActor>, id: string) => {
    const record = await loadPartyMember(db(), id);
    if (!record || !def.visible(actor, record)) throw notFound('party member');
    return record;
  };

  app.post('/party-members', { schema: { tags, summary: 'Enter a party member', body: ZCreatePartyMember } }, async (req, reply) =>
    reply.status(201).send(await createPartyMember(app.ctx, requireActor(req), req.body)));

  app.get('/party-members', { schema: { tags, summary: 'The party members I may see (personal data masked)', querystring: ZListQuery } }, async (req) =>
    listPartyMembers(app.ctx, requireActor(req), req.query));

  app.get('/party-members/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const record = await visible(actor, req.params.id);
    const photo = (await memberPhotos(db(), [record.id])).get(record.id);
    return { ...toPartyMember(record.row), photo: photo ? `/api/party-members/${record.id}/photo?v=${photo.id}` : null, actions: availableActions(def, actor, record) };
  });

  app.post('/party-members/:id/photo', {
    schema: { tags, summary: 'A new photo for the member’s public card (multipart, one image `photos`)', params: ZParams, consumes: ['multipart/form-data'] },
  }, async (req, reply) => reply.status(201).send(await setMemberPhoto(app.ctx, requireActor(req), req.params.id, async () => checkPhotos((await readUpload(req)).files))));

  app.get('/party-members/:id/account', { schema: { tags, summary: 'The sign-in linked to the member and the community’s accounts that may be linked', params: ZParams } },
    async (req) => memberAccount(app.ctx, requireActor(req), req.params.id));

  app.put('/party-members/:id/account', {
    schema: { tags, summary: 'Link the member to a party-member account of their community (null unlinks)', params: ZParams, body: z.object({ userId: ZId.nullable() }) },
  }, async (req) => setMemberAccount(app.ctx, requireActor(req), req.params.id, req.body.userId));

  app.get('/party-members/:id/photo', { schema: { tags, summary: 'The member’s current photo', params: ZParams } }, async (req, reply) =>
    sendMemberPhoto(app.ctx, requireActor(req), req.params.id, reply));

  await app.register(lifecycleRoutes(def, { base: '/party-members', tags, caller: requireActor }));

  app.post('/party-members/:id/reveal', {
    schema: { tags, summary: 'Reveal a member’s phone or ID number (logged with the reason)', params: ZParams, body: ZRevealPartyMember }, config: { noStore: true },
  }, async (req) => {
    const actor = requireActor(req);
    const record = await visible(actor, req.params.id);
    authorize(actor, partyMemberPolicy, 'reveal', record.placePath, {});
    const stored = req.body.field === 'phone' ? record.row.phone_enc : record.row.id_number_enc;
    const value = await revealPersonal(db(), app.ctx.cipher, actor, {
      entityType: 'party_member', entityId: record.id, placeId: record.placeId, field: req.body.field, stored, reason: req.body.reason,
    });
    return { field: req.body.field, value };
  });

  app.get('/party-members.xlsx', {
    schema: { tags, summary: 'The party-member roster of a place (.xlsx ledger, personal data masked)', querystring: z.object({ placeId: ZId }) },
  }, async (req, reply) => exportMemberRoster(app.ctx, requireActor(req), req.query.placeId, reply));

  app.post('/party-members/roster', {
    schema: { tags, summary: 'Import the party-member roster of a place (.xlsx; all rows or none)', querystring: z.object({ placeId: ZId }), consumes: ['multipart/form-data'] },
    config: { noStore: true },
  }, async (req) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw noFile();
    const part = await req.file({ limits: { fileSize: ROSTER_LIMITS.maxBytes + 1 } });
    if (!part) throw noFile();
    try {
      return await importMemberRoster(app.ctx, actor, req.query.placeId, part.file);
    } finally {
      // Refused before reading (scope, role): let the rest of the upload run through so the answer reaches the client.
      if (!part.file.readableEnded) part.file.resume();
    }
  });
};
