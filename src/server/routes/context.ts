import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { FileReaders } from '../readers/file-readers.ts';
import type { Mailer } from '../services/notifications/mailer.ts';

/** What every route module is given: the database, the configuration, the clock, the readers of uploaded files and the mailer. */
export interface RouteContext {
  database: Database;
  db: Db;
  config: Config;
  clock: () => Date;
  readers: FileReaders;
  /** The mail server (SMTP_URL), or null: e-mail is then not offered. */
  mailer: Mailer | null;
}

/**
 * A route module, typed by the zod type provider: a route's body, query and params take their
 * types from the schemas it declares, and its reply from its response schemas.
 */
export type RouteModule = FastifyPluginAsyncZod<{ ctx: RouteContext }>;
