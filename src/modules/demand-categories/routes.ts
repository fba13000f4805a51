import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, allowedBindings, authorize, definePolicy } from '../../core/access/policy.js';
import { conflict, invalid, notFound, staleVersion } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { requireActor } from '../../core/http.js';
import { newId, nowIso } from '../../core/ids.js';
import { bilingual, ZId, ZVersion } from '../../core/validation.js';
import { findCategory, listCategories, toCategory } from './queries.js';
import { categoryMsg } from './messages.js';
import { bilingualMsg } from '../../core/i18n.js';

/** The district admin keeps the category catalogue; everyone signed in reads it. */
export const categoryPolicy = definePolicy<Record<string, never>>('category', [...allow('district_admin', ['create', 'update'])]);

const ZUrgentDays = z.number().int().min(1).max(60).nullable().optional();

/** A category's fields; an edit sends only those it changes (no defaults here, or an edit of the name would reset them). */
const ZCategoryFields = z.object({
  name: z.string().trim().min(1).max(50),
  groupName: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500).optional(),
  defaultUnitId: ZId.nullable().optional(),
  priority: z.enum(['normal', 'urgent']),
  complex: z.boolean(),
  /** Working days to resolve an urgent / a critical demand of the category; null: half / a quarter of the normal time. */
  urgentDays: ZUrgentDays,
  criticalDays: ZUrgentDays,
});

const ZCategory = ZCategoryFields.extend({
  code: z.string().trim().regex(/^[a-z0-9_-]{2,40}$/, bilingualMsg(categoryMsg.badCode)),
  priority: ZCategoryFields.shape.priority.default('normal'),
  complex: ZCategoryFields.shape.complex.default(false),
});

/** A critical demand of a category never gets longer than an urgent one. */
function checkUrgencyRule(urgentDays: number | null | undefined, criticalDays: number | null | undefined): void {
  if (urgentDays != null && criticalDays != null && criticalDays > urgentDays) throw invalid('criticalDays', categoryMsg.criticalLonger);
}

export const categoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['catalogue'];

  app.get('/categories', { schema: { tags } }, async (req) => {
    requireActor(req);
    return { items: (await listCategories(db())).map(toCategory) };
  });

  app.post('/categories', { schema: { tags, body: ZCategory } }, async (req, reply) => {
    const actor = requireActor(req);
    // The catalogue hangs on the district the caller keeps it for; anyone else has no such district (404).
    const district = allowedBindings(actor, categoryPolicy, 'create')[0];
    if (!district) throw notFound('district');
    checkUrgencyRule(req.body.urgentDays, req.body.criticalDays);
    if (await db().selectFrom('categories').select('id').where('code', '=', req.body.code).executeTakeFirst()) {
      throw conflict('code', categoryMsg.codeTaken, 'code_taken');
    }
    const now = nowIso();
    const row = { id: newId(), code: req.body.code, name: req.body.name, group_name: req.body.groupName, description: req.body.description ?? null,
      default_unit_id: req.body.defaultUnitId ?? null, priority: req.body.priority, complex: req.body.complex ? 1 : 0,
      urgent_days: req.body.urgentDays ?? null, critical_days: req.body.criticalDays ?? null, active: 1,
      place_id: district.placeId, place_path: district.placePath, version: 1, created_at: now, updated_at: now };
    await db().transaction().execute(async (trx) => {
      await trx.insertInto('categories').values(row).execute();
      await appendEvent(trx, actor, { entityType: 'category', entityId: row.id, placeId: row.place_id, action: 'create', to: toCategory(row) });
    });
    return reply.status(201).send(toCategory(row));
  });

  app.patch('/categories/:id', { schema: { tags, params: z.object({ id: ZId }), body: ZCategoryFields.partial().extend({ version: ZVersion, active: z.boolean().optional() }) } }, async (req) => {
    const actor = requireActor(req);
    const before = await findCategory(db(), req.params.id);
    if (!before) throw notFound('category');
    authorize(actor, categoryPolicy, 'update', before.place_path, {});
    const b = req.body;
    checkUrgencyRule(b.urgentDays === undefined ? before.urgent_days : b.urgentDays, b.criticalDays === undefined ? before.critical_days : b.criticalDays);
    const set = { name: b.name, group_name: b.groupName, description: b.description, default_unit_id: b.defaultUnitId, priority: b.priority,
      complex: b.complex === undefined ? undefined : b.complex ? 1 : 0, urgent_days: b.urgentDays, critical_days: b.criticalDays, active: b.active === undefined ? undefined : b.active ? 1 : 0 };
    return db().transaction().execute(async (trx) => {
      const after = await trx.updateTable('categories').set({ ...set, version: b.version + 1, updated_at: nowIso() })
        .where('id', '=', before.id).where('version', '=', b.version).returningAll().executeTakeFirst();
      if (!after) throw staleVersion();
      await appendEvent(trx, actor, { entityType: 'category', entityId: before.id, placeId: before.place_id, action: 'update', from: toCategory(before), to: toCategory(after) });
      return toCategory(after);
    });
  });
};
