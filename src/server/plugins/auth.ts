import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '#core/errors.ts';
import type { Db } from '../db/client.ts';
import { lookupActor } from '../db/queries/auth.ts';

export const SESSION_COOKIE = 'tk_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What an account that signed in with a one-time password may do until it changes it: see who it
 * is, sign out, change the password (docs/decisions/018).
 */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);

/**
 * Sessions and CSRF. The session cookie is httpOnly and SameSite=Lax. A state-changing request
 * is refused when it comes from another site (Origin or Sec-Fetch-Site say so), and a request
 * made by a browser page must also carry the CSRF token of @fastify/csrf-protection in the
 * `x-csrf-token` header. Non-browser clients (scripts, the CLI) send neither header and cannot
 * be the victims of cross-site request forgery, so they need no token (docs/decisions/002).
 */
export default fp(async function authPlugin(app: FastifyInstance, opts: { db: Db; clock: () => Date; secure: boolean | 'auto' }) {
  // The route that matched decides what a request needs, never the URL as written: the router
  // decodes `/%61pi/…` into `/api/…`, a test of the raw URL does not.
  app.addHook('onRequest', async (request) => {
    request.actor = null;
    const access = request.routeOptions.config.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await lookupActor(opts.db, token, opts.clock());
    if (!found) return;
    const { mustChangePassword, ...actor } = found;
    request.actor = actor;
    if (mustChangePassword && access.kind !== 'public' && !BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url}`)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Bạn đang dùng mật khẩu dùng một lần: hãy đổi mật khẩu trước khi làm việc khác.');
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    // No access rule: not a route of the API (the web app's files, the API's documentation, not found).
    if (!access) return;
    if (access.kind !== 'public' && !request.actor) {
      throw new DomainError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
    }
    if (!UNSAFE.has(request.method)) return;
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || (origin !== undefined && originHost(origin) !== request.headers.host)) {
      throw new DomainError('CSRF', 'Yêu cầu từ trang web khác bị từ chối.');
    }
    const fromBrowserPage = site !== undefined || origin !== undefined;
    if (fromBrowserPage && access.kind !== 'public') {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
});

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" and malformed origins count as foreign
  }
}

export function sessionCookieOptions(request: FastifyRequest, secure: boolean | 'auto', maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: secure === 'auto' ? request.protocol === 'https' : secure,
    maxAge: maxAgeSeconds,
  };
}
