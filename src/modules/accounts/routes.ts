import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { abilitiesOf, allowedRoots, authorize } from '../../core/access/policy.js';
import { assertInScope } from '../../core/access/scope.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { requireActor } from '../../core/http.js';
import { extraLimit } from '../../core/limits.js';
import { nowIso } from '../../core/ids.js';
import { hashPassword, verifyPassword } from '../../core/auth/password.js';
import { deleteSession, deleteUserSessions, forgetActors, SESSION_COOKIE } from './sessions.js';
import { ZId } from '../../core/validation.js';
import { policies } from '../../core/registry.js';
import { findPlace } from '../places/index.js';
import { createUser } from './commands/create-user.js';
import { signIn } from './commands/sign-in.js';
import { updateUser } from './commands/update-user.js';
import { userPolicy } from './policy.js';
import { findUser, listUsers, toUser } from './queries.js';
import { ZChangePassword, ZCreateUser, ZLogin, ZUpdateUser, ZUsersQuery } from './schema.js';
import { accountMsg } from './messages.js';
import { checkPasswordFor } from './password-rule.js';

export const SIGN_IN_PER_ADDRESS = 20;
export const SIGN_IN_PER_USERNAME = 10;

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  // Sign-in attempts: 20 a minute per address, and 10 a minute per username from anywhere (beside the lockout after
  // five failures), so a burst on one account from many addresses stops too.
  const perUsername = extraLimit(app, {
    name: 'sign-in-username', max: SIGN_IN_PER_USERNAME, timeWindow: '1 minute',
    key: (req) => (req.body as { username?: string } | undefined)?.username?.trim().toLowerCase() ?? null,
  });
  app.post(
    '/auth/login',
    { schema: { tags: ['auth'], body: ZLogin, security: [] }, config: { rateLimit: { max: SIGN_IN_PER_ADDRESS, timeWindow: '1 minute' } }, preHandler: perUsername },
    async (req, reply) => {
      const { session, user } = await signIn(app.ctx, req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', expires: new Date(session.expiresAt),
      });
      return { user: { id: user.id, username: user.username, displayName: user.display_name } };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db(), token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post('/auth/password', { schema: { tags: ['auth'], body: ZChangePassword } }, async (req) => {
    const actor = requireActor(req);
    const user = (await findUser(db(), actor.userId))!;
    if (!(await verifyPassword(req.body.currentPassword, user.password_hash))) {
      throw new AppError(422, 'bad_credentials', accountMsg.wrongCurrentPassword, 'currentPassword');
    }
    checkPasswordFor(req.body.newPassword, user.username, 'newPassword');
    const hash = await hashPassword(req.body.newPassword);
    await db().transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, version: user.version + 1, updated_at: nowIso() }).where('id', '=', user.id).execute();
      await appendEvent(trx, actor, { entityType: 'user', entityId: user.id, placeId: user.place_id, action: 'change_password' });
    });
    await deleteUserSessions(db(), user.id, req.cookies[SESSION_COOKIE]);
    return { ok: true };
  });

  app.get('/me', { schema: { tags: ['auth'] } }, async (req) => {
    const actor = requireActor(req);
    return {
      user: { id: actor.userId, username: actor.username, displayName: actor.displayName, locale: actor.locale },
      roles: actor.bindings,
      abilities: abilitiesOf(actor, policies()),
    };
  });

  app.put('/me/locale', { schema: { tags: ['auth'], body: z.object({ locale: z.enum(['zh-CN', 'en']) }) } }, async (req) => {
    const actor = requireActor(req);
    await db().updateTable('users').set({ locale: req.body.locale }).where('id', '=', actor.userId).execute();
    forgetActors();
    return { locale: req.body.locale };
  });

  app.get('/users', { schema: { tags: ['accounts'], summary: 'Accounts in my subtree (or under placeId), optionally only those holding a role over a place', querystring: ZUsersQuery } }, async (req) => {
    const actor = requireActor(req);
    let roots = allowedRoots(actor, userPolicy, 'read', { id: '' });
    if (roots.length === 0) throw forbidden();
    const { placeId, role, coversPlaceId, disabled, ...page } = req.query;
    if (placeId) {
      const place = await findPlace(db(), placeId);
      if (!place) throw notFound('place');
      authorize(actor, userPolicy, 'read', place.path, { id: '' }, 'place');
      roots = [place.path];
    }
    let coversPath: string | undefined;
    if (coversPlaceId) {
      const place = await findPlace(db(), coversPlaceId);
      if (!place) throw notFound('place');
      assertInScope(actor, place.path, 'place');
      coversPath = place.path;
    }
    return listUsers(db(), roots, { ...page, roles: role === undefined ? undefined : [role].flat(), coversPath, disabled: disabled === undefined ? undefined : disabled === 'true' });
  });

  app.get('/users/:id', { schema: { tags: ['accounts'], params: z.object({ id: ZId }) } }, async (req) => {
    const actor = requireActor(req);
    const user = await findUser(db(), req.params.id);
    if (!user) throw notFound('user');
    assertInScope(actor, user.place_path, 'user');
    authorize(actor, userPolicy, 'read', user.place_path, { id: user.id });
    return toUser(user);
  });

  app.post('/users', { schema: { tags: ['accounts'], body: ZCreateUser } }, async (req, reply) =>
    reply.status(201).send(await createUser(app.ctx, requireActor(req), req.body)),
  );

  app.patch('/users/:id', { schema: { tags: ['accounts'], params: z.object({ id: ZId }), body: ZUpdateUser } }, async (req) =>
    updateUser(app.ctx, requireActor(req), req.params.id, req.body),
  );
};
