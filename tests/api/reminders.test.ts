/**
 * Reminders, the overdue digest, email and the job runner, with an injected clock: the right
 * people are reminded once, at the right time (7 days and 1 day before, on the day, when
 * overdue); running again sends nothing twice; a second server process sends nothing while
 * another holds the lease; jobs are claimed once, retried with backoff.
 */
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/deadline/resolve.ts';
import type { IsoDate } from '#core/ids.ts';
import { reminderStep } from '#core/reports/reminders.ts';
import { z } from 'zod';
import { acquireLease } from '#server/jobs/lease.ts';
import { createJobRunner, defineJob, enqueueJob } from '#server/jobs/runner.ts';
import type { JobRunner } from '#server/jobs/runner.ts';
import { JOBS, schedulerTick } from '#server/jobs/scheduler.ts';
import { createReminders } from '#server/services/notifications/create-reminders.ts';
import type { Mailer } from '#server/services/notifications/mailer.ts';
import { mailerFromTransport } from '#server/services/notifications/mailer.ts';
import { saveSubmission } from '#server/services/reports/save-submission.ts';
import { buildTree, buildUser, SYSTEM } from '../support/factories.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { notificationsOf, publishPlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let deputy1: string;
let secGr: string;
const runners = new Map<string, JobRunner>();

/** One scheduler tick of the server process `holder` at `iso`. */
function tick(holder: string, iso: string, mailer: Mailer | null = null) {
  const db = t.database.db;
  const key = `${holder}:${mailer ? 'mail' : ''}`;
  if (!runners.has(key)) runners.set(key, createJobRunner({ db, jobs: JOBS, holder, mailer }));
  return schedulerTick({ db, runner: runners.get(key)!, holder, now: new Date(iso), mailer });
}

/** The dedupe keys of a user's notifications, sorted. */
/** A user's reminder keys (a report arriving for the user's unit to receive is told apart: docs/decisions/014). */
const keysOf = async (userId: string) =>
  (await notificationsOf(t.database.db, userId)).filter((n) => n.kind !== 'submission_received').map((n) => n.dedupe_key!).sort();

async function count(): Promise<number> {
  return (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification`)).rows[0]!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(t.database.db);
  deputy1 = await buildUser(t.database.db, 'deputy1', [{ unitId: tree.units.c1, role: 'deputy_secretary' }]);
  secGr = await buildUser(t.database.db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
});
afterAll(() => t.close());

describe('reminders over the life of a deadline', () => {
  let plan: PlanFixture;
  const r = (unit: string, step: string) => `remind:${plan.instance(unit)}:${step}`;
  const k = (unit: string, step: string) => `remind:${plan.task(unit)}:${step}`;

  beforeAll(async () => {
    plan = await publishPlanFixture(t.database.db, {
      issuerId: tree.units.bloc,
      audience: [tree.units.grassroots, tree.units.c1, tree.units.c2],
      task: { text: 'Tổ chức hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4' },
    });
  });

  it('reminds nobody 8 days before', async () => {
    const out = await tick('proc-A', '2022-03-23T01:00:00Z');
    expect(out.leader).toBe(true);
    expect(out.ran.map((j) => j.name).sort()).toEqual(['send-overdue-digest', 'send-reminders']);
    expect(await count()).toBe(0);
  });

  it('reminds the leaders of each unit 7 days before, report and task, and nobody else', async () => {
    await tick('proc-A', '2022-03-24T01:00:00Z');
    expect(await keysOf(tree.users.sec1)).toEqual([k(tree.units.c1, 'd-7'), r(tree.units.c1, 'd-7')].sort());
    expect(await keysOf(deputy1)).toEqual([k(tree.units.c1, 'd-7'), r(tree.units.c1, 'd-7')].sort());
    expect(await keysOf(tree.users.sec2)).toEqual([k(tree.units.c2, 'd-7'), r(tree.units.c2, 'd-7')].sort());
    expect(await keysOf(secGr)).toEqual([k(tree.units.grassroots, 'd-7'), r(tree.units.grassroots, 'd-7')].sort());
    for (const other of [tree.users.member1, tree.users.staff, tree.users.inspector, tree.users.viewer, tree.users.admin]) {
      expect(await notificationsOf(t.database.db, other)).toEqual([]);
    }
    const report = (await notificationsOf(t.database.db, tree.users.sec1)).find((n) => n.dedupe_key === r(tree.units.c1, 'd-7'))!;
    expect(report).toMatchObject({
      kind: 'reminder',
      title: 'Còn 7 ngày đến hạn: báo cáo "Báo cáo kết quả học tập, quán triệt Kết luận, Quy định"',
      body: 'Hạn 31/03/2022 (31/03/2022).',
      unit_id: tree.units.c1,
      link: `/obligation-instances/${plan.instance(tree.units.c1)}`,
    });
    expect(await count()).toBe(8);
  });

  it('sends nothing twice: another run, later the same day and in the days after', async () => {
    const again = await tick('proc-A', '2022-03-24T01:20:00Z');
    expect(again.ran.find((j) => j.name === 'send-reminders')?.result).toEqual({ reports: 0, tasks: 0 });
    await tick('proc-A', '2022-03-26T02:00:00Z');
    await tick('proc-A', '2022-03-29T02:00:00Z');
    expect(await count()).toBe(8);
  });

  it('reminds 1 day before, except what is already done', async () => {
    await t.database.db.transaction((tx) =>
      saveSubmission(plan.instance(tree.units.c2), { figures: { total: 10, studied: 10 }, narrative: {}, submit: true }, { actor: SYSTEM, tx, now: new Date('2022-03-29T04:00:00Z') }),
    );
    await t.database.db.execute(sql`UPDATE task_instance SET status = 'done', done_on = '2022-03-29' WHERE id = ${plan.task(tree.units.grassroots)}`);
    await tick('proc-A', '2022-03-30T01:00:00Z');
    expect(await keysOf(tree.users.sec2)).toEqual([k(tree.units.c2, 'd-1'), k(tree.units.c2, 'd-7'), r(tree.units.c2, 'd-7')].sort());
    expect(await keysOf(secGr)).toEqual([k(tree.units.grassroots, 'd-7'), r(tree.units.grassroots, 'd-1'), r(tree.units.grassroots, 'd-7')].sort());
    expect((await keysOf(tree.users.sec1)).filter((x) => x.endsWith(':d-1'))).toHaveLength(2);
    // …and the grassroots secretary is told the cell's report arrived for acceptance.
    expect(await count()).toBe(8 + 2 + 2 + 1 + 1 + 1);
  });

  it('reminds on the due day', async () => {
    await tick('proc-A', '2022-03-31T00:30:00Z');
    const today = (await notificationsOf(t.database.db, tree.users.sec1)).filter((n) => n.dedupe_key!.endsWith(':d0'));
    expect(today.map((n) => n.title).sort()).toEqual([
      'Hôm nay đến hạn: báo cáo "Báo cáo kết quả học tập, quán triệt Kết luận, Quy định"',
      'Hôm nay đến hạn: nhiệm vụ "Tổ chức hội nghị nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4"',
    ]);
    expect((await keysOf(tree.users.sec2)).filter((x) => x.endsWith(':d0'))).toEqual([k(tree.units.c2, 'd0')]);
  });

  it('reminds when overdue, and sends the higher level\'s staff a digest of the late units', async () => {
    await tick('proc-A', '2022-04-01T01:00:00Z');
    const late = (await notificationsOf(t.database.db, tree.users.sec1)).filter((n) => n.kind === 'overdue');
    expect(late.map((n) => n.dedupe_key).sort()).toEqual([k(tree.units.c1, 'overdue:2022-04-01'), r(tree.units.c1, 'overdue:2022-04-01')].sort());
    expect(late.find((n) => n.dedupe_key === r(tree.units.c1, 'overdue:2022-04-01'))).toMatchObject({
      title: 'Quá hạn 1 ngày: báo cáo "Báo cáo kết quả học tập, quán triệt Kết luận, Quy định"',
      body: 'Hạn 31/03/2022 (31/03/2022), đã quá 1 ngày. Đề nghị khẩn trương hoàn thành và cập nhật.',
    });
    expect((await notificationsOf(t.database.db, tree.users.sec2)).filter((n) => n.kind === 'overdue').map((n) => n.dedupe_key)).toEqual([k(tree.units.c2, 'overdue:2022-04-01')]);
    const digest = await notificationsOf(t.database.db, tree.users.staff);
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatchObject({ kind: 'digest', dedupe_key: `digest:${plan.planId}:2022-04-01`, unit_id: tree.units.bloc, title: 'Đơn vị quá hạn — Kế hoạch số 48-KH/ĐUK' });
    expect(digest[0]!.body).toMatch(/^3 đơn vị có 4 nhiệm vụ, báo cáo quá hạn: /);
    expect(digest[0]!.body).toContain('Chi bộ Văn phòng Sở (2)');
    expect(digest[0]!.body).toContain('Chi bộ Thanh tra Sở (1)');
    expect(digest[0]!.body).toContain('Đảng bộ Sở Tài chính (1)');
    expect(await notificationsOf(t.database.db, tree.users.member1)).toEqual([]);
  });

  it('repeats the overdue reminder a week later, not every day; the digest is daily', async () => {
    const before = await count();
    await tick('proc-A', '2022-04-02T01:00:00Z');
    await tick('proc-A', '2022-04-05T01:00:00Z');
    // Two more days of digest, no new reminders.
    expect(await count()).toBe(before + 2);
    await tick('proc-A', '2022-04-08T01:00:00Z');
    expect((await keysOf(tree.users.sec1)).filter((x) => x.includes('overdue:2022-04-08'))).toHaveLength(2);
    expect((await notificationsOf(t.database.db, tree.users.staff)).map((n) => n.dedupe_key)).toEqual(
      ['2022-04-01', '2022-04-02', '2022-04-05', '2022-04-08'].map((d) => `digest:${plan.planId}:${d}`),
    );
  });

  it('sends no digest before 07:00 in Vietnam', async () => {
    const before = await count();
    await tick('proc-A', '2022-04-09T23:30:00Z'); // 06:30 on 10/4 in Vietnam
    expect(await count()).toBe(before);
  });
});

describe('two server processes', () => {
  it('a second process sends nothing while the first holds the lease, and takes over without sending twice', async () => {
    const first = await publishPlanFixture(t.database.db, {
      issuerId: tree.units.bloc, audience: [tree.units.c1], number: '60-KH/ĐUK',
      periods: [{ key: '2022-06-30', label: 'Tháng 6/2022', due: '2022-06-30' }],
    });
    const a = await tick('proc-A', '2022-06-23T01:00:00Z');
    expect(a.leader).toBe(true);
    const sentByA = await count();
    expect((await keysOf(tree.users.sec1)).filter((x) => x === `remind:${first.instance(tree.units.c1)}:d-7`)).toHaveLength(1);

    const second = await publishPlanFixture(t.database.db, {
      issuerId: tree.units.bloc, audience: [tree.units.c2], number: '61-KH/ĐUK',
      periods: [{ key: '2022-06-30', label: 'Tháng 6/2022', due: '2022-06-30' }],
    });
    const b = await tick('proc-B', '2022-06-23T01:02:00Z');
    expect(b).toEqual({ leader: false, ran: [] });
    expect(await count()).toBe(sentByA);

    // The holder sends the new plan's reminders in its next slot.
    const a2 = await tick('proc-A', '2022-06-23T01:15:00Z');
    expect(a2.leader).toBe(true);
    expect((await keysOf(tree.users.sec2)).filter((x) => x === `remind:${second.instance(tree.units.c2)}:d-7`)).toHaveLength(1);
    const afterA = await count();

    // Process A stops; once its lease runs out, B takes over and sends nothing already sent.
    const b2 = await tick('proc-B', '2022-06-23T01:31:00Z');
    expect(b2.leader).toBe(true);
    expect(b2.ran.find((j) => j.name === 'send-reminders')?.result).toEqual({ reports: 0, tasks: 0 });
    expect(await count()).toBe(afterA);
    expect(await tick('proc-A', '2022-06-23T01:32:00Z')).toEqual({ leader: false, ran: [] });
  });

  it('gives the lease to one holder at a time', async () => {
    const db = t.database.db;
    const now = new Date('2022-07-01T00:00:00Z');
    expect(await acquireLease(db, 'test-lease', 'x', now, 60_000)).toBe(true);
    expect(await acquireLease(db, 'test-lease', 'y', new Date(now.getTime() + 30_000), 60_000)).toBe(false);
    expect(await acquireLease(db, 'test-lease', 'x', new Date(now.getTime() + 30_000), 60_000)).toBe(true);
    expect(await acquireLease(db, 'test-lease', 'y', new Date(now.getTime() + 95_000), 60_000)).toBe(true);
    expect(await acquireLease(db, 'test-lease', 'x', new Date(now.getTime() + 100_000), 60_000)).toBe(false);
  });
});

describe('the reminder statement agrees with the core rule', () => {
  it('creates exactly the steps reminderStep gives, for due dates around today and several reminder settings', async () => {
    const today = '2022-09-15' as IsoDate;
    const offsets = Array.from({ length: 41 }, (_, i) => i - 20);
    for (const days of [[7, 1], [14, 3], [30, 7, 1], []]) {
      const plan = await publishPlanFixture(t.database.db, {
        issuerId: tree.units.bloc, audience: [tree.units.c2], number: `R-${days.join('-')}`, reminderDays: days,
        periods: offsets.map((o) => ({ key: `p${o}`, label: `p${o}`, due: addDays(today, o) })),
      });
      await t.database.db.transaction((tx) => createReminders(tx, new Date(`${today}T02:00:00Z`)));
      const ids = new Set(offsets.map((o) => plan.instance(tree.units.c2, `p${o}`)));
      const made = (await keysOf(tree.users.sec2)).filter((key) => ids.has(key.split(':')[1]!)).sort();
      const expected = offsets
        .map((o) => ({ id: plan.instance(tree.units.c2, `p${o}`), step: reminderStep(addDays(today, o), today, days) }))
        .filter((x) => x.step !== null)
        .map((x) => `remind:${x.id}:${x.step!.key}`)
        .sort();
      expect(made, `reminder days ${days.join(',')}`).toEqual(expected);
      expect(made.length).toBeGreaterThan(days.length > 0 ? 3 : 1);
    }
  });
});

describe('email when SMTP is configured', () => {
  it('emails each new notification once to users with an address, and retries what the server refused', async () => {
    await t.database.db.execute(sql`UPDATE person SET email = 'hoa.vp@example.vn' WHERE id = ${tree.people.p1}`);
    await publishPlanFixture(t.database.db, {
      issuerId: tree.units.bloc, audience: [tree.units.c1, tree.units.c2], number: '70-KH/ĐUK',
      periods: [{ key: '2022-10-31', label: 'Tháng 10/2022', due: '2022-10-31' }],
    });
    const json = nodemailer.createTransport({ jsonTransport: true });
    const sent: { to: string; subject: string; text: string }[] = [];
    let refuse = true;
    const mailer: Mailer = {
      async send(m) {
        if (refuse) throw new Error('421 try again later');
        await mailerFromTransport(json, 'trienkhai <no-reply@example.vn>').send(m);
        sent.push(m);
      },
    };
    const first = await tick('proc-A', '2022-10-24T01:00:00Z', mailer);
    expect(first.ran.find((j) => j.name === 'send-emails')?.result).toEqual({ sent: 0, failed: 1 });
    const pending = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification WHERE emailed_at IS NOT NULL`);
    expect(pending.rows[0]!.n).toBe(0);

    refuse = false;
    await tick('proc-A', '2022-10-24T01:15:00Z', mailer);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'hoa.vp@example.vn', subject: 'Còn 7 ngày đến hạn: báo cáo "Báo cáo kết quả học tập, quán triệt Kết luận, Quy định"' });
    expect(sent[0]!.text).toContain('Kính gửi đồng chí Nguyễn Thị Hoa');
    // The secretary of c2 has no email address: in-app only.
    const c2 = await t.database.db.execute<{ n: number; emailed: number }>(sql`
      SELECT count(*)::int AS n, count(emailed_at)::int AS emailed FROM notification WHERE user_id = ${tree.users.sec2} AND created_at >= '2022-10-24T00:00:00Z'`);
    expect(c2.rows[0]!.n).toBeGreaterThan(0);
    expect(c2.rows[0]!.emailed).toBe(0);

    await tick('proc-A', '2022-10-24T01:30:00Z', mailer);
    await tick('proc-B', '2022-10-24T01:31:00Z', mailer);
    expect(sent).toHaveLength(1);
  });
});

describe('a secret ("mật") plan', () => {
  it('reminds without naming what the plan asks', async () => {
    const secret = await publishPlanFixture(t.database.db, {
      issuerId: tree.units.bloc, audience: [tree.units.c1], number: null, confidentiality: 'secret',
      title: 'Kế hoạch bảo vệ nội bộ', obligationTitle: 'Báo cáo tình hình tư tưởng cán bộ',
      periods: [{ key: '2022-11-30', label: 'Tháng 11/2022', due: '2022-11-30' }],
      task: { text: 'Rà soát lý lịch cán bộ' },
    });
    await tick('proc-A', '2022-11-23T01:00:00Z');
    const notes = (await notificationsOf(t.database.db, tree.users.sec1)).filter((n) =>
      [`remind:${secret.instance(tree.units.c1)}:d-7`, `remind:${secret.task(tree.units.c1)}:d-7`].includes(n.dedupe_key!));
    expect(notes.map((n) => n.title).sort()).toEqual(['Còn 7 ngày đến hạn: báo cáo của kế hoạch mật', 'Còn 7 ngày đến hạn: nhiệm vụ của kế hoạch mật']);
    expect(JSON.stringify(notes)).not.toMatch(/tư tưởng|lý lịch|bảo vệ nội bộ/);
  });
});

describe('the job runner', () => {
  let j: TestApp;
  const calls: string[] = [];
  let failuresLeft = 1;
  const jobs = [
    defineJob({ id: 'count', payloadSchema: z.strictObject({ n: z.number() }), handler: async (p) => { calls.push(`count:${p.n}`); return p.n; } }),
    defineJob({
      id: 'flaky',
      payloadSchema: z.strictObject({}),
      handler: async () => {
        calls.push('flaky');
        if (failuresLeft-- > 0) throw new Error('tạm thời lỗi');
      },
    }),
    defineJob({ id: 'broken', payloadSchema: z.strictObject({}), handler: async () => { throw new Error('hỏng'); } }),
  ];
  const t0 = new Date('2022-03-15T03:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);
  const status = async (id: string) =>
    (await j.database.db.execute<{ status: string; attempts: number; last_error: string | null }>(sql`SELECT status, attempts, last_error FROM job WHERE id = ${id}`)).rows[0]!;

  beforeAll(async () => {
    j = await createTestApp();
  });
  afterAll(() => j.close());

  it('retries a failed job with backoff', async () => {
    const runner = createJobRunner({ db: j.database.db, jobs, holder: 'r1' });
    const id = (await enqueueJob(j.database.db, 'flaky', {}, t0))!;
    expect((await runner.runDue(t0)).map((x) => x.status)).toEqual(['retry']);
    expect(await status(id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'tạm thời lỗi' });
    expect(await runner.runDue(later(10_000))).toEqual([]);
    expect((await runner.runDue(later(31_000))).map((x) => x.status)).toEqual(['done']);
    expect(await status(id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(calls.filter((c) => c === 'flaky')).toHaveLength(2);
  });

  it('gives up after the last attempt, and fails unknown jobs and bad payloads at once', async () => {
    const runner = createJobRunner({ db: j.database.db, jobs, holder: 'r1', maxAttempts: 2 });
    const broken = (await enqueueJob(j.database.db, 'broken', {}, t0))!;
    await runner.runDue(later(60_000));
    await runner.runDue(later(10 * 60_000));
    expect(await status(broken)).toMatchObject({ status: 'failed', attempts: 2, last_error: 'hỏng' });
    const unknown = (await enqueueJob(j.database.db, 'no-such-job', {}, t0))!;
    const bad = (await enqueueJob(j.database.db, 'count', { n: 'x' }, t0))!;
    await runner.runDue(later(11 * 60_000));
    expect((await status(unknown)).status).toBe('failed');
    expect((await status(bad)).status).toBe('failed');
    expect(await runner.runDue(later(24 * 3600_000))).toEqual([]);
  });

  it('enqueues a job with a dedupe key once', async () => {
    expect(await enqueueJob(j.database.db, 'count', { n: 0 }, t0, { dedupeKey: 'slot-1', runAt: later(3600_000 * 48) })).not.toBeNull();
    expect(await enqueueJob(j.database.db, 'count', { n: 0 }, t0, { dedupeKey: 'slot-1', runAt: later(3600_000 * 48) })).toBeNull();
  });

  it('lets two processes share the queue: each job runs once', async () => {
    const before = calls.length;
    const now = later(3600_000);
    for (let n = 1; n <= 8; n++) await enqueueJob(j.database.db, 'count', { n }, now);
    const a = createJobRunner({ db: j.database.db, jobs, holder: 'proc-a' });
    const b = createJobRunner({ db: j.database.db, jobs, holder: 'proc-b' });
    const [ra, rb] = await Promise.all([a.runDue(now), b.runDue(now)]);
    expect(ra.length + rb.length).toBe(8);
    expect(calls.slice(before).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `count:${i + 1}`).sort());
  });

  it('takes over a job whose process died once its lock has expired', async () => {
    const now = later(2 * 3600_000);
    const id = (await enqueueJob(j.database.db, 'count', { n: 99 }, now))!;
    await j.database.db.execute(sql`UPDATE job SET status = 'running', locked_by = 'dead', locked_until = ${later(2 * 3600_000 + 60_000).toISOString()}::timestamptz WHERE id = ${id}`);
    const runner = createJobRunner({ db: j.database.db, jobs, holder: 'alive' });
    expect(await runner.runDue(now)).toEqual([]);
    expect((await runner.runDue(later(2 * 3600_000 + 61_000))).map((x) => [x.id, x.status])).toEqual([[id, 'done']]);
  });
});
