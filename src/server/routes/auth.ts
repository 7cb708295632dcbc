import { z } from '#shared/common.ts';
import { ChangePasswordSchema, LoginSchema, MeSchema } from '#shared/auth.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../plugins/auth.ts';
import { login } from '../services/auth/login.ts';
import { hashToken } from '../db/queries/auth.ts';
import { logout } from '../services/auth/logout.ts';
import { changePassword, getMe } from '../services/users/users.ts';
import type { RouteModule } from './context.ts';
import { actorOf, inTransaction } from './tx.ts';

const tags = ['auth'];

/** The user name a login attempt names, or '' when the body is not (yet) an object with one. */
function usernameOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'username' in body ? String(body.username ?? '') : '';
}

const auth: RouteModule = async (app, { ctx }) => {
  app.post('/api/auth/login', {
    config: {
      access: { kind: 'public' },
      rateLimit: {
        max: ctx.config.loginRateLimit,
        timeWindow: '1 minute',
        // Per address and user name: guessing one account is slowed without locking out a whole office behind one NAT.
        keyGenerator: (request) => `${request.ip}|${usernameOf(request.body).toLowerCase()}`,
      },
    },
    schema: { tags, body: LoginSchema, response: { 200: z.object({ userId: z.string(), csrfToken: z.string() }) } },
  }, async (request, reply) => {
    const { token, userId } = await login(ctx.db, request.body, ctx.clock(), ctx.config.sessionDays);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, ctx.config.cookieSecure, ctx.config.sessionDays * 86_400));
    return { userId, csrfToken: reply.generateCsrf() };
  });

  app.post('/api/auth/logout', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => logout(request.cookies[SESSION_COOKIE], s));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Người dùng đang đăng nhập, quyền và mã CSRF', response: { 200: MeSchema } },
  }, async (request, reply) => getMe(ctx.db, actorOf(request), reply.generateCsrf()));

  app.post('/api/auth/password', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Đổi mật khẩu', body: ChangePasswordSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const { currentPassword, newPassword } = request.body;
    const keep = hashToken(request.cookies[SESSION_COOKIE] ?? '');
    await inTransaction(ctx, request, (s) => changePassword(s.actor.userId, currentPassword, newPassword, s, keep));
    return reply.status(204).send(null);
  });
};
export default auth;
