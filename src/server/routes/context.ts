import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';

/** What every route module is given: the database, the configuration and the clock. */
export interface RouteContext {
  database: Database;
  db: Db;
  config: Config;
  clock: () => Date;
}

/**
 * A route module, typed by the zod type provider: a route's body, query and params take their
 * types from the schemas it declares, and its reply from its response schemas.
 */
export type RouteModule = FastifyPluginAsyncZod<{ ctx: RouteContext }>;
