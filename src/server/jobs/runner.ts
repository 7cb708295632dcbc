import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Mailer } from '../services/notifications/mailer.ts';

/**
 * The database-backed job runner (STYLE.md §9), the same on PGlite and PostgreSQL. Jobs are data:
 * each kind is a `JobDefinition` — an id, a payload schema and a handler — and each job to run
 * is a row of `job`. Any server process may run jobs: a process claims one due job at a time with
 * `FOR UPDATE SKIP LOCKED`, so two processes never run the same job; a job whose process died is
 * claimed again once its lock expires. A failed job is retried with exponential backoff up to
 * `maxAttempts`, then left 'failed' with its last error.
 */
export interface JobContext {
  db: Db;
  /** The time the job runs at (the runner's clock; tests pass a fixed one). */
  now: Date;
  /** The mail server, when SMTP is configured. */
  mailer: Mailer | null;
}

export interface JobDefinition<P = unknown> {
  id: string;
  payloadSchema: z.ZodType<P>;
  handler(payload: P, ctx: JobContext): Promise<unknown>;
}

/** A definition of any payload type (the runner checks the payload with the schema before calling). */
// NOTE: `any` here only erases the payload type in a heterogeneous list; each handler still gets a parsed payload.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

/** Declares a kind of job (the payload type follows from its schema). */
export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** A job with the same name and key is enqueued once (later calls do nothing). */
  dedupeKey?: string;
}

/** Adds a job; returns its id, or null when a job with the same name and dedupe key exists. */
export async function enqueueJob(tx: Tx, name: string, payload: unknown, now: Date, opts: EnqueueOptions = {}): Promise<string | null> {
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO job (name, payload, run_at, dedupe_key, created_at)
    VALUES (${name}, ${JSON.stringify(payload ?? {})}::jsonb, ${(opts.runAt ?? now).toISOString()}::timestamptz, ${opts.dedupeKey ?? null}, ${now.toISOString()}::timestamptz)
    ON CONFLICT (name, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
    RETURNING id`);
  return r.rows[0]?.id ?? null;
}

/** The delay before retry number `attempt` (1-based): 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

export interface RunnerOptions {
  db: Db;
  jobs: readonly AnyJobDefinition[];
  /** Who this process is (locked_by): host, pid and a random part. */
  holder: string;
  mailer?: Mailer | null;
  /** How long a claimed job stays locked before another process may take it over. */
  lockMs?: number;
  maxAttempts?: number;
  log?: { info(o: object, msg: string): void; error(o: object, msg: string): void };
}

export interface RunResult {
  id: string;
  name: string;
  status: 'done' | 'retry' | 'failed';
  result?: unknown;
  error?: string;
}

export interface JobRunner {
  /** Runs due jobs one after the other until none is due (or `max` have run). */
  runDue(now: Date, max?: number): Promise<RunResult[]>;
}

export function createJobRunner(opts: RunnerOptions): JobRunner {
  const byId = new Map(opts.jobs.map((j) => [j.id, j]));
  const lockMs = opts.lockMs ?? 10 * 60_000;
  const maxAttempts = opts.maxAttempts ?? 5;

  async function claim(now: Date): Promise<{ id: string; name: string; payload: unknown; attempts: number } | null> {
    const at = now.toISOString();
    const r = await opts.db.execute<{ id: string; name: string; payload: unknown; attempts: number }>(sql`
      UPDATE job SET status = 'running', locked_by = ${opts.holder},
        locked_until = ${new Date(now.getTime() + lockMs).toISOString()}::timestamptz, attempts = attempts + 1
      WHERE id = (
        SELECT id FROM job
        WHERE (status = 'queued' AND run_at <= ${at}::timestamptz) OR (status = 'running' AND locked_until < ${at}::timestamptz)
        ORDER BY run_at, created_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts`);
    return r.rows[0] ?? null;
  }

  async function finish(id: string, now: Date, status: 'done' | 'failed', error: string | null): Promise<void> {
    await opts.db.execute(sql`
      UPDATE job SET status = ${status}, finished_at = ${now.toISOString()}::timestamptz, last_error = ${error},
        locked_by = NULL, locked_until = NULL
      WHERE id = ${id} AND locked_by = ${opts.holder}`);
  }

  async function retry(id: string, now: Date, attempts: number, error: string): Promise<void> {
    await opts.db.execute(sql`
      UPDATE job SET status = 'queued', run_at = ${new Date(now.getTime() + retryDelayMs(attempts)).toISOString()}::timestamptz,
        last_error = ${error}, locked_by = NULL, locked_until = NULL
      WHERE id = ${id} AND locked_by = ${opts.holder}`);
  }

  return {
    async runDue(now, max = 100) {
      const results: RunResult[] = [];
      while (results.length < max) {
        const job = await claim(now);
        if (!job) break;
        const def = byId.get(job.name);
        if (!def) {
          await finish(job.id, now, 'failed', `Không có loại việc "${job.name}"`);
          results.push({ id: job.id, name: job.name, status: 'failed', error: 'unknown job' });
          continue;
        }
        const payload = def.payloadSchema.safeParse(job.payload);
        if (!payload.success) {
          await finish(job.id, now, 'failed', `Dữ liệu của việc không hợp lệ: ${payload.error.message}`.slice(0, 2_000));
          results.push({ id: job.id, name: job.name, status: 'failed', error: 'invalid payload' });
          continue;
        }
        try {
          const result = await def.handler(payload.data, { db: opts.db, now, mailer: opts.mailer ?? null });
          await finish(job.id, now, 'done', null);
          results.push({ id: job.id, name: job.name, status: 'done', result });
          opts.log?.info({ job: job.name, result }, 'job done');
        } catch (err) {
          const message = (err instanceof Error ? err.message : String(err)).slice(0, 2_000);
          if (job.attempts >= maxAttempts) {
            await finish(job.id, now, 'failed', message);
            results.push({ id: job.id, name: job.name, status: 'failed', error: message });
          } else {
            await retry(job.id, now, job.attempts, message);
            results.push({ id: job.id, name: job.name, status: 'retry', error: message });
          }
          opts.log?.error({ job: job.name, attempt: job.attempts, err: message }, 'job failed');
        }
      }
      return results;
    },
  };
}
