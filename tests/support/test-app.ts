import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '#server/app.ts';
import type { RouteRecord } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { Database } from '#server/db/client.ts';
import type { Mailer } from '#server/services/notifications/mailer.ts';
import { freshDatabase } from './test-db.ts';

export interface TestApp {
  app: FastifyInstance & { routeTable: RouteRecord[] };
  database: Database;
  clock: { now: Date };
  /** Signs in and returns the session cookie header value. */
  login(username: string, password: string): Promise<string>;
  /** Sends a request as the holder of `cookie` (or anonymously). */
  request(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The in-process app on a fresh database, with a settable clock. `maxUploadMb` sets
 * MAX_UPLOAD_MB (the upload size limit) for tests of oversize files; `env` sets any other
 * variable of the configuration (TRUST_PROXY, COOKIE_SECURE…); `mailer` stands for the mail server.
 */
export async function createTestApp(opts: { now?: Date; loginRateLimit?: number; maxUploadMb?: number; env?: Record<string, string>; mailer?: Mailer } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const clock = { now: opts.now ?? new Date('2022-03-15T03:00:00Z') };
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: String(opts.loginRateLimit ?? 1000),
      ...(opts.maxUploadMb !== undefined ? { MAX_UPLOAD_MB: String(opts.maxUploadMb) } : {}),
      ...opts.env,
    }),
    webDist: '/nonexistent',
  };
  const app = await buildApp({ config, database, clock: () => clock.now, ...(opts.mailer ? { mailer: opts.mailer } : {}) });
  return {
    app,
    database,
    clock,
    async login(username, password) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'tk_session');
      if (!cookie) throw new Error('no session cookie');
      return `tk_session=${cookie.value}`;
    },
    request(cookie, o) {
      return app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(cookie ? { cookie } : {}) } });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
