import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { ZId } from '../../core/validation.js';
import { ZAwardPoints, ZCounterEntry, ZPointsRules, ZRankingQuery, ZRecordMeeting, ZRecordService } from '../../../contracts/party-points.js';
import { currentMonth } from '../../../contracts/months.js';
import { counterEntry, toPointsEntry } from './points-ledger.js';
import { exportRanking } from './points-export.js';
import { myLedger, ranking, staffMemberLedger } from './points-read.js';
import { awardPoints, recordMeeting, recordService } from './points-record.js';
import { readRules, rulesView, setRules, visibleCommunity } from './points-rules.js';

const tags = ['party'];
const ZParams = z.object({ id: ZId });
const ZYear = z.object({ year: z.string().regex(/^\d{4}$/).optional() });
const yearOf = (q: { year?: string }) => q.year ?? currentMonth().slice(0, 4);
/** The ledgers page passes a month: the export ranks the year it falls in unless a period is given. */
const ZExportQuery = ZRankingQuery.omit({ of: true, limit: true, offset: true }).extend({
  of: ZRankingQuery.shape.of.optional(), month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});

/** 积分: the rules of a community, recording what earns points, counter-entries, ledgers, the ranking and its export. */
export const partyPointsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;

  app.get('/party-points/rules', { schema: { tags, summary: 'A community’s points rules', querystring: z.object({ placeId: ZId }) } }, async (req) =>
    rulesView(await readRules(ctx().handle.db, await visibleCommunity(ctx(), requireActor(req), req.query.placeId, 'read'))));

  app.put('/party-points/rules', { schema: { tags, summary: 'Replace a community’s points rules (past entries keep their points)', body: ZPointsRules } }, async (req) =>
    rulesView(await setRules(ctx(), requireActor(req), req.body)));

  app.post('/party-members/:id/service', { schema: { tags, summary: 'Record a member’s service (hours, what, date): a service_hour entry', params: ZParams, body: ZRecordService } },
    async (req, reply) => reply.status(201).send(toPointsEntry(await recordService(ctx(), requireActor(req), req.params.id, req.body))));

  app.post('/party-members/:id/award', { schema: { tags, summary: 'Give a member an other or rating item of the rules', params: ZParams, body: ZAwardPoints } },
    async (req, reply) => reply.status(201).send(toPointsEntry(await awardPoints(ctx(), requireActor(req), req.params.id, req.body))));

  app.post('/party-points/meetings', { schema: { tags, summary: 'Record one meeting’s attendance: a meeting entry per member', body: ZRecordMeeting } },
    async (req, reply) => reply.status(201).send({ entries: (await recordMeeting(ctx(), requireActor(req), req.body)).map(toPointsEntry) }));

  app.post('/party-points/:id/counter', { schema: { tags, summary: 'Correct an entry by a counter-entry (with the reason)', params: ZParams, body: ZCounterEntry } },
    async (req, reply) => reply.status(201).send(toPointsEntry(await counterEntry(ctx(), requireActor(req), req.params.id, req.body.reason))));

  app.get('/party-members/:id/points', { schema: { tags, summary: 'A member’s points ledger of a year and their totals', params: ZParams, querystring: ZYear } },
    async (req) => staffMemberLedger(ctx(), requireActor(req), req.params.id, yearOf(req.query)));

  app.get('/party-points/mine', { schema: { tags, summary: 'My own points ledger (a party member signed in)', querystring: ZYear } },
    async (req) => myLedger(ctx(), requireActor(req), yearOf(req.query)));

  app.get('/party-points/ranking', { schema: { tags, summary: 'Members ranked by points for a community (or org) and period', querystring: ZRankingQuery } },
    async (req) => ranking(ctx(), requireActor(req), req.query));

  app.get('/party-points/ranking.xlsx', { schema: { tags, summary: 'The ranking as an .xlsx ledger (phone masked)', querystring: ZExportQuery } }, async (req, reply) => {
    const q = req.query;
    const of = q.of ?? (q.period === 'month' ? q.month : q.month?.slice(0, 4)) ?? currentMonth().slice(0, 4);
    await exportRanking(ctx(), requireActor(req), { ...q, of, limit: 0, offset: 0 }, reply);
  });
};
