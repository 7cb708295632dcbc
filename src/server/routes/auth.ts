import { DomainError, isDomainError } from '#core/errors.ts';
import { z } from '#shared/common.ts';
import { ChangePasswordSchema, LoginSchema, MeSchema } from '#shared/auth.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../plugins/auth.ts';
import { hashToken } from '../db/queries/auth.ts';
import { login } from '../services/auth/login.ts';
import { logout } from '../services/auth/logout.ts';
import { changePassword, getMe } from '../services/users/users.ts';
import type { RouteModule } from './context.ts';
import { FailureWindow } from './login-failures.ts';
import { actorOf, inTransaction } from './tx.ts';

const tags = ['auth'];

const auth: RouteModule = async (app, { ctx }) => {
  const failures = new FailureWindow(ctx.config.loginRateLimit, 60_000);

  app.post('/api/auth/login', {
    config: { access: { kind: 'public' } },
    schema: { tags, body: LoginSchema, response: { 200: z.object({ userId: z.string(), csrfToken: z.string(), mustChangePassword: z.boolean() }) } },
  }, async (request, reply) => {
    const now = ctx.clock();
    // Keyed after the body is read: by address and user name, so one office's address is not
    // locked out by failures of a name nobody there uses. The address is the socket's unless a
    // proxy named in TRUST_PROXY forwarded the request.
    const key = `${request.ip}|${request.body.username.toLowerCase()}`;
    const wait = failures.waitFor(key, now);
    if (wait > 0) {
      throw new DomainError('TOO_MANY_ATTEMPTS', `Quá nhiều lần thử đăng nhập sai. Hãy thử lại sau ${wait} giây.`, { retryAfterSeconds: wait });
    }
    try {
      const { token, userId, mustChangePassword } = await login(ctx.db, request.body, now, ctx.config.sessionDays);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, ctx.config.cookieSecure, ctx.config.sessionDays * 86_400));
      return { userId, csrfToken: reply.generateCsrf(), mustChangePassword };
    } catch (e) {
      if (isDomainError(e) && e.code === 'BAD_CREDENTIALS') failures.add(key, now);
      throw e;
    }
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
