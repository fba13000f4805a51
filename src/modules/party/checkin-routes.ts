import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId, ZPage } from '../../core/validation.js';
import { PARTY_CHECKIN_STATES, ZCheckIn, ZCheckinRules, ZPeriodOf } from '../../../contracts/party-checkins.js';
import { currentMonth } from '../../../contracts/months.js';
import { partyCheckinLifecycle } from './checkin-lifecycle.js';
import { exportCheckinReport } from './checkin-report-ledger.js';
import { checkIn, checkinCommunity, currentPeriod, employerView, listCheckins, missing, myCheckins, readCheckinRules, setCheckinRules } from './checkins.js';

const tags = ['party'];

/** 双报到: the member's check-in from the phone, the community's queue and steps, its rule, who is missing, the employer's view and report. */
export const partyCheckinRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;

  app.post('/party-checkins/mine', { schema: { tags, summary: 'Check in to my residential community (an in-service party member signed in)', body: ZCheckIn } },
    async (req, reply) => reply.status(201).send(await checkIn(ctx(), requireActor(req), req.body)));

  app.get('/party-checkins/mine', { schema: { tags, summary: 'My check-ins and my community’s rule' } }, async (req) => myCheckins(ctx(), requireActor(req)));

  app.get('/party-checkins', {
    schema: { tags, summary: 'The check-ins to a community', querystring: ZPage(50, 500).extend({
      placeId: ZId, state: z.enum(PARTY_CHECKIN_STATES).optional(), year: z.string().regex(/^\d{4}$/).optional() }) },
  }, async (req) => listCheckins(ctx(), requireActor(req), req.query));

  app.get('/party-checkins/rules', { schema: { tags, summary: 'A community’s check-in rule (default: by 06-30, report every half year)', querystring: z.object({ placeId: ZId }) } },
    async (req) => readCheckinRules(ctx().handle.db, await checkinCommunity(ctx(), requireActor(req), req.query.placeId, 'read')));

  app.put('/party-checkins/rules', { schema: { tags, summary: 'Set a community’s check-in rule', body: ZCheckinRules } },
    async (req) => setCheckinRules(ctx(), requireActor(req), req.body));

  app.get('/party-checkins/missing', {
    schema: { tags, summary: 'Members not checked in by the deadline, or not reported in the period', querystring: z.object({
      placeId: ZId, kind: z.enum(['checkin', 'report']), of: ZPeriodOf.optional() }) },
  }, async (req) => missing(ctx(), requireActor(req), req.query));

  app.get('/party-checkins/employer', { schema: { tags, summary: 'A partner unit’s members: their check-ins and service (names only)', querystring: z.object({ of: ZPeriodOf.optional() }) } },
    async (req) => employerView(ctx(), requireActor(req), req.query));

  app.get('/party-checkins/employer-report.xlsx', {
    schema: { tags, summary: 'The half-yearly report to the employer unit as .xlsx', querystring: z.object({ of: ZPeriodOf.optional(), month: z.string().regex(/^\d{4}-\d{2}$/).optional() }) },
  }, async (req, reply) => {
    const q = req.query;
    const of = q.of ?? (q.month ? currentPeriod('half', `${q.month}-01`) : currentPeriod('half', `${currentMonth()}-01`));
    await exportCheckinReport(ctx(), requireActor(req), of, reply);
  });

  await app.register(lifecycleRoutes(partyCheckinLifecycle, { base: '/party-checkins', tags, caller: requireActor }));
};
