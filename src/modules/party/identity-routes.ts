import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { ZId, ZPage } from '../../core/validation.js';
import { ZContactMember } from '../../../contracts/party-identity.js';
import { contactMember, listContactMessages, publicCard, publicCardPhoto, publicCompoundPage } from './identity.js';
import { sendAttachment, uploadRoot } from '../attachments/index.js';
import { qrSheetEntries, qrSheetText, renderQrSheet } from './qr-sheet.js';

const tags = ['party'];
const ZKey = z.object({ key: z.string().max(64) });
// Scanned by many phones at once: a minute in a browser or a proxy is fresh enough for a notice board.
const PUBLIC_CACHE = 'public, max-age=60';

/** 亮身份 and 码上通: the compound's public QR page and a post holder's card (no sign-in), its "contact me", the QR sheet to print. */
export const partyIdentityRoutes: FastifyPluginAsyncZod = async (app) => {
  const baseUrl = (req: FastifyRequest) => app.ctx.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
  app.get('/public/compounds/:key', {
    schema: { tags, security: [], summary: 'A compound’s public QR page: branch, building heads, member central households, partner units, notices', params: ZKey },
  }, async (req, reply) => {
    const page = await publicCompoundPage(app.ctx.handle.db, req.params.key);
    if (!page) throw notFound('page');
    return reply.header('cache-control', PUBLIC_CACHE).send(page);
  });

  app.get('/public/cards/:key', {
    schema: { tags, security: [], summary: 'A post holder’s public card: name, posts and duties, compound (never a phone number)', params: ZKey },
  }, async (req, reply) => {
    const card = await publicCard(app.ctx.handle.db, req.params.key);
    if (!card) throw notFound('card');
    return reply.header('cache-control', PUBLIC_CACHE).send(card);
  });

  app.get('/public/cards/:key/photo', {
    schema: { tags, security: [], summary: 'A post holder’s card photo (metadata stripped when uploaded)', params: ZKey },
  }, async (req, reply) => {
    const photo = await publicCardPhoto(app.ctx.handle.db, req.params.key);
    // Its URL names the photo (?v=), so a new one is a new URL; a vacated card stops serving it within the minute.
    return sendAttachment(reply, uploadRoot(app.ctx.config), photo, 'photo', PUBLIC_CACHE);
  });

  app.post('/public/cards/:key/messages', {
    schema: { tags, security: [], summary: 'Contact a post holder through the platform (a short message to them and their community)', params: ZKey, body: ZContactMember },
    // Anyone may write: a few messages an hour from one address.
    config: { rateLimit: { max: 5, timeWindow: '1 hour' } },
  }, async (req, reply) => reply.status(201).send(await contactMember(app.ctx, req.params.key, req.body)));

  app.get('/party-contact-messages', {
    schema: { tags, summary: 'The contact-me messages left for the party members I may see, newest first',
      querystring: ZPage(20, 200).extend({ placeId: ZId.optional(), memberId: ZId.optional() }) },
  }, async (req) => listContactMessages(app.ctx, requireActor(req), req.query));

  app.get('/party/communities/:id/qr-codes', {
    schema: { tags, summary: 'The public page of each of a community’s compounds and buildings (the codes the sheet prints)', params: z.object({ id: ZId }) },
  }, async (req) => {
    const { entries } = await qrSheetEntries(app.ctx, requireActor(req), req.params.id, baseUrl(req), false);
    return { items: entries };
  });

  app.get('/party/communities/:id/qr-sheet.pdf', {
    schema: { tags, summary: 'The QR codes of a community’s compounds and buildings as one A4 PDF', params: z.object({ id: ZId }) },
  }, async (req, reply) => {
    const { community, entries } = await qrSheetEntries(app.ctx, requireActor(req), req.params.id, baseUrl(req), true);
    const text = qrSheetText(community.name);
    const pdf = await renderQrSheet(text.title.zh, text.hint.zh, entries);
    return reply.type('application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="qr-sheet.pdf"; filename*=UTF-8''${encodeURIComponent(`${text.file.zh}.pdf`)}`).send(pdf);
  });
};
