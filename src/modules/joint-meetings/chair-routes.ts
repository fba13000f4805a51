import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId } from '../../core/validation.js';
import { ZChairList, ZRateChair, ZScheduleChair } from '../../../contracts/rotating-chair.js';
import { chairLifecycle } from './chair-lifecycle.js';
import { chairDetail, chairForResident, listChairMonths, rateChair, scheduleChair } from './chair.js';
import { requireResident, residentCaller } from './deps.js';
import { exportEvaluation } from './evaluation-ledger.js';
import { unitEvaluation } from './evaluation.js';

const tags = ['rotating-chair'];
const params = z.object({ id: ZId });

/** 轮值主席: the roster, a month's plan and report, and the ratings by the other units and residents. */
export const chairRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;
  app.post('/chair-months', { schema: { tags, summary: 'Schedule a month of a community’s rotating chair (one unit or several)', body: ZScheduleChair } },
    async (req, reply) => reply.status(201).send(await scheduleChair(ctx(), requireActor(req), req.body)));
  app.get('/chair-months', { schema: { tags, summary: 'The rotating-chair roster of a year, with its balance warnings', querystring: ZChairList } },
    async (req) => listChairMonths(ctx(), requireActor(req), req.query));
  app.get('/chair-months/:id', { schema: { tags, summary: 'A month of the rotating chair: plan, report, ratings, next steps', params } },
    async (req) => chairDetail(ctx(), requireActor(req), req.params.id));
  app.post('/chair-months/:id/ratings', { schema: { tags, summary: 'Another partner unit rates the month’s chair (1–5, once)', params, body: ZRateChair } },
    async (req, reply) => reply.status(201).send(await rateChair(ctx(), requireActor(req), req.params.id, req.body)));
  await app.register(lifecycleRoutes(chairLifecycle, { base: '/chair-months', tags, caller: requireActor }));
};

/** The resident's phone: read a reported month's chair and rate it once. */
export const chairH5Routes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;
  const h5 = { tags, security: [] };
  app.get('/h5/chair-months/:id', { schema: { ...h5, summary: 'A reported month of the rotating chair, to rate', params } }, async (req) => {
    await requireResident(req);
    return chairForResident(ctx(), req.params.id);
  });
  app.post('/h5/chair-months/:id/ratings', { schema: { ...h5, summary: 'Rate the month’s chair (1–5, once per phone)', params, body: ZRateChair } },
    async (req, reply) => reply.status(201).send(await rateChair(ctx(), residentCaller(await requireResident(req)), req.params.id, req.body)));
};

/** 年度考评: a partner unit's year, on a page and as its .xlsx sheet. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;
  const query = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
  app.get('/unit-evaluations/:id', { schema: { tags: ['rotating-chair'], summary: 'A partner unit’s annual evaluation', params, querystring: query } },
    async (req) => unitEvaluation(ctx(), requireActor(req), req.params.id, req.query.year));
  app.get('/unit-evaluations/:id/sheet.xlsx', { schema: { tags: ['rotating-chair'], summary: 'A partner unit’s annual evaluation as its .xlsx sheet', params, querystring: query } },
    async (req, reply) => exportEvaluation(ctx(), requireActor(req), req.params.id, req.query.year, reply));
};
