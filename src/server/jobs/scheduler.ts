import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '#core/ids.ts';
import type { Db } from '../db/client.ts';
import type { Mailer } from '../services/notifications/mailer.ts';
import { createMailer } from '../services/notifications/mailer.ts';
import { acquireLease, releaseLease } from './lease.ts';
import type { AnyJobDefinition, JobRunner, RunResult } from './runner.ts';
import { createJobRunner, enqueueJob } from './runner.ts';
import sendEmails from './send-emails.ts';
import sendOverdueDigest from './send-overdue-digest.ts';
import sendReminders from './send-reminders.ts';

/** Every kind of job the runner knows. */
export const JOBS: readonly AnyJobDefinition[] = [sendReminders, sendOverdueDigest, sendEmails];

/** The lease that makes one server process the one that schedules reminders. */
export const REMINDER_LEASE = 'reminders';
/** How long the lease lasts without renewal: another process takes over this long after the holder stops. */
export const LEASE_MS = 5 * 60_000;
/** Reminders are scheduled once per slot of this many minutes. */
export const SLOT_MINUTES = 15;
/** The Vietnam hour from which the day's overdue digest goes out (a morning read). */
export const DIGEST_HOUR = 7;
const TICK_MS = 60_000;
const KEEP_FINISHED_DAYS = 30;

/** The slot of `now`: "2022-03-24T03:15" (UTC), the dedupe key of that slot's jobs. */
export function slotOf(now: Date): string {
  const t = new Date(Math.floor(now.getTime() / (SLOT_MINUTES * 60_000)) * SLOT_MINUTES * 60_000);
  return t.toISOString().slice(0, 16);
}

export interface TickResult {
  /** Whether this process holds the reminder lease (and so scheduled this slot's jobs). */
  leader: boolean;
  ran: RunResult[];
}

/**
 * One tick of the scheduler of one server process: the holder of the reminder lease enqueues the
 * jobs of the current slot (each once per slot, whoever enqueues it: the job's dedupe key), then
 * every process runs the jobs that are due (a job is claimed by one process only). A process that
 * does not hold the lease schedules nothing.
 */
export async function schedulerTick(o: { db: Db; runner: JobRunner; holder: string; now: Date; mailer: Mailer | null }): Promise<TickResult> {
  const { db, now } = o;
  const leader = await acquireLease(db, REMINDER_LEASE, o.holder, now, LEASE_MS);
  if (!leader) return { leader, ran: await o.runner.runDue(now) };
  const slot = slotOf(now);
  await enqueueJob(db, sendReminders.id, {}, now, { dedupeKey: slot });
  if ((now.getUTCHours() + 7) % 24 >= DIGEST_HOUR) await enqueueJob(db, sendOverdueDigest.id, {}, now, { dedupeKey: vietnamDate(now) });
  const ran = await o.runner.runDue(now);
  // Emails go after the notifications of this slot exist.
  if (o.mailer) {
    await enqueueJob(db, sendEmails.id, {}, now, { dedupeKey: slot });
    ran.push(...(await o.runner.runDue(now)));
  }
  await db.execute(sql`
    DELETE FROM job WHERE status IN ('done', 'failed')
      AND finished_at < ${new Date(now.getTime() - KEEP_FINISHED_DAYS * 86_400_000).toISOString()}::timestamptz`);
  return { leader, ran };
}

/** A name for this process in locks and leases: host, pid and a random part. */
export function processHolderId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Starts the scheduler of this server process (from main.ts, not from buildApp: tests drive
 * `schedulerTick` with a fixed clock). Ticks every minute; returns a function that stops it and
 * gives the lease up.
 */
export function startScheduler(o: {
  db: Db;
  config: { smtpUrl: string | null; mailFrom: string };
  log: { info(o: object, msg: string): void; error(o: object, msg: string): void };
  clock?: () => Date;
}): () => Promise<void> {
  const clock = o.clock ?? (() => new Date());
  const holder = processHolderId();
  const mailer = createMailer(o.config);
  const runner = createJobRunner({ db: o.db, jobs: JOBS, holder, mailer, log: o.log });
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = schedulerTick({ db: o.db, runner, holder, now: clock(), mailer })
      .catch((err: unknown) => o.log.error({ err }, 'scheduler tick failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, TICK_MS);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    if (running) await running;
    await releaseLease(o.db, REMINDER_LEASE, holder).catch(() => undefined);
  };
}
