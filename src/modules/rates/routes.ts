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
import { currentMonth, figureOrderIds, FIGURE_NAMES, lastCompleteMonth, monthsFigures, rank, rollUp, type OfficeFigures, type RankedOffice } from './rates.js';
import { RATES_LEDGER, ratesTitleRows } from './rates-ledger.js';
import { findPlace, findPlaceByCode, listPlacesAtLevel } from '../places/index.js';
import { listUnitsOfKind } from '../units/index.js';
import { findWorkOrdersByIds, toWorkOrder } from '../work-orders/index.js';
import { OFFICE_ROLES } from '../../core/access/roles.js';
import { rateMsg } from './messages.js';
import { bilingualMsg } from '../../core/i18n.js';

export const ratesPolicy = definePolicy<Record<string, never>>('rates', [...allow(OFFICE_ROLES, 'read')]);

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingualMsg(rateMsg.badMonth));
/** A month to show, by default the last complete one (Beijing time): the current month is still in progress. */
const ZShownMonth = ZMonth.optional().transform((m) => m ?? lastCompleteMonth());
const ZLevel = z.enum(['street', 'community', 'department']);
const ZRatesQuery = z.object({ month: ZShownMonth, level: ZLevel.default('community'), parentId: ZId.optional() });

/** What a ranking's answer says of its month besides the rows: whether it is still in progress, and the weights. */
const monthNote = (ctx: AppContext, month: string) => ({ month, inProgress: month === currentMonth(), weights: ctx.config.rateWeights });

export interface Office { id: string; name: string; path: string; parentId: string | null }

/** A row of a ranking: the office's figures, its name and, for a community, its street. */
export type RankingRow = RankedOffice & { name: string; street: { id: string; name: string } | null };

/**
 * The ranked offices of one level for a month. Every office is ranked among all those of its level in the district (the
 * one ranking that is published); `within` (a place path) then limits the rows to the offices under it and those above
 * it: a community worker sees their own community, and their street on the street tab, each with its district rank.
 */
export async function ranking(ctx: AppContext, month: string, level: 'street' | 'community' | 'department', within?: string): Promise<RankingRow[]> {
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
  // Communities carry their street, by which the pages group and filter them.
  const streets = level === 'community' ? new Map((await listPlacesAtLevel(db, 'street', district.path)).map((p) => [p.id, p.name])) : undefined;
  const shown = new Set(offices.filter((o) => !within || isWithin(o.path, within) || isWithin(within, o.path)).map((o) => o.id));
  const byOffice = new Map(offices.map((o) => [o.id, o]));
  const out = new Map<string, RankingRow[]>();
  for (const month of months) {
    const byId = new Map((byMonth.get(month) ?? []).map((f) => [f.officeId, f]));
    const rows = offices.map((o) => byId.get(o.id) ?? { officeId: o.id, received: 0, responded: 0, due: 0, resolved: 0, rated: 0, satisfied: 0, basicallySatisfied: 0 });
    out.set(month, rank(rows, ctx.config.rateWeights).filter((r) => shown.has(r.officeId)).map((r) => {
      const o = byOffice.get(r.officeId)!;
      return { ...r, name: o.name, street: streets && o.parentId ? { id: o.parentId, name: streets.get(o.parentId) ?? '' } : null };
    }));
  }
  return out;
}

/** The place whose subtree the caller ranks: their highest binding allowed to read rates. */
function ratesRoot(actor: Actor): string {
  return bindingsAllowed(actor, ratesPolicy, 'read')[0]!.placePath;
}

/** The place a ranking shows: `parentId` when given (404 outside the caller's subtree), else the caller's rates root. */
async function shownPlace(ctx: AppContext, actor: Actor, parentId: string | undefined): Promise<{ path: string; name: string }> {
  const root = ratesRoot(actor);
  const p = await findPlace(ctx.handle.db, parentId ?? root.split('/').filter(Boolean).at(-1)!);
  if (!p || !isWithin(p.path, root)) throw notFound('place');
  return p;
}

export const ratesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['rates'];

  app.get('/rates', { schema: { tags, summary: 'The three rates, score and rank per office for a month (by default the last complete one)', querystring: ZRatesQuery } }, async (req) => {
    const within = (await shownPlace(app.ctx, requireActor(req), req.query.parentId)).path;
    return { ...monthNote(app.ctx, req.query.month), level: req.query.level, items: await ranking(app.ctx, req.query.month, req.query.level, within) };
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
    const { month, level } = req.query;
    const place = await shownPlace(app.ctx, requireActor(req), req.query.parentId);
    const rows = (await ranking(app.ctx, month, level, place.path)).map((r) => ({ ...r, notSatisfied: r.rated - r.satisfied - r.basicallySatisfied }));
    await exportLedger(reply, RATES_LEDGER, rows, {
      fileName: [place.name, RATES_LEDGER.title.zh, month],
      titleRows: ratesTitleRows(place.name, month, month === currentMonth(), level, app.ctx.config.rateWeights),
    });
    return reply;
  });

  /**
   * 晾晒: the public ranking, offices' figures only, no sign-in. An office with nothing to count in the month (no order
   * received, due or rated) takes no part: it is listed after the ranked ones with `ranked: false` and no rank, score
   * or rates, so the public sees every office and none looks ranked last for having had no demands.
   */
  app.get('/public/ranking', {
    schema: { tags, security: [], summary: 'The public ranking of a month; offices with nothing to count come last, unranked', querystring: z.object({ month: ZShownMonth, level: z.enum(['street', 'community']).default('community') }) },
  }, async (req) => {
    const rows = await ranking(app.ctx, req.query.month, req.query.level);
    const items = rows.map(({ officeId, name, street, received, responseRate, resolutionRate, satisfactionRate, score, rank }) =>
      ({ officeId, name, street, ranked: rank !== null, rank, score, received, responseRate, resolutionRate, satisfactionRate }));
    return { ...monthNote(app.ctx, req.query.month), level: req.query.level, items: [...items.filter((r) => r.ranked), ...items.filter((r) => !r.ranked)] };
  });
};
