import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/access/actor.js';
import { allow, bindingsAllowed, definePolicy } from '../../core/access/policy.js';
import { isWithin } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { exportLedger } from '../../core/ledger/index.js';
import { requireActor } from '../../core/http.js';
import { bilingual, ZId } from '../../core/validation.js';
import { figureOrderIds, FIGURE_NAMES, monthsFigures, rank, rollUp, type OfficeFigures, type RankedOffice } from './rates.js';
import { RATES_LEDGER, ratesTitleRows } from './rates-ledger.js';
import { findPlace, findPlaceByCode, listPlacesAtLevel } from '../places/index.js';
import { listUnitsOfKind } from '../units/index.js';
import { findWorkOrdersByIds, toWorkOrder } from '../work-orders/index.js';
import { OFFICE_ROLES } from '../../core/access/roles.js';
import { rateMsg } from './messages.js';
import { bilingualMsg } from '../../core/i18n.js';

export const ratesPolicy = definePolicy<Record<string, never>>('rates', [...allow(OFFICE_ROLES, 'read')]);

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingualMsg(rateMsg.badMonth));
const ZLevel = z.enum(['street', 'community', 'department']);
const ZRatesQuery = z.object({ month: ZMonth, level: ZLevel.default('community'), parentId: ZId.optional() });

export interface Office { id: string; name: string; path: string; parentId: string | null }

/** The ranked offices of one level for a month, limited to those under `within` (a place path) when given. */
export async function ranking(ctx: AppContext, month: string, level: 'street' | 'community' | 'department', within?: string): Promise<(RankedOffice & { name: string })[]> {
  return (await rankings(ctx, [month], level, within)).get(month)!;
}

/** The ranking of each month: the offices read once, the figures of all the months in three statements. */
export async function rankings(ctx: AppContext, months: readonly string[], level: 'street' | 'community' | 'department', within?: string) {
  const { db } = ctx.handle;
  const district = await findPlaceByCode(db, ctx.config.districtCode);
  if (!district) throw notFound('place');
  let offices: Office[];
  let byMonth: Map<string, OfficeFigures[]>;
  if (level === 'department') {
    offices = (await listUnitsOfKind(db, 'department')).map((u) => ({ id: u.id, name: u.name, path: u.place_path, parentId: null }));
    byMonth = await monthsFigures(db, months, 'department');
  } else {
    offices = (await listPlacesAtLevel(db, level, district.path)).map((p) => ({ id: p.id, name: p.name, path: p.path, parentId: p.parent_id }));
    byMonth = await monthsFigures(db, months, 'community');
    if (level === 'street') {
      const parent = new Map((await listPlacesAtLevel(db, 'community')).map((c) => [c.id, c.parent_id!]));
      byMonth = new Map([...byMonth].map(([m, f]) => [m, rollUp(f, (id) => parent.get(id))]));
    }
  }
  const shown = offices.filter((o) => !within || isWithin(o.path, within) || (level === 'department' && isWithin(within, o.path)));
  const names = new Map(shown.map((o) => [o.id, o.name]));
  const out = new Map<string, (RankedOffice & { name: string })[]>();
  for (const month of months) {
    const byId = new Map((byMonth.get(month) ?? []).map((f) => [f.officeId, f]));
    const rows = shown.map((o) => byId.get(o.id) ?? { officeId: o.id, received: 0, responded: 0, due: 0, resolved: 0, rated: 0, satisfied: 0, basicallySatisfied: 0 });
    out.set(month, rank(rows, ctx.config.rateWeights).map((r) => ({ ...r, name: names.get(r.officeId)! })));
  }
  return out;
}

/** The place whose subtree the caller ranks: their highest binding allowed to read rates. */
function ratesRoot(actor: Actor): string {
  return bindingsAllowed(actor, ratesPolicy, 'read')[0]!.placePath;
}

export const ratesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['rates'];

  app.get('/rates', { schema: { tags, summary: 'The three rates, score and rank per office for a month', querystring: ZRatesQuery } }, async (req) => {
    const actor = requireActor(req);
    let within = ratesRoot(actor);
    if (req.query.parentId) {
      const p = await findPlace(app.ctx.handle.db, req.query.parentId);
      if (!p || !isWithin(p.path, within)) throw notFound('place');
      within = p.path;
    }
    return { month: req.query.month, level: req.query.level, weights: app.ctx.config.rateWeights, items: await ranking(app.ctx, req.query.month, req.query.level, within) };
  });

  app.get('/rates/trend', { schema: { tags, querystring: z.object({ officeId: ZId, level: ZLevel, months: z.coerce.number().int().min(1).max(24).default(6), until: ZMonth }) } }, async (req) => {
    const actor = requireActor(req);
    const within = ratesRoot(actor);
    const [y, m] = req.query.until.split('-').map(Number) as [number, number];
    const months = Array.from({ length: req.query.months }, (_, i) => {
      const d = new Date(Date.UTC(y, m - 1 - (req.query.months - 1 - i), 1));
      return d.toISOString().slice(0, 7);
    });
    const all = await rankings(app.ctx, months, req.query.level, within);
    const points = months.map((month) => ({ month, row: all.get(month)!.find((r) => r.officeId === req.query.officeId) }));
    if (points.some((p) => !p.row)) throw notFound('office');
    return { officeId: req.query.officeId, items: points.map((p) => ({ month: p.month, ...p.row! })) };
  });

  app.get('/rates/orders', {
    schema: { tags, summary: 'The orders behind one figure', querystring: z.object({ month: ZMonth, level: ZLevel, officeId: ZId, figure: z.enum(FIGURE_NAMES), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  }, async (req) => {
    const actor = requireActor(req);
    const within = ratesRoot(actor);
    const { db } = app.ctx.handle;
    let keys: string[];
    if (req.query.level === 'department') {
      keys = [req.query.officeId];
    } else {
      const office = await findPlace(db, req.query.officeId);
      if (!office || !isWithin(office.path, within)) throw notFound('office');
      // A street adds up its communities (the places of that level directly below it).
      keys = office.level === 'community' ? [office.id]
        : office.level === 'street' ? (await listPlacesAtLevel(db, 'community', office.path)).map((c) => c.id) : [];
    }
    const ids = await figureOrderIds(db, req.query.month, req.query.level === 'department' ? 'department' : 'community', keys, req.query.figure, req.query.limit);
    const rows = await findWorkOrdersByIds(db, ids);
    // A department's orders may lie anywhere; show only those inside the caller's subtree.
    return { items: rows.filter((o) => isWithin(o.place_path, within)).map((o) => toWorkOrder(o)) };
  });

  app.get('/rates.xlsx', { schema: { tags, querystring: ZRatesQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const root = ratesRoot(actor);
    const { month, level } = req.query;
    const rows = await ranking(app.ctx, month, level, root);
    const place = (await findPlace(app.ctx.handle.db, root.split('/').filter(Boolean).at(-1)!))?.name ?? '';
    await exportLedger(reply, RATES_LEDGER, rows, {
      fileName: [place, RATES_LEDGER.title.zh, month], titleRows: ratesTitleRows(place, month, level, app.ctx.config.rateWeights),
    });
    return reply;
  });

  /**
   * 晾晒: the public ranking, offices' figures only, no sign-in. An office with nothing to count in the month (no order
   * received, due or rated) takes no part: it is listed after the ranked ones with `ranked: false` and no rank, score
   * or rates, so the public sees every office and none looks ranked last for having had no demands.
   */
  app.get('/public/ranking', {
    schema: { tags, security: [], summary: 'The public ranking of a month; offices with nothing to count come last, unranked', querystring: z.object({ month: ZMonth, level: z.enum(['street', 'community']).default('community') }) },
  }, async (req) => {
    const rows = await ranking(app.ctx, req.query.month, req.query.level);
    const items = rows.map(({ officeId, name, received, responseRate, resolutionRate, satisfactionRate, score, rank }) =>
      ({ officeId, name, ranked: rank !== null, rank, score, received, responseRate, resolutionRate, satisfactionRate }));
    return { month: req.query.month, level: req.query.level, weights: app.ctx.config.rateWeights, items: [...items.filter((r) => r.ranked), ...items.filter((r) => !r.ranked)] };
  });
};
