import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';

/** What every route module is given: the database, the configuration and the clock. */
export interface RouteContext {
  database: Database;
  db: Db;
  config: Config;
  clock: () => Date;
}

export type RouteModule = FastifyPluginAsync<{ ctx: RouteContext }>;
