import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { requireActor } from '../../core/http.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { ZId } from '../../core/validation.js';
import { ZMeetingList, ZPlanMeeting, ZTaskList } from '../../../contracts/joint-meetings.js';
import { meetingLifecycle, taskLifecycle } from './lifecycle.js';
import { agendaCandidates, convenedMeeting, listMeetings, listTasks, meetingDetail, planMeeting, signIn, signInInfo, signInUrl } from './meetings.js';
import { minutesPdf } from './minutes-pdf.js';

const tags = ['joint-meetings'];
const params = z.object({ id: ZId });
const keyParams = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });

/** 联席会议: plan, list, read, the QR sign-in, the steps of the meeting and of its tasks, the minutes as a PDF. */
export const jointMeetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = () => app.ctx;
  const baseUrl = (req: FastifyRequest) => app.ctx.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;

  app.post('/joint-meetings', { schema: { tags, summary: 'Plan a joint meeting: agenda, invited partner units (their contacts are told)', body: ZPlanMeeting } },
    async (req, reply) => reply.status(201).send(await planMeeting(ctx(), requireActor(req), req.body, baseUrl(req))));
  app.get('/joint-meetings', { schema: { tags, summary: 'The joint meetings the caller sees', querystring: ZMeetingList } }, async (req) => listMeetings(ctx(), requireActor(req), req.query));
  app.get('/joint-meetings/agenda-needs', { schema: { tags, summary: 'Needs without a match a meeting of this street or community may take up', querystring: z.object({ placeId: ZId }) } },
    async (req) => agendaCandidates(ctx(), requireActor(req), req.query.placeId));
  app.get('/joint-meetings/:id', { schema: { tags, summary: 'A meeting with its agenda, attendance, tasks and next steps', params } },
    async (req) => meetingDetail(ctx(), requireActor(req), req.params.id, baseUrl(req)));
  app.get('/joint-meetings/:id/sign-in-qr.svg', { schema: { tags, summary: 'The meeting’s sign-in QR code (an office over it)', params } }, async (req, reply) => {
    const meeting = await convenedMeeting(ctx(), requireActor(req), req.params.id);
    const svg = await QRCode.toString(signInUrl(baseUrl(req), meeting.row.sign_in_key), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg);
  });
  app.get('/joint-meetings/:id/minutes.pdf', { schema: { tags, summary: 'The published minutes as an A4 PDF', params } }, async (req, reply) => {
    const { pdf, file } = await minutesPdf(ctx(), requireActor(req), req.params.id);
    return reply.type('application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="minutes.pdf"; filename*=UTF-8''${encodeURIComponent(`${file}.pdf`)}`).send(pdf);
  });
  app.get('/joint-meetings/sign-in/:key', { schema: { tags, summary: 'The meeting a sign-in code opens, and whether the caller’s unit signed in', params: keyParams } },
    async (req) => signInInfo(ctx(), requireActor(req), req.params.key));
  app.post('/joint-meetings/sign-in/:key', { schema: { tags, summary: 'Sign the caller’s unit in to the meeting by its code', params: keyParams } },
    async (req) => signIn(ctx(), requireActor(req), req.params.key));
  await app.register(lifecycleRoutes(meetingLifecycle, { base: '/joint-meetings', tags, caller: requireActor }));

  app.get('/joint-meeting-tasks', { schema: { tags, summary: 'The tasks joint meetings decided that the caller sees', querystring: ZTaskList } },
    async (req) => listTasks(ctx(), requireActor(req), req.query));
  await app.register(lifecycleRoutes(taskLifecycle, { base: '/joint-meeting-tasks', tags, caller: requireActor }));
};
