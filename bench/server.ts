/**
 * The server process the HTTP measurements run against: the real app on the benchmark's database,
 * and beside it a bare Fastify app with the same session authentication and one route that does
 * nothing (the baseline of the submission throughput). Started by bench/main.ts as
 * `node bin/run-ts.js bench/server.ts '<json options>'`; prints one JSON line with both ports.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import Fastify, { LogController } from 'fastify';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openPglite, openPostgres } from '#server/db/client.ts';
import { handleError } from '#server/http-errors.ts';
import accessPlugin from '#server/plugins/access.ts';
import authPlugin from '#server/plugins/auth.ts';

export interface ServerOptions {
  db: 'pglite' | 'postgres';
  /** PostgreSQL URL or PGlite data directory. */
  location: string;
  /** The clock starts at this instant and runs at real speed. */
  startAt: string;
}

const opts = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const database = opts.db === 'pglite' ? await openPglite(opts.location) : await openPostgres(opts.location);
const origin = Date.parse(opts.startAt);
const started = Date.now();
const clock = () => new Date(origin + (Date.now() - started));
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database, clock });

// The baseline: Fastify with the same cookie, CSRF, session and access plugins, and a route that answers at once.
const bare = Fastify({ logger: false, logController: new LogController({ disableRequestLogging: true }) });
bare.setErrorHandler(handleError);
await bare.register(cookie);
await bare.register(csrf, { cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', signed: false } });
await bare.register(authPlugin, { db: database.db, clock, secure: 'auto' });
await bare.register(accessPlugin, { db: database.db });
bare.post('/api/bench/bare', { config: { access: { kind: 'signed-in' } } }, async (_request, reply) => reply.status(201).send({ ok: true }));
await bare.ready();

await app.listen({ host: '127.0.0.1', port: 0 });
await bare.listen({ host: '127.0.0.1', port: 0 });
const portOf = (a: typeof bare) => {
  const addr = a.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
};
process.stdout.write(`${JSON.stringify({ appPort: portOf(app as unknown as typeof bare), barePort: portOf(bare) })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  await bare.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.on('disconnect', () => void stop());
