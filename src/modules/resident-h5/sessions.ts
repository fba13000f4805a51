import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { unauthenticated } from '../../core/errors.js';
import { mask } from '../../core/personal-data.js';
import type { Actor, ResidentCaller } from '../../core/access/actor.js';

/** Residents on the H5 page have no account: a phone proven by a one-time code opens this session. */
export const RESIDENT_COOKIE = 'onegrid_resident';
const RESIDENT_SESSION_MS = 30 * 86400_000;

export interface Resident {
  sessionId: string;
  /** The blind index of the phone: how work_orders.reporter_phone_index finds the resident's demands. */
  phoneIndex: string;
  phoneEnc: string;
  phoneMasked: string;
}

/** The resident as the event log and the lifecycle steps see them (core's ResidentCaller): no user id, no personal data. */
export type { ResidentCaller };
export const residentCaller = (r: Resident): ResidentCaller => ({ userId: null, displayName: 'resident', phoneIndex: r.phoneIndex });

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createResidentSession(ctx: AppContext, phone: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESIDENT_SESSION_MS).toISOString();
  await ctx.handle.db.insertInto('resident_sessions').values({
    id: hashToken(token), phone_index: ctx.cipher.blindIndex(phone), phone_enc: ctx.cipher.encrypt(phone), phone_masked: mask('phone', phone),
    created_at: now.toISOString(), expires_at: expiresAt,
  }).execute();
  return { token, expiresAt };
}

export function setResidentCookie(reply: FastifyReply, session: { token: string; expiresAt: string }): void {
  reply.setCookie(RESIDENT_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', expires: new Date(session.expiresAt) });
}

export async function deleteResidentSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('resident_sessions').where('id', '=', hashToken(token)).execute();
}

/** The resident of this request's cookie, or null (no cookie, unknown or expired session). */
export async function currentResident(req: FastifyRequest): Promise<Resident | null> {
  const token = req.cookies[RESIDENT_COOKIE];
  if (!token) return null;
  const row = await req.server.ctx.handle.db.selectFrom('resident_sessions').selectAll().where('id', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.expires_at < new Date().toISOString()) return null;
  return { sessionId: row.id, phoneIndex: row.phone_index, phoneEnc: row.phone_enc, phoneMasked: row.phone_masked };
}

export async function requireResident(req: FastifyRequest): Promise<Resident> {
  const resident = await currentResident(req);
  if (!resident) throw unauthenticated();
  return resident;
}

/**
 * Who calls a page that staff and residents share (a photo of an order): the signed-in staff account, else the
 * resident of the cookie as a lifecycle caller, else null.
 */
export async function staffOrResident(req: FastifyRequest): Promise<Actor | ResidentCaller | null> {
  if (req.actor) return req.actor;
  const resident = await currentResident(req);
  return resident ? residentCaller(resident) : null;
}

/** The resident filed this order: same phone. */
export const isReporterOf = (r: { phoneIndex: string }, order: { reporter_phone_index: string | null }) =>
  !!order.reporter_phone_index && order.reporter_phone_index === r.phoneIndex;
