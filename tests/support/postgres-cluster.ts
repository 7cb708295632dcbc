/**
 * Vitest global setup of the `api-postgres` project: starts a throwaway PostgreSQL cluster in a
 * temporary folder (tests/support/postgres-server.ts), creates a migrated template database, and
 * stops and removes everything afterwards.
 */
import type { TestProject } from 'vitest/node';
import { openPostgres } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import { startPostgresCluster } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  const base = cluster.base;
  const admin = await openPostgres(`${base}/postgres`, 1, { as: 'login' });
  await admin.execScript('CREATE DATABASE trienkhai_template');
  await admin.close();
  const template = await openPostgres(`${base}/trienkhai_template`, 1);
  await migrate(template);
  await template.close();
  project.provide('pgUrl', base);
  return async () => {
    cluster.stop();
  };
}
