import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/access/actor.js';
import { allow, authorize, can, definePolicy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import { bindingsOf, inScope, inSubtrees, isInScope } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { isUniqueViolation } from '../../core/db.js';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { currentDay } from '../../../contracts/months.js';
import { agreementState, type AgreementState, type PartnerKind, type TAgreement, type TCreatePartnerUnit, type TEditPartnerUnit } from '../../../contracts/units.js';
import { findAttachment, listAttachments, saveAttachments, sendAttachment, uploadRoot, withAttachmentFiles, type CheckedPhoto } from '../attachments/index.js';
import { findPlace } from '../places/index.js';
import { unitMsg } from './messages.js';
import type { UnitAgreementTable, UnitTable } from './tables.js';

/**
 * Who may do what with partner units: staff read those of their subtree, offices sign them up, edit them and sign their
 * agreements; a unit's contact reads their own unit only (wherever it hangs).
 */
export const partnerUnitPolicy = definePolicy<{ unitId?: string }>('partner_unit', [
  ...allow(STAFF_ROLES, 'read'),
  ...allow<{ unitId?: string }>('partner_contact', 'read', (_b, s, a) => !!a.unitId && s.unitId === a.unitId, { anywhere: true, where: (eb, _b, a) => eb('units.id', '=', a.unitId ?? '') }),
  ...allow(OFFICE_ROLES, ['create', 'edit', 'agreement', 'export']),
]);

type Row = UnitTable & { a_id: string | null; term_start: string | null; term_end: string | null; commitments: string | null; a_version: number | null };

const select = (ctx: AppContext) => ctx.handle.db.selectFrom('units').leftJoin('unit_agreements as a', 'a.unit_id', 'units.id').innerJoin('places as p', 'p.id', 'units.place_id')
  .selectAll('units').select(['a.id as a_id', 'a.term_start', 'a.term_end', 'a.commitments', 'a.version as a_version', 'p.name as place_name'])
  .where('units.kind', '=', 'partner_unit');

const view = (r: Row & { place_name: string }, day = currentDay()) => ({
  id: r.id, name: r.name, partnerKind: r.partner_kind, placeId: r.place_id, placeName: r.place_name, contactName: r.contact_name, contactTitle: r.contact_title,
  version: r.version,
  agreement: r.a_id ? { id: r.a_id, termStart: r.term_start, termEnd: r.term_end, commitments: r.commitments, version: r.a_version } : null,
  agreementState: agreementState(r.term_end, day),
});

/** The partner unit the caller sees (staff over its place, or its own contact), else 404. */
export async function visiblePartnerUnit(ctx: AppContext, actor: Actor, id: string) {
  const row = await select(ctx).where('units.id', '=', id).executeTakeFirst();
  if (!row || !can(actor, partnerUnitPolicy, 'read', row.place_path, { unitId: row.id })) throw notFound('unit');
  return row;
}

async function officePlace(ctx: AppContext, actor: Actor, placeId: string) {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, partnerUnitPolicy, 'create', place.path, {}, 'place');
  if (place.level !== 'street' && place.level !== 'community') throw invalid('placeId', unitMsg.placeLevel, 'place_level');
  return place;
}

/** A street's or community's partner units with their agreement's state, filtered; a contact's list is their unit. */
export async function listPartnerUnits(ctx: AppContext, actor: Actor, q: { placeId?: string; partnerKind?: PartnerKind; agreement?: AgreementState; q?: string }) {
  const contact = bindingsOf(actor, ['partner_contact']).length > 0 && !bindingsOf(actor, STAFF_ROLES).length;
  let query = select(ctx);
  if (contact) query = query.where('units.id', '=', actor.unitId ?? '');
  else {
    if (!bindingsOf(actor, STAFF_ROLES).length) throw forbidden();
    query = query.where((eb) => inScope(eb, actor, 'units.place_path'));
  }
  if (q.placeId) {
    const place = await findPlace(ctx.handle.db, q.placeId);
    if (!place || (!contact && !isInScope(actor, place.path))) throw notFound('place');
    query = query.where((eb) => inSubtrees(eb, 'units.place_path', [place.path]));
  }
  if (q.partnerKind) query = query.where('units.partner_kind', '=', q.partnerKind);
  if (q.q) query = query.where('units.name', 'like', `%${q.q.replace(/[%_]/g, '')}%`);
  const day = currentDay();
  const items = (await query.orderBy('units.name').orderBy('units.id').execute()).map((r) => view(r, day));
  return { items: q.agreement ? items.filter((i) => i.agreementState === q.agreement) : items, total: items.length };
}

export async function partnerUnitDetail(ctx: AppContext, actor: Actor, id: string) {
  const row = await visiblePartnerUnit(ctx, actor, id);
  const files = row.a_id ? await listAttachments(ctx.handle.db, 'unit_agreement', row.a_id) : [];
  return {
    ...view(row), files: files.map((f) => ({ id: f.id, mime: f.mime, size: f.size, createdAt: f.created_at })),
    may: { edit: can(actor, partnerUnitPolicy, 'edit', row.place_path, {}), agreement: can(actor, partnerUnitPolicy, 'agreement', row.place_path, {}) },
  };
}

/** Signs up a partner unit on a street or community (name unique there, 409); one `create` event. */
export async function createPartnerUnit(ctx: AppContext, actor: Actor, input: TCreatePartnerUnit) {
  const place = await officePlace(ctx, actor, input.placeId);
  const now = nowIso();
  const row: UnitTable = { id: newId(), kind: 'partner_unit', partner_kind: input.partnerKind, name: input.name, contact_name: input.contactName || null,
    contact_title: input.contactTitle || null, place_id: place.id, place_path: place.path, version: 1, created_at: now, updated_at: now };
  await ctx.handle.db.transaction().execute(async (trx) => {
    const same = await trx.selectFrom('units').select('id').where('place_id', '=', place.id).where('name', '=', input.name).executeTakeFirst();
    if (same) throw conflict('name', unitMsg.nameTaken, 'duplicate');
    await trx.insertInto('units').values(row).execute();
    await appendEvent(trx, actor, { entityType: 'unit', entityId: row.id, placeId: place.id, action: 'create', to: { name: row.name, kind: row.kind, partnerKind: row.partner_kind } }, now);
  });
  return partnerUnitDetail(ctx, actor, row.id);
}

/** Edits name, kind or contact at the version the caller saw (409 otherwise); an `edit` event with before and after. */
export async function editPartnerUnit(ctx: AppContext, actor: Actor, id: string, input: TEditPartnerUnit) {
  const row = await visiblePartnerUnit(ctx, actor, id);
  authorize(actor, partnerUnitPolicy, 'edit', row.place_path, {}, 'unit');
  const set = {
    ...(input.name !== undefined ? { name: input.name } : {}), ...(input.partnerKind ? { partner_kind: input.partnerKind } : {}),
    ...(input.contactName !== undefined ? { contact_name: input.contactName || null } : {}), ...(input.contactTitle !== undefined ? { contact_title: input.contactTitle || null } : {}),
  };
  const now = nowIso();
  await ctx.handle.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('units').set({ ...set, version: input.version + 1, updated_at: now }).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof typeof row]]));
    await appendEvent(trx, actor, { entityType: 'unit', entityId: id, placeId: row.place_id, action: 'edit', from: before, to: set }, now);
  });
  return partnerUnitDetail(ctx, actor, id);
}

/** Signs (version 0) or renews the unit's agreement at the version the caller saw; an `agreement` event on the unit. */
export async function setAgreement(ctx: AppContext, actor: Actor, id: string, input: TAgreement) {
  const row = await visiblePartnerUnit(ctx, actor, id);
  authorize(actor, partnerUnitPolicy, 'agreement', row.place_path, {}, 'unit');
  const now = nowIso();
  await ctx.handle.db.transaction().execute(async (trx) => {
    if ((row.a_version ?? 0) !== input.version) throw staleVersion();
    if (!row.a_id) {
      const a: UnitAgreementTable = { id: newId(), unit_id: id, place_id: row.place_id, place_path: row.place_path, term_start: input.termStart, term_end: input.termEnd,
        commitments: input.commitments, version: 1, created_at: now, updated_at: now };
      await trx.insertInto('unit_agreements').values(a).execute();
    } else {
      const r = await trx.updateTable('unit_agreements').set({ term_start: input.termStart, term_end: input.termEnd, commitments: input.commitments, version: input.version + 1, updated_at: now })
        .where('id', '=', row.a_id).where('version', '=', input.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    }
    await appendEvent(trx, actor, { entityType: 'unit', entityId: id, placeId: row.place_id, action: row.a_id ? 'renew_agreement' : 'sign_agreement',
      from: row.a_id ? { termStart: row.term_start, termEnd: row.term_end } : {}, to: { termStart: input.termStart, termEnd: input.termEnd } }, now);
  }).catch((e) => {
    throw isUniqueViolation(e) ? staleVersion() : e;
  });
  return partnerUnitDetail(ctx, actor, id);
}

/** Adds the signed agreement's scan (an image) as an attachment of the agreement (stage `signed`). */
export async function addAgreementFile(ctx: AppContext, actor: Actor, id: string, upload: () => Promise<CheckedPhoto[]>) {
  const row = await visiblePartnerUnit(ctx, actor, id);
  authorize(actor, partnerUnitPolicy, 'agreement', row.place_path, {}, 'unit');
  if (!row.a_id) throw conflict('agreement', unitMsg.noAgreement, 'no_agreement');
  const photos = await upload();
  if (photos.length !== 1) throw invalid('photos', unitMsg.oneFile);
  const owner = { entityType: 'unit_agreement', entityId: row.a_id, placeId: row.place_id, placePath: row.place_path };
  await withAttachmentFiles((staged) => ctx.handle.db.transaction().execute((trx) => saveAttachments(trx, uploadRoot(ctx.config), owner, 'signed', photos, actor, staged)));
  return partnerUnitDetail(ctx, actor, id);
}

export async function sendAgreementFile(ctx: AppContext, actor: Actor, id: string, fileId: string, reply: FastifyReply) {
  const row = await visiblePartnerUnit(ctx, actor, id);
  const file = row.a_id ? await findAttachment(ctx.handle.db, 'unit_agreement', row.a_id, fileId) : undefined;
  return sendAttachment(reply, uploadRoot(ctx.config), file, 'attachment');
}
