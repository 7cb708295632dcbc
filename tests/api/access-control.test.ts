/**
 * The access-control suite, generated from the route table: for every API route, a user
 * granted on one cell (sec1, secretary of c1) can read and write their own cell, gets 404/403
 * for the sibling cell c2 and for the parent's private data, and the database is unchanged by
 * every refused request; an anonymous request gets 401; a viewer or an inspector, granted on the
 * cell or on its parent, is refused every write. A route without a case here fails the suite, so a
 * new route cannot escape it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanDraftSchema } from '#shared/plans.ts';
import { CampaignCreateSchema, MeetingCreateSchema } from '#shared/meetings.ts';
import { RoundCreateSchema } from '#shared/personal-plans.ts';
import { launchRound } from '#server/services/personal-plans/launch-round.ts';
import { confirmPlan, submitPlan } from '#server/services/personal-plans/change-plan.ts';
import { createCampaign } from '#server/services/meetings/create-campaign.ts';
import { createMeeting } from '#server/services/meetings/create-meeting.ts';
import { saveAttendance } from '#server/services/meetings/save-attendance.ts';
import { createPlan } from '#server/services/plans/create-plan.ts';
import { publishPlan } from '#server/services/plans/publish-plan.ts';
import { saveSubmission } from '#server/services/reports/save-submission.ts';
import { addReportAttachment, addTaskAttachment } from '#server/services/attachments/add-attachment.ts';
import { multipartUpload } from '../support/multipart.ts';
import { buildPerson, buildTree, buildUnit, buildUser, PASSWORD, SYSTEM } from '../support/factories.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import { importDocument } from '#server/services/documents/import-document.ts';
import { loadConfig } from '#server/config.ts';
import { startFileReaders } from '#server/readers/file-readers.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

type Target = 'own' | 'sibling' | 'parent';
type Tree = Awaited<ReturnType<typeof buildTree>>;

interface Fixture {
  tree: Tree;
  t: TestApp;
  /** A unit, person, membership and user for each target. */
  unit: Record<Target, string>;
  person: Record<Target, string>;
  membership: Record<Target, string>;
  user: Record<Target, string>;
  /** Reports: the bloc's obligation, each target's instance of it, a notification of each target's user. */
  obligation: string;
  obligationInstance: Record<Target, string>;
  notification: Record<Target, string>;
  /** Plans: each target's draft; each target's published plan addressed to itself (the parent's is visible to c1, not writable). */
  plan: Record<Target, string>;
  publishedPlan: Record<Target, string>;
  /** The bloc's published plan addressed to the grassroots organisation and its cells, and each target's task instance of it. */
  blocPlan: string;
  taskInstance: Record<Target, string>;
  /** Documents: each target's imported document (a draft of plan 48-KH/ĐUK, seed 001). */
  document: Record<Target, string>;
  /** Meetings: each target's study session planned for today; each target's campaign (the parent's addresses only itself). */
  meeting: Record<Target, string>;
  campaign: Record<Target, string>;
  /** Documents out: an obligation of each target's own plan that a unit under it is late on. */
  urging: Record<Target, string>;
  /** A file attached to each target's report. */
  attachment: Record<Target, string>;
  /** Personal plans: a round of each target launched from its published plan over its own members, and a pledge round. */
  round: Record<Target, string>;
  pledgeRound: Record<Target, string>;
}

interface Case {
  /** The request aimed at the target's data. */
  request: (target: Target, fx: Fixture) => Promise<InjectOptions> | InjectOptions;
  /**
   * For routes open to every signed-in user that filter what they return: a check that the
   * answer holds nothing of the sibling or the parent.
   */
  leaks?: (body: string, fx: Fixture) => boolean;
  /** Routes that act only on the caller's own session or account: there is no other target. */
  selfOnly?: boolean;
  /** Routes of a system administrator only (the whole installation): refused to the cell too. */
  superuserOnly?: boolean;
}

const today = '2022-03-15';
let csvFile = 0;
function multipartCsv(rows: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tk${csvFile++}`;
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ds.csv"\r\nContent-Type: text/csv\r\n\r\n${rows}\r\n--${boundary}--\r\n`;
  return { payload: Buffer.from(body), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A fresh sub-unit of the target's unit, for writes that consume their target (dissolve, split, merge). */
async function freshUnitUnder(fx: Fixture, target: Target): Promise<string> {
  return buildUnit(fx.t.database.db, { parentId: fx.unit[target], kind: 'cell', name: `Tổ ${Math.random().toString(36).slice(2, 7)}` });
}

/**
 * A submitted report awaiting review by the target: own = a report of a unit below c1 to a plan
 * of c1 (the cell is its receiving level), sibling = the same under c2, parent = the grassroots
 * organisation's report to the bloc.
 */
async function freshSubmission(fx: Fixture, target: Target): Promise<string> {
  const db = fx.t.database.db;
  const [issuerId, unitId] = target === 'parent' ? [fx.tree.units.bloc, fx.unit.parent] : [fx.unit[target], await freshUnitUnder(fx, target)];
  const plan = await publishPlanFixture(db, { issuerId, audience: [unitId], number: `${Math.random().toString(36).slice(2, 6)}-KH` });
  const out = await db.transaction((tx) =>
    saveSubmission(plan.instance(unitId), { figures: { total: 5, studied: 5 }, narrative: {}, submit: true }, { actor: SYSTEM, tx, now: fx.t.clock.now }),
  );
  return out.submissionId;
}

/** A plan of `unitId` made through the service (drafted, and published when asked). */
async function planOf(fx: Pick<Fixture, 't'>, unitId: string, publish: boolean, tasks: unknown[] = [{ text: 'Tổ chức học tập, quán triệt', audience: { scope: 'self' } }]): Promise<string> {
  const db = fx.t.database.db;
  const s = () => ({ actor: SYSTEM, now: fx.t.clock.now });
  const { id } = await db.transaction((tx) => createPlan(PlanDraftSchema.parse({ unitId, title: `Kế hoạch ${Math.random().toString(36).slice(2, 7)}`, tasks }), { ...s(), tx }));
  if (publish) await db.transaction((tx) => publishPlan({ planId: id }, { ...s(), tx }));
  return id;
}

/** A fresh draft of the target's unit, for publishing (publishing consumes it). */
const draftOf = (fx: Fixture, target: Target) => planOf(fx, fx.unit[target], false);

/** The target's instance of a task or report of a fresh plan of the target addressed to itself, for cancelling (cancelling consumes it). */
async function ownInstanceOf(fx: Fixture, target: Target, item: 'task' | 'report'): Promise<string> {
  const db = fx.t.database.db;
  const s = { actor: SYSTEM, now: fx.t.clock.now };
  const draft = PlanDraftSchema.parse({
    unitId: fx.unit[target], title: 'Kế hoạch giao cho chính đơn vị',
    tasks: [{ text: 'Tổ chức học tập, quán triệt', audience: { scope: 'self' } }],
    obligations: [{ title: 'Báo cáo kết quả', due: [{ type: 'date', value: '2022-03-31' }], audience: { scope: 'self' } }],
  });
  const { id } = await db.transaction((tx) => createPlan(draft, { ...s, tx }));
  await db.transaction((tx) => publishPlan({ planId: id }, { ...s, tx }));
  const r = await db.execute<{ id: string }>(item === 'task'
    ? sql`SELECT id FROM task_instance WHERE plan_id = ${id} AND unit_id = ${fx.unit[target]}`
    : sql`SELECT id FROM obligation_instance WHERE plan_id = ${id} AND unit_id = ${fx.unit[target]}`);
  return r.rows[0]!.id;
}

const SEEDS = join(import.meta.dirname, '../fixtures/extraction/seeds');
const SEED_001 = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('001_'))!));
let docFile = 0;
function multipartDocument(fields: Record<string, string>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tkdoc${docFile++}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const payload = Buffer.concat([
    Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ke-hoach.txt"\r\nContent-Type: text/plain\r\n\r\n`),
    SEED_001,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The structure proposed for the target's document, to confirm as it is. */
async function proposedOf(fx: Fixture, target: Target): Promise<object> {
  const r = await fx.t.database.db.execute<{ proposed: object }>(sql`SELECT proposed FROM document WHERE id = ${fx.document[target]}`);
  return r.rows[0]!.proposed;
}

function itemIds(body: string): string[] {
  const parsed = JSON.parse(body) as { items?: { id: string }[] };
  return (parsed.items ?? []).map((i) => i.id);
}

/** The consolidation of the bloc's obligation over the target's subtree. */
const consolidationUrl = (fx: Fixture, tg: Target, rest = 'consolidation') => `/api/obligations/${fx.obligation}/${rest}?unit=${fx.unit[tg]}&period=2022-03-31`;
const CONSOLIDATION_DRAFT = {
  title: 'Kết quả học tập, quán triệt Kết luận, Quy định',
  opening: 'Thực hiện Kế hoạch số 48-KH/ĐUK, chi bộ báo cáo kết quả như sau:',
  sections: [],
  overrides: [],
  closing: '',
  recipients: ['Đảng ủy Sở Tài chính (báo cáo)', 'Lưu hồ sơ'],
  signer: { capacity: 'T/M CHI BỘ', title: 'BÍ THƯ', name: 'Nguyễn Thị Hoa' },
};

/** A study session of `unitId` through the service, on `date` (today by default). */
async function meetingOf(fx: Pick<Fixture, 't'>, unitId: string, date = today): Promise<string> {
  const input = MeetingCreateSchema.parse({ unitId, title: 'Hội nghị học tập, quán triệt', date });
  return (await fx.t.database.db.transaction((tx) => createMeeting(input, { actor: SYSTEM, tx, now: fx.t.clock.now }))).id;
}
let ruleDay = 0;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
/** A file attached to the target's task instance, through the service (for removals, which consume it). */
async function freshAttachment(fx: Fixture, target: Target): Promise<string> {
  const file = { filename: 'Biên bản.pdf', data: PDF };
  return (await fx.t.database.db.transaction((tx) => addTaskAttachment(fx.taskInstance[target], file, { maxBytes: 1 << 20, maxCount: 100 }, { actor: SYSTEM, tx, now: fx.t.clock.now }))).id;
}

/** The task of the target's published plan (addressed to itself), which its rounds are launched from. */
async function taskOf(fx: Fixture, target: Target): Promise<string> {
  return (await fx.t.database.db.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${fx.publishedPlan[target]} LIMIT 1`)).rows[0]!.id;
}

async function roundOf(fx: Fixture, target: Target, kind: 'personal_plan' | 'pledge'): Promise<string> {
  const base = { unitId: fx.unit[target], planId: fx.publishedPlan[target], taskId: await taskOf(fx, target), title: 'Đợt kế hoạch cá nhân', submitBy: '2022-03-31' };
  const forms = await fx.t.database.db.execute<{ id: string }>(sql`SELECT id FROM plan_form WHERE code = 'mau-02' AND unit_id IS NULL`);
  const input = kind === 'pledge'
    ? RoundCreateSchema.parse({ ...base, kind, pledgeText: 'Tôi cam kết', categories: ['party_full', 'party_probationary'] })
    : RoundCreateSchema.parse({ ...base, kind, scope: 'year', year: 2022, assignments: [{ formId: forms.rows[0]!.id, categories: ['party_full', 'party_probationary'] }] });
  return (await fx.t.database.db.transaction((tx) => launchRound(input, { actor: SYSTEM, tx, now: fx.t.clock.now }))).id;
}

/**
 * A fresh member of the target's unit with a plan in the target's round, brought to `state` through
 * the services (each case that changes a plan consumes one). Returns the person.
 */
async function planAt(fx: Fixture, target: Target, state: 'pending' | 'submitted' | 'confirmed'): Promise<string> {
  const db = fx.t.database.db;
  const person = await buildPerson(db, fx.unit[target], { fullName: `Lò Văn ${Math.random().toString(36).slice(2, 6)}` });
  await db.execute(sql`INSERT INTO personal_plan (round_id, person_id, unit_id, reached_unit_id, form_id)
    SELECT ${fx.round[target]}, ${person}, ${fx.unit[target]}, ${fx.unit[target]}, id FROM plan_form WHERE code = 'mau-02' AND unit_id IS NULL`);
  const s = () => ({ actor: SYSTEM, now: fx.t.clock.now });
  if (state !== 'pending') {
    await db.transaction((tx) => submitPlan(fx.round[target], person, { sections: { items: [{ text: 'Gương mẫu thực hiện nhiệm vụ', area: 'work_responsibility' }] } }, { ...s(), tx }));
  }
  if (state === 'confirmed') await db.transaction((tx) => confirmPlan(fx.round[target], person, { ...s(), tx }));
  return person;
}

async function pledgeAt(fx: Fixture, target: Target): Promise<string> {
  const person = await buildPerson(fx.t.database.db, fx.unit[target], { fullName: `Lò Thị ${Math.random().toString(36).slice(2, 6)}` });
  await fx.t.database.db.execute(sql`INSERT INTO pledge (round_id, person_id, unit_id, reached_unit_id) VALUES (${fx.pledgeRound[target]}, ${person}, ${fx.unit[target]}, ${fx.unit[target]})`);
  return person;
}
let formCode = 0;
const planItem = { text: 'Gương mẫu thực hiện nhiệm vụ', area: 'work_responsibility' };

const CASES: Record<string, Case> = {
  'POST /api/auth/logout': { selfOnly: true, request: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/auth/me': {
    request: () => ({ method: 'GET', url: '/api/auth/me' }),
    leaks: (body, fx) => body.includes(fx.unit.sibling) || body.includes(fx.tree.units.grassroots),
  },
  'POST /api/auth/password': {
    selfOnly: true,
    request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  },
  'GET /api/units': {
    request: () => ({ method: 'GET', url: '/api/units?q=chi%20bo' }),
    // A unit's own record names its parent's id; what must not appear is another unit as a result.
    leaks: (body, fx) => itemIds(body).some((id) => id === fx.unit.sibling || id === fx.unit.parent),
  },
  'GET /api/units/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}` }) },
  'GET /api/units/:id/children': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/children?on=${today}` }) },
  'POST /api/units': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/units', payload: { parentId: fx.unit[tg], kind: 'cell', name: 'Tổ đảng mới', validFrom: today } }),
  },
  'PATCH /api/units/:id': {
    request: async (tg, fx) => ({ method: 'PATCH', url: `/api/units/${await freshUnitUnder(fx, tg)}`, payload: { name: 'Tên mới', on: today } }),
  },
  'POST /api/units/:id/move': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/units/${await freshUnitUnder(fx, tg)}/move`, payload: { parentId: await freshUnitUnder(fx, tg), on: today } }),
  },
  'POST /api/units/merge': {
    request: async (tg, fx) => ({ method: 'POST', url: '/api/units/merge', payload: { sourceIds: [await freshUnitUnder(fx, tg)], targetId: await freshUnitUnder(fx, tg), on: today } }),
  },
  'POST /api/units/:id/split': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/units/${await freshUnitUnder(fx, tg)}/split`, payload: { parts: [{ name: 'Tổ A' }, { name: 'Tổ B' }], on: today } }),
  },
  'POST /api/units/:id/dissolve': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/units/${await freshUnitUnder(fx, tg)}/dissolve`, payload: { on: today } }),
  },
  'GET /api/users': {
    request: () => ({ method: 'GET', url: '/api/users' }),
    leaks: (body, fx) => itemIds(body).some((id) => id === fx.user.sibling || id === fx.user.parent),
  },
  'POST /api/users': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/users', payload: { username: `u${Math.random().toString(36).slice(2, 8)}`, password: 'mat-khau-456', grants: [{ unitId: fx.unit[tg], role: 'member' }] } }),
  },
  'PATCH /api/users/:id': {
    request: (tg, fx) => ({ method: 'PATCH', url: `/api/users/${fx.user[tg]}`, payload: { grants: [{ unitId: fx.unit[tg], role: 'member' }] } }),
  },
  'GET /api/audit': {
    request: (tg, fx) => ({ method: 'GET', url: `/api/audit?unitId=${fx.unit[tg]}` }),
  },
  // the first-run guide
  'GET /api/setup': { superuserOnly: true, request: () => ({ method: 'GET', url: '/api/setup' }) },
  'POST /api/top-units': { superuserOnly: true, request: () => ({ method: 'POST', url: '/api/top-units', payload: { kind: 'bloc_committee', name: 'Đảng ủy Khối mới', validFrom: today } }) },
  // accounts in bulk: a fresh person in the target's unit, so that there is someone to create an account for
  'POST /api/accounts/preview': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/accounts/preview', payload: { unitIds: [fx.unit[tg]], rules: [{ position: null, role: 'member' }] } }),
  },
  'POST /api/accounts': {
    request: async (tg, fx) => {
      await buildPerson(fx.t.database.db, fx.unit[tg]);
      return { method: 'POST', url: '/api/accounts', payload: { unitIds: [fx.unit[tg]], rules: [{ position: null, role: 'member' }], format: 'xlsx' } };
    },
  },
  // The slips of accounts the target's own manager created: handed only to whoever produced them.
  'GET /api/accounts/slips/:id': {
    request: async (tg, fx) => {
      const manager = await fx.t.login(({ own: 'sec1', sibling: 'sec2', parent: 'staff' } as const)[tg], PASSWORD);
      await buildPerson(fx.t.database.db, fx.unit[tg]);
      const made = await fx.t.request(manager, { method: 'POST', url: '/api/accounts', payload: { unitIds: [fx.unit[tg]], rules: [{ position: null, role: 'member' }], format: 'xlsx' } });
      if (made.statusCode !== 201) throw new Error(`accounts for ${tg}: ${made.statusCode} ${made.body}`);
      return { method: 'GET', url: `/api/accounts/slips/${made.json().slips.id}` };
    },
  },
  'POST /api/users/:id/one-time-password': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/users/${fx.user[tg]}/one-time-password` }),
  },
  // members
  'GET /api/units/:id/members': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/members` }) },
  'POST /api/units/:id/members': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/units/${fx.unit[tg]}/members`, payload: { fullName: 'Đỗ Thị Lan', category: 'party_full', validFrom: today } }),
  },
  'GET /api/units/:id/members.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/members.xlsx` }) },
  'POST /api/units/:id/members/import': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/units/${fx.unit[tg]}/members/import?mode=all`, ...multipartCsv('Họ và tên,Loại thành viên,Ngày vào đơn vị\nVũ Văn Hùng,Đảng viên chính thức,01/03/2022\n') }),
  },
  'POST /api/units/:id/tree/import': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/units/${fx.unit[tg]}/tree/import?mode=all`, ...multipartCsv(`Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nAC.${csvFile},Chi đoàn mới,youth_cell,${fx.unit[tg]}\n`) }),
  },
  'POST /api/units/tree/import': {
    superuserOnly: true,
    request: () => ({ method: 'POST', url: '/api/units/tree/import?mode=all', ...multipartCsv(`Mã đơn vị,Tên đơn vị,Loại đơn vị\nTOP.${csvFile},Tỉnh ủy mới,province_committee\n`) }),
  },
  'GET /api/units/:id/tree.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/tree.xlsx` }) },
  'GET /api/units/:id/tree.csv': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/tree.csv` }) },
  'GET /api/units/tree-template.xlsx': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/units/tree-template.xlsx' }) },
  'GET /api/units/tree-template.csv': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/units/tree-template.csv' }) },
  // The import templates are the same blank form for every signed-in user: no unit's data.
  'GET /api/members/import-template.xlsx': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/members/import-template.xlsx' }) },
  'GET /api/members/import-template.csv': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/members/import-template.csv' }) },
  'GET /api/people/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/people/${fx.person[tg]}` }) },
  'PATCH /api/people/:id': { request: (tg, fx) => ({ method: 'PATCH', url: `/api/people/${fx.person[tg]}`, payload: { phone: '0912345678' } }) },
  'POST /api/people/:id/transfer': {
    request: async (tg, fx) => {
      const from = await freshUnitUnder(fx, tg);
      const person = await buildPerson(fx.t.database.db, from, { validFrom: '2021-01-01' as never });
      return { method: 'POST', url: `/api/people/${person}/transfer`, payload: { toUnitId: fx.unit[tg], on: today } };
    },
  },
  'PATCH /api/memberships/:id': { request: (tg, fx) => ({ method: 'PATCH', url: `/api/memberships/${fx.membership[tg]}`, payload: { positions: ['rapporteur'] } }) },
  'POST /api/memberships/:id/end': {
    request: async (tg, fx) => {
      const person = await buildPerson(fx.t.database.db, fx.unit[tg], { validFrom: '2021-01-01' as never });
      const r = await fx.t.database.db.execute<{ id: string }>(sql`SELECT id FROM membership WHERE person_id = ${person}`);
      return { method: 'POST', url: `/api/memberships/${r.rows[0]!.id}/end`, payload: { on: today, reason: 'left' } };
    },
  },
  // reports and notifications
  'GET /api/units/:id/obligations': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/obligations` }) },
  'GET /api/units/:id/received-reports': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/received-reports?state=late` }) },
  'GET /api/units/:id/due-below': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/due-below?from=2022-03-01&to=2022-03-31` }) },
  'GET /api/units/:id/due-below/items': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/due-below/items?date=2022-03-31` }) },
  'POST /api/obligations/:id/submissions': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/obligations/${fx.obligationInstance[tg]}/submissions`, payload: { figures: { total: 5 }, narrative: {}, submit: false } }),
  },
  'GET /api/obligation-instances/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/obligation-instances/${fx.obligationInstance[tg]}` }) },
  'POST /api/submissions/:id/accept': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/submissions/${await freshSubmission(fx, tg)}/accept`, payload: {} }),
  },
  'POST /api/submissions/:id/return': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/submissions/${await freshSubmission(fx, tg)}/return`, payload: { comment: 'Đề nghị bổ sung số liệu.' } }),
  },
  'GET /api/obligations/:id/status': { request: (tg, fx) => ({ method: 'GET', url: `/api/obligations/${fx.obligation}/status?unit=${fx.unit[tg]}` }) },
  'POST /api/obligations/:id/urge': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/obligations/${fx.obligation}/urge`, payload: { period: '2022-03-31', unit: fx.unit[tg], message: 'Đề nghị gửi báo cáo.', scope: 'not_submitted' } }),
  },
  'GET /api/notifications': {
    request: () => ({ method: 'GET', url: '/api/notifications' }),
    leaks: (body, fx) => body.includes(fx.notification.sibling) || body.includes(fx.notification.parent),
  },
  'GET /api/notifications/count': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/notifications/count' }) },
  'POST /api/notifications/:id/read': { request: (tg, fx) => ({ method: 'POST', url: `/api/notifications/${fx.notification[tg]}/read` }) },
  'POST /api/notifications/read-all': { selfOnly: true, request: () => ({ method: 'POST', url: '/api/notifications/read-all' }) },
  // plans and task instances
  'POST /api/plans': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/plans', payload: { unitId: fx.unit[tg], title: 'Kế hoạch mới', tasks: [{ text: 'Việc', audience: { scope: 'self' } }] } }),
  },
  'GET /api/plans': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans?unitId=${fx.unit[tg]}&view=to_carry_out` }) },
  'GET /api/plans/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.plan[tg]}` }) },
  'GET /api/plans/:id/unit-proposals': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.plan[tg]}/unit-proposals` }) },
  'PUT /api/plans/:id': {
    request: (tg, fx) => ({ method: 'PUT', url: `/api/plans/${fx.plan[tg]}`, payload: { title: 'Kế hoạch đã sửa', tasks: [{ text: 'Việc', audience: { scope: 'self' } }] } }),
  },
  'POST /api/plans/:id/publish': { request: async (tg, fx) => ({ method: 'POST', url: `/api/plans/${await draftOf(fx, tg)}/publish` }) },
  'DELETE /api/plans/:id': { request: async (tg, fx) => ({ method: 'DELETE', url: `/api/plans/${await draftOf(fx, tg)}` }) },
  'POST /api/plans/:id/cancel': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/plans/${await planOf(fx, fx.unit[tg], true)}/cancel`, payload: { reason: 'Ban hành nhầm' } }),
  },
  'POST /api/task-instances/:id/cancel': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/task-instances/${await ownInstanceOf(fx, tg, 'task')}/cancel`, payload: { reason: 'Giao nhầm' } }),
  },
  'POST /api/obligation-instances/:id/cancel': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/obligation-instances/${await ownInstanceOf(fx, tg, 'report')}/cancel`, payload: { reason: 'Giao nhầm' } }),
  },
  'POST /api/plans/:id/implementing': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/plans/${fx.blocPlan}/implementing`, payload: { unitId: fx.unit[tg] } }),
  },
  'POST /api/plans/:id/audience': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/plans/${fx.publishedPlan[tg]}/audience`, payload: { unitIds: [fx.unit[tg]] } }),
  },
  'PUT /api/plans/:id/access': { request: (tg, fx) => ({ method: 'PUT', url: `/api/plans/${fx.publishedPlan[tg]}/access`, payload: { userIds: [] } }) },
  'GET /api/plans/:id/tree': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.plan[tg]}/tree` }) },
  'GET /api/plans/:id/coverage': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.blocPlan}/coverage?unit=${fx.unit[tg]}` }) },
  'GET /api/plans/:id/progress': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.blocPlan}/progress?unit=${fx.unit[tg]}` }) },
  'GET /api/plans/:id/summary': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.blocPlan}/summary?unit=${fx.unit[tg]}` }) },
  'GET /api/plans/:id/heatmap': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.blocPlan}/heatmap?unit=${fx.unit[tg]}` }) },
  'GET /api/plans/:id/overdue': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.blocPlan}/overdue?unit=${fx.unit[tg]}` }) },
  'GET /api/plans/:id/stale': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.blocPlan}/stale?unit=${fx.unit[tg]}&days=1` }) },
  'GET /api/units/:id/task-instances': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/task-instances` }) },
  'GET /api/units/:id/upcoming': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/upcoming?days=60` }) },
  // reviews: the task-results figures of a unit are read by the unit and the levels above it, never by a sibling
  'GET /api/units/:id/task-results': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/task-results?from=2022-01-01&to=2022-12-31` }) },
  'PATCH /api/task-instances/:id': {
    request: (tg, fx) => ({ method: 'PATCH', url: `/api/task-instances/${fx.taskInstance[tg]}`, payload: { progressNote: 'Đã xây dựng kế hoạch, chuẩn bị tài liệu' } }),
  },
  'POST /api/task-instances/bulk': { request: (tg, fx) => ({ method: 'POST', url: '/api/task-instances/bulk', payload: { ids: [fx.taskInstance[tg]], done: true } }) },
  // files attached as evidence
  'POST /api/obligation-instances/:id/attachments': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/obligation-instances/${fx.obligationInstance[tg]}/attachments`, ...multipartUpload('Biên bản.pdf', 'application/pdf', PDF) }),
  },
  'GET /api/task-instances/:id/attachments': { request: (tg, fx) => ({ method: 'GET', url: `/api/task-instances/${fx.taskInstance[tg]}/attachments` }) },
  'POST /api/task-instances/:id/attachments': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/task-instances/${fx.taskInstance[tg]}/attachments`, ...multipartUpload('Ảnh.pdf', 'application/pdf', PDF) }),
  },
  'GET /api/attachments/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/attachments/${fx.attachment[tg]}` }) },
  'DELETE /api/attachments/:id': { request: async (tg, fx) => ({ method: 'DELETE', url: `/api/attachments/${await freshAttachment(fx, tg)}` }) },
  // documents
  'POST /api/documents/import': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/documents/import', ...multipartDocument({ unitId: fx.unit[tg] }) }),
  },
  'GET /api/documents': {
    request: () => ({ method: 'GET', url: '/api/documents?limit=200' }),
    leaks: (body, fx) => itemIds(body).some((id) => id === fx.document.sibling || id === fx.document.parent),
  },
  'GET /api/documents/issuing-units': {
    request: () => ({ method: 'GET', url: '/api/documents/issuing-units' }),
    leaks: (body, fx) => itemIds(body).some((id) => id === fx.unit.sibling || id === fx.unit.parent),
  },
  'GET /api/documents/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/documents/${fx.document[tg]}` }) },
  'PUT /api/documents/:id/structure': {
    request: async (tg, fx) => ({ method: 'PUT', url: `/api/documents/${fx.document[tg]}/structure`, payload: await proposedOf(fx, tg) }),
  },
  'GET /api/documents/:id/file': { request: (tg, fx) => ({ method: 'GET', url: `/api/documents/${fx.document[tg]}/file` }) },
  'POST /api/plans/from-document/:documentId': { request: (tg, fx) => ({ method: 'POST', url: `/api/plans/from-document/${fx.document[tg]}` }) },
  // documents out: the consolidated report, Word files, Excel tables
  'GET /api/obligations/:id/consolidation': { request: (tg, fx) => ({ method: 'GET', url: consolidationUrl(fx, tg) }) },
  'PUT /api/obligations/:id/consolidation': { request: (tg, fx) => ({ method: 'PUT', url: consolidationUrl(fx, tg), payload: { draft: CONSOLIDATION_DRAFT } }) },
  'POST /api/obligations/:id/consolidated.docx': { request: (tg, fx) => ({ method: 'POST', url: consolidationUrl(fx, tg, 'consolidated.docx') }) },
  'POST /api/obligations/:id/consolidation/submit': { request: (tg, fx) => ({ method: 'POST', url: consolidationUrl(fx, tg, 'consolidation/submit'), payload: { asDraft: true } }) },
  'GET /api/obligations/:id/consolidation.xlsx': { request: (tg, fx) => ({ method: 'GET', url: consolidationUrl(fx, tg, 'consolidation.xlsx') }) },
  'GET /api/obligations/:id/urging-letter.docx': {
    request: (tg, fx) => ({ method: 'GET', url: `/api/obligations/${fx.urging[tg]}/urging-letter.docx?unit=${fx.unit[tg]}&period=2022-03-10` }),
  },
  'GET /api/plans/:id/export.docx': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.plan[tg]}/export.docx` }) },
  'GET /api/plans/:id/tasks.docx': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.plan[tg]}/tasks.docx` }) },
  'GET /api/units/:id/children.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/children.xlsx` }) },
  'GET /api/units/:id/task-instances.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/task-instances.xlsx` }) },
  'GET /api/obligations/:id/status.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/obligations/${fx.obligation}/status.xlsx?unit=${fx.unit[tg]}` }) },
  'GET /api/plans/:id/progress.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/plans/${fx.blocPlan}/progress.xlsx?unit=${fx.unit[tg]}` }) },
  // meetings: attendance of a cell is seen by the cell and the levels above, never by a sibling
  'GET /api/units/:id/meetings': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/meetings` }) },
  'GET /api/units/:id/rapporteurs': { request: (tg, fx) => ({ method: 'GET', url: `/api/units/${fx.unit[tg]}/rapporteurs` }) },
  'POST /api/meetings': { request: (tg, fx) => ({ method: 'POST', url: '/api/meetings', payload: { unitId: fx.unit[tg], title: 'Hội nghị học tập, quán triệt', date: today } }) },
  'GET /api/meetings/upcoming': { request: (tg, fx) => ({ method: 'GET', url: `/api/meetings/upcoming?unit=${fx.unit[tg]}` }) },
  'GET /api/meetings/coverage': { request: (tg, fx) => ({ method: 'GET', url: `/api/meetings/coverage?unit=${fx.unit[tg]}` }) },
  'GET /api/meetings/quality': { request: (tg, fx) => ({ method: 'GET', url: `/api/meetings/quality?unit=${fx.unit[tg]}` }) },
  'GET /api/meetings/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/meetings/${fx.meeting[tg]}` }) },
  'PATCH /api/meetings/:id': { request: (tg, fx) => ({ method: 'PATCH', url: `/api/meetings/${fx.meeting[tg]}`, payload: { place: 'Hội trường' } }) },
  'POST /api/meetings/:id/send': { request: async (tg, fx) => ({ method: 'POST', url: `/api/meetings/${await meetingOf(fx, fx.unit[tg], '2022-03-25')}/send` }) },
  'GET /api/meetings/:id/attendance': { request: (tg, fx) => ({ method: 'GET', url: `/api/meetings/${fx.meeting[tg]}/attendance` }) },
  'PUT /api/meetings/:id/attendance': {
    request: (tg, fx) => ({ method: 'PUT', url: `/api/meetings/${fx.meeting[tg]}/attendance`, payload: { entries: [{ personId: fx.person[tg], status: 'present' }] } }),
  },
  'POST /api/meetings/:id/makeup': { request: (tg, fx) => ({ method: 'POST', url: `/api/meetings/${fx.meeting[tg]}/makeup`, payload: { date: today } }) },
  'POST /api/meetings/:id/observers': {
    // A level above registers: a session of a unit below the target, the target registering.
    request: async (tg, fx) => ({
      method: 'POST', url: `/api/meetings/${await meetingOf(fx, await freshUnitUnder(fx, tg), '2022-03-25')}/observers`, payload: { unitId: fx.unit[tg], role: 'supervise' },
    }),
  },
  'POST /api/obligation-instances/:id/meeting-figures': { request: (tg, fx) => ({ method: 'POST', url: `/api/obligation-instances/${fx.obligationInstance[tg]}/meeting-figures` }) },
  'GET /api/meeting-rules': { request: (tg, fx) => ({ method: 'GET', url: `/api/meeting-rules?unit=${fx.unit[tg]}` }) },
  'POST /api/meeting-rules': {
    request: (tg, fx) => ({
      method: 'POST', url: '/api/meeting-rules',
      payload: {
        unitId: fx.unit[tg], name: 'Hướng dẫn của cấp ủy', source: 'Hướng dẫn số 01-HD', validFrom: `2030-01-${String((ruleDay++ % 28) + 1).padStart(2, '0')}`,
        rules: { regularPerMonth: 1, thematic: null, minMinutes: 90, minMinutesCombined: 120, materialsDaysBefore: 1, minAttendanceShare: 0.85, maxUnexcusedAbsences: 0, maxConsecutiveAbsences: 3 },
      },
    }),
  },
  'GET /api/plan-forms': { request: (tg, fx) => ({ method: 'GET', url: `/api/plan-forms?unit=${fx.unit[tg]}` }) },
  'POST /api/plan-forms': {
    request: (tg, fx) => ({
      method: 'POST', url: '/api/plan-forms',
      payload: { unitId: fx.unit[tg], code: `ac-${++formCode}`, label: 'Mẫu', title: 'Mẫu kế hoạch', scope: 'year', sections: [{ key: 'items', title: 'Nội dung', minItems: 1, maxItems: 2, areas: [], requiredAreas: [], grouped: false, forPositions: [] }] },
    }),
  },
  'POST /api/rounds': {
    request: async (tg, fx) => ({
      method: 'POST', url: '/api/rounds',
      payload: { kind: 'pledge', unitId: fx.unit[tg], planId: fx.publishedPlan[tg], taskId: await taskOf(fx, tg), title: 'Ký cam kết', submitBy: '2022-03-31', pledgeText: 'Tôi cam kết', categories: ['party_full'] },
    }),
  },
  'GET /api/rounds': { request: (tg, fx) => ({ method: 'GET', url: `/api/rounds?unit=${fx.unit[tg]}` }) },
  'GET /api/my/rounds': { selfOnly: true, request: () => ({ method: 'GET', url: '/api/my/rounds' }) },
  'GET /api/rounds/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/rounds/${fx.round[tg]}?unit=${fx.unit[tg]}` }) },
  'GET /api/rounds/:id/members': { request: (tg, fx) => ({ method: 'GET', url: `/api/rounds/${fx.round[tg]}/members?unit=${fx.unit[tg]}` }) },
  'POST /api/rounds/:id/units/:unitId/send-up': {
    request: async (tg, fx) => {
      await planAt(fx, tg, 'confirmed');
      return { method: 'POST', url: `/api/rounds/${fx.round[tg]}/units/${fx.unit[tg]}/send-up`, payload: {} };
    },
  },
  'GET /api/rounds/:id/plans/:personId': { request: async (tg, fx) => ({ method: 'GET', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'submitted')}` }) },
  'GET /api/rounds/:id/plans/:personId/plan.docx': { request: async (tg, fx) => ({ method: 'GET', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'confirmed')}/plan.docx` }) },
  'GET /api/rounds/:id/members.xlsx': { request: (tg, fx) => ({ method: 'GET', url: `/api/rounds/${fx.round[tg]}/members.xlsx?unit=${fx.unit[tg]}` }) },
  'PUT /api/rounds/:id/plans/:personId': {
    request: async (tg, fx) => ({ method: 'PUT', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'pending')}`, payload: { sections: { items: [planItem] } } }),
  },
  'POST /api/rounds/:id/plans/:personId/submit': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'pending')}/submit`, payload: { sections: { items: [planItem] } } }),
  },
  'POST /api/rounds/:id/plans/:personId/return': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'submitted')}/return`, payload: { comment: 'Hãy bổ sung' } }),
  },
  'POST /api/rounds/:id/plans/:personId/confirm': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'submitted')}/confirm`, payload: {} }),
  },
  'POST /api/rounds/:id/plans/:personId/amend': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'confirmed')}/amend`, payload: {} }),
  },
  'PUT /api/rounds/:id/plans/:personId/look-back': {
    request: async (tg, fx) => ({
      method: 'PUT', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'confirmed')}/look-back`, payload: { items: [{ section: 'items', item: 1, result: 'done', account: 'Đã làm' }] },
    }),
  },
  'PUT /api/rounds/:id/plans/:personId/look-back/comments': {
    request: async (tg, fx) => ({
      method: 'PUT', url: `/api/rounds/${fx.round[tg]}/plans/${await planAt(fx, tg, 'confirmed')}/look-back/comments`, payload: { items: [{ section: 'items', item: 1, comment: 'Tốt' }] },
    }),
  },
  'POST /api/rounds/:id/urge': { request: (tg, fx) => ({ method: 'POST', url: `/api/rounds/${fx.round[tg]}/urge`, payload: { unit: fx.unit[tg], message: 'Đề nghị nộp kế hoạch cá nhân.' } }) },
  'POST /api/obligation-instances/:id/round-figures': {
    request: (tg, fx) => ({ method: 'POST', url: `/api/obligation-instances/${fx.obligationInstance[tg]}/round-figures`, payload: { roundId: fx.round[tg] } }),
  },
  'POST /api/rounds/:id/pledges/:personId/sign': {
    request: async (tg, fx) => ({ method: 'POST', url: `/api/rounds/${fx.pledgeRound[tg]}/pledges/${await pledgeAt(fx, tg)}/sign`, payload: { signedOn: '2022-03-14' } }),
  },
  'GET /api/campaigns': { request: (tg, fx) => ({ method: 'GET', url: `/api/campaigns?unit=${fx.unit[tg]}` }) },
  'POST /api/campaigns': {
    request: (tg, fx) => ({ method: 'POST', url: '/api/campaigns', payload: { unitId: fx.unit[tg], title: 'Đợt sinh hoạt chính trị', months: [{ month: '2022-04', topics: ['Tự soi, tự sửa'] }] } }),
  },
  'GET /api/campaigns/:id': { request: (tg, fx) => ({ method: 'GET', url: `/api/campaigns/${fx.campaign[tg]}` }) },
  'PUT /api/campaigns/:id': {
    request: (tg, fx) => ({ method: 'PUT', url: `/api/campaigns/${fx.campaign[tg]}`, payload: { title: 'Đợt sinh hoạt chính trị năm 2022', months: [{ month: '2022-04' }, { month: '2022-05' }] } }),
  },
  'GET /api/campaigns/:id/coverage': { request: (tg, fx) => ({ method: 'GET', url: `/api/campaigns/${fx.campaign[tg]}/coverage?unit=${fx.unit[tg]}` }) },
};

let fx: Fixture;
let cookie: string;
/** Sessions of the read-only roles by `role-at`: granted on the cell itself or on the grassroots organisation above it. */
const readOnly: Record<string, string> = {};

/** A fingerprint of every table a request could change. */
async function fingerprint(t: TestApp): Promise<string> {
  const r = await t.database.db.execute<{ f: string }>(sql`SELECT concat_ws('|',
    (SELECT md5(coalesce(string_agg(u::text, ',' ORDER BY id), '')) FROM unit u),
    (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY id), '')) FROM person p),
    (SELECT md5(coalesce(string_agg(m::text, ',' ORDER BY id), '')) FROM membership m),
    (SELECT md5(coalesce(string_agg(g::text, ',' ORDER BY id), '')) FROM user_grant g),
    (SELECT md5(coalesce(string_agg(a.id::text || a.username, ',' ORDER BY id), '')) FROM app_user a),
    (SELECT md5(coalesce(string_agg(oi::text, ',' ORDER BY id), '')) FROM obligation_instance oi),
    (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY id), '')) FROM submission s),
    (SELECT md5(coalesce(string_agg(n::text, ',' ORDER BY id), '')) FROM notification n),
    (SELECT md5(coalesce(string_agg(d::text, ',' ORDER BY id), '')) FROM document d),
    (SELECT md5(coalesce(string_agg(l::text, ',' ORDER BY from_id, to_id, relation), '')) FROM document_link l),
    (SELECT count(*) FROM document_file),
    (SELECT count(*) FROM consolidation_version),
    (SELECT md5(coalesce(string_agg(a.id::text || coalesce(a.removed_at::text, ''), ',' ORDER BY a.id), '')) FROM attachment a),
    (SELECT count(*) FROM submission_attachment),
    (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY round_id, person_id), '')) FROM personal_plan x),
    (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY round_id, person_id, version), '')) FROM personal_plan_version x),
    (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY round_id, person_id), '')) FROM pledge x),
    (SELECT count(*) FROM round),
    (SELECT count(*) FROM plan_form),
    (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY round_id, unit_id, slot), '')) FROM round_counter x),
    (SELECT count(*) FROM audit_log)) AS f`);
  return r.rows[0]!.f;
}

beforeAll(async () => {
  const t = await createTestApp();
  const tree = await buildTree(t.database.db);
  const membershipOf = async (personId: string) =>
    (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM membership WHERE person_id = ${personId}`)).rows[0]!.id;
  const pParent = await buildPerson(t.database.db, tree.units.grassroots, { fullName: 'Đinh Văn Giang' });
  fx = {
    tree,
    t,
    unit: { own: tree.units.c1, sibling: tree.units.c2, parent: tree.units.grassroots },
    person: { own: tree.people.p1b, sibling: tree.people.p2b, parent: pParent },
    membership: { own: await membershipOf(tree.people.p1b), sibling: await membershipOf(tree.people.p2b), parent: await membershipOf(pParent) },
    user: { own: tree.users.member1, sibling: tree.users.sec2, parent: tree.users.staff },
    obligation: '',
    obligationInstance: { own: '', sibling: '', parent: '' },
    notification: { own: '', sibling: '', parent: '' },
    plan: { own: '', sibling: '', parent: '' },
    publishedPlan: { own: '', sibling: '', parent: '' },
    blocPlan: '',
    taskInstance: { own: '', sibling: '', parent: '' },
    document: { own: '', sibling: '', parent: '' },
    meeting: { own: '', sibling: '', parent: '' },
    campaign: { own: '', sibling: '', parent: '' },
    urging: { own: '', sibling: '', parent: '' },
    attachment: { own: '', sibling: '', parent: '' },
    round: { own: '', sibling: '', parent: '' },
    pledgeRound: { own: '', sibling: '', parent: '' },
  };
  const reports = await publishPlanFixture(t.database.db, { issuerId: tree.units.bloc, audience: [tree.units.grassroots, tree.units.c1, tree.units.c2] });
  fx.obligation = reports.obligationId;
  fx.obligationInstance = { own: reports.instance(tree.units.c1), sibling: reports.instance(tree.units.c2), parent: reports.instance(tree.units.grassroots) };
  const notify = async (userId: string) =>
    (await t.database.db.execute<{ id: string }>(sql`INSERT INTO notification (user_id, kind, title) VALUES (${userId}, 'urge', 'Đôn đốc báo cáo') RETURNING id`)).rows[0]!.id;
  fx.notification = { own: await notify(tree.users.sec1), sibling: await notify(tree.users.sec2), parent: await notify(tree.users.staff) };
  fx.plan = { own: await planOf(fx, tree.units.c1, false), sibling: await planOf(fx, tree.units.c2, false), parent: await planOf(fx, tree.units.grassroots, false) };
  fx.publishedPlan = { own: await planOf(fx, tree.units.c1, true), sibling: await planOf(fx, tree.units.c2, true), parent: await planOf(fx, tree.units.grassroots, true) };
  fx.blocPlan = await planOf(fx, tree.units.bloc, true, [{ text: 'Xây dựng kế hoạch thực hiện', kind: 'own_plan', due: { type: 'date', value: '2022-03-31' }, audience: { scope: 'grassroots' } }]);
  const instanceOf = async (unitId: string) =>
    (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM task_instance WHERE plan_id = ${fx.blocPlan} AND unit_id = ${unitId}`)).rows[0]!.id;
  fx.taskInstance = { own: await instanceOf(tree.units.c1), sibling: await instanceOf(tree.units.c2), parent: await instanceOf(tree.units.grassroots) };
  const readers = startFileReaders(loadConfig({}).fileReaders);
  const documentOf = async (unitId: string) =>
    (await importDocument({ unitId, file: { filename: 'ke-hoach.txt', data: SEED_001 } }, { actor: SYSTEM, tx: t.database.db, now: t.clock.now }, readers)).documentId;
  fx.document = { own: await documentOf(tree.units.c1), sibling: await documentOf(tree.units.c2), parent: await documentOf(tree.units.grassroots) };
  await readers.close();
  fx.meeting = { own: await meetingOf(fx, tree.units.c1), sibling: await meetingOf(fx, tree.units.c2), parent: await meetingOf(fx, tree.units.grassroots) };
  // A study session c1 held yesterday, for the report it prefills.
  const held = await meetingOf(fx, tree.units.c1, '2022-03-14');
  await t.database.db.transaction((tx) => saveAttendance(held, { entries: [{ personId: tree.people.p1, status: 'present' }] }, { actor: SYSTEM, tx, now: t.clock.now }));
  const campaignOf = async (unitId: string, planId: string | null) =>
    (await t.database.db.transaction((tx) => createCampaign(CampaignCreateSchema.parse({ unitId, planId, title: 'Đợt sinh hoạt chính trị', months: [{ month: '2022-04' }] }), { actor: SYSTEM, tx, now: t.clock.now }))).id;
  fx.campaign = { own: await campaignOf(tree.units.c1, null), sibling: await campaignOf(tree.units.c2, null), parent: await campaignOf(tree.units.grassroots, fx.publishedPlan.parent) };
  // A plan of each target asking a unit below it for a report due 10/3/2022, which it has not sent.
  const lateOf = async (unitId: string) =>
    (await publishPlanFixture(t.database.db, { issuerId: unitId, audience: [await buildUnit(t.database.db, { parentId: unitId, kind: 'cell' })], number: null, periods: [{ key: '2022-03-10', label: '10/03/2022', due: '2022-03-10' }] })).obligationId;
  fx.urging = { own: await lateOf(tree.units.c1), sibling: await lateOf(tree.units.c2), parent: await lateOf(tree.units.grassroots) };
  const reportFile = async (tg: Target) =>
    (await t.database.db.transaction((tx) =>
      addReportAttachment(fx.obligationInstance[tg], { filename: 'Biên bản.pdf', data: PDF }, {}, { maxBytes: 1 << 20, maxCount: 100 }, { actor: SYSTEM, tx, now: t.clock.now }))).id;
  fx.attachment = { own: await reportFile('own'), sibling: await reportFile('sibling'), parent: await reportFile('parent') };
  for (const tg of ['own', 'sibling', 'parent'] as const) {
    fx.round[tg] = await roundOf(fx, tg, 'personal_plan');
    fx.pledgeRound[tg] = await roundOf(fx, tg, 'pledge');
  }
  cookie = await t.login('sec1', PASSWORD);
  for (const role of ['viewer', 'inspector'] as const) {
    for (const [at, unitId] of [['cell', tree.units.c1], ['parent', tree.units.grassroots]] as const) {
      await buildUser(t.database.db, `${role}-${at}`, [{ unitId, role }]);
      readOnly[`${role}-${at}`] = await t.login(`${role}-${at}`, PASSWORD);
    }
  }
});
afterAll(() => fx.t.close());

describe('access control, route by route', () => {
  it('has a case for every API route', () => {
    const routes = fx.t.app.routeTable.filter((r) => r.access?.kind !== 'public').map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !CASES[r]);
    expect(missing, 'routes without an access-control case').toEqual([]);
    expect(fx.t.app.routeTable.every((r) => r.access !== undefined), 'every route declares access').toBe(true);
  });

  it('answers 401 to anonymous requests on every non-public route', async () => {
    for (const route of fx.t.app.routeTable) {
      if (route.access?.kind === 'public') continue;
      const c = CASES[`${route.method} ${route.url}`];
      if (!c) continue;
      const res = await fx.t.request(null, await c.request('own', fx));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  for (const target of ['sibling', 'parent'] as const) {
    it(`refuses the ${target}'s data on every route, changing nothing`, async () => {
      for (const route of fx.t.app.routeTable) {
        if (route.access?.kind === 'public') continue;
        const key = `${route.method} ${route.url}`;
        const c = CASES[key];
        if (!c || c.selfOnly) continue;
        const request = await c.request(target, fx);
        const before = await fingerprint(fx.t);
        const res = await fx.t.request(cookie, request);
        if (c.leaks) {
          expect(res.statusCode, key).toBeLessThan(500);
          expect(c.leaks(res.body, fx), `${key} leaks ${target} data`).toBe(false);
          continue;
        }
        expect([403, 404], `${key} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        if (res.statusCode === 404) expect(res.body, key).not.toContain(fx.unit[target]);
        expect(await fingerprint(fx.t), `${key} changed the database`).toBe(before);
      }
    });
  }

  for (const role of ['viewer', 'inspector'] as const) {
    for (const at of ['cell', 'parent'] as const) {
      it(`refuses every write to the ${role} of the ${at}, changing nothing`, async () => {
        const as = readOnly[`${role}-${at}`]!;
        const wrote: string[] = [];
        for (const route of fx.t.app.routeTable) {
          if (route.access?.kind === 'public' || route.method === 'GET') continue;
          const key = `${route.method} ${route.url}`;
          const c = CASES[key];
          // Signing out, changing one's own password, marking one's own notifications read: the account's own affairs, not the tree's.
          if (!c || c.selfOnly) continue;
          const request = await c.request('own', fx);
          const before = await fingerprint(fx.t);
          const res = await fx.t.request(as, request);
          if (![403, 404].includes(res.statusCode)) wrote.push(`${key} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          else if ((await fingerprint(fx.t)) !== before) wrote.push(`${key} → ${res.statusCode} and changed the database`);
        }
        expect(wrote, 'writes the read-only role was let do').toEqual([]);
      });
    }
  }

  it('refuses, as a row error, a member list placing someone by the code of a unit outside the importer’s subtree, storing nothing for that row', async () => {
    const db = fx.t.database.db;
    await db.execute(sql`UPDATE unit SET code = 'AC.C1' WHERE id = ${fx.unit.own}`);
    await db.execute(sql`UPDATE unit SET code = 'AC.C2' WHERE id = ${fx.unit.sibling}`);
    await db.execute(sql`UPDATE unit SET code = 'AC.DB' WHERE id = ${fx.unit.parent}`);
    try {
      const csv = 'Họ và tên,Loại thành viên,Mã đơn vị\nTạ Văn Sang,Đảng viên chính thức,AC.C2\nTạ Văn Tùng,Đảng viên chính thức,ac.db\nTạ Văn Uy,Đảng viên chính thức,AC.C1\n';
      const res = await fx.t.request(cookie, { method: 'POST', url: `/api/units/${fx.unit.own}/members/import?mode=good`, ...multipartCsv(csv) });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json() as { imported: number; errors: { row: number; column: string; message: string }[] };
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Mã đơn vị'], [3, 'Mã đơn vị']]);
      // The sibling's and the parent's codes read as codes that do not exist: nothing about them is told.
      for (const e of report.errors) expect(e.message).toMatch(/^Mã đơn vị "[^"]+" không có trong cây đơn vị của /);
      expect(report.imported).toBe(1);
      const stored = await db.execute<{ full_name: string; unit_id: string }>(sql`SELECT full_name, unit_id FROM person WHERE full_name LIKE 'Tạ Văn %'`);
      expect(stored.rows).toEqual([{ full_name: 'Tạ Văn Uy', unit_id: fx.unit.own }]);
    } finally {
      await db.execute(sql`UPDATE unit SET code = NULL WHERE id IN (${fx.unit.own}, ${fx.unit.sibling}, ${fx.unit.parent})`);
    }
  });

  it('lets the cell read and write its own data on every route', async () => {
    for (const route of fx.t.app.routeTable) {
      if (route.access?.kind === 'public') continue;
      const key = `${route.method} ${route.url}`;
      const c = CASES[key];
      if (!c) continue;
      // Signing out ends the session it is given: it gets a session of its own.
      const as = route.url === '/api/auth/logout' ? await fx.t.login('sec1', PASSWORD) : cookie;
      const request = await c.request('own', fx);
      if (c.superuserOnly) {
        const before = await fingerprint(fx.t);
        expect((await fx.t.request(as, request)).statusCode, key).toBe(403);
        expect(await fingerprint(fx.t), `${key} changed the database`).toBe(before);
        continue;
      }
      const res = await fx.t.request(as, request);
      expect(res.statusCode >= 200 && res.statusCode < 300, `${key} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBe(true);
    }
  });
});

describe('access control of a tree import', () => {
  const csv = (rows: string) => multipartCsv(`Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\n${rows}`);
  const codes = async () => (await fx.t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit WHERE code LIKE 'ACX.%'`)).rows[0]!.n;

  it('lets a cell\'s secretary create no top unit, and a member import nothing', async () => {
    // A member of the cell of one's own (member1's password may have been reset by the cases above).
    await buildUser(fx.t.database.db, 'member.tree', [{ unitId: fx.unit.own, role: 'member' }]);
    const member = await fx.t.login('member.tree', PASSWORD);
    const before = await fingerprint(fx.t);
    const top = await fx.t.request(cookie, { method: 'POST', url: `/api/units/${fx.unit.own}/tree/import?mode=good`, ...csv('ACX.1,Tỉnh ủy mới,province_committee,\nACX.2,Đảng ủy Khối,bloc_committee,ACX.1\n') });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json().errors).toEqual([
      { row: 2, column: 'Mã đơn vị cấp trên', message: 'Hãy ghi mã đơn vị cấp trên: chỉ quản trị hệ thống được tạo đơn vị cao nhất' },
      { row: 3, column: 'Mã đơn vị cấp trên', message: 'Đơn vị cấp trên có lỗi (dòng 2)' },
    ]);
    const whole = await fx.t.request(cookie, { method: 'POST', url: '/api/units/tree/import?mode=all', ...csv('ACX.3,Tỉnh ủy mới,province_committee,\n') });
    expect(whole.statusCode).toBe(403);
    // A row under another cell, in a file imported under one's own cell: that cell is not in the tree imported into.
    const across = await fx.t.request(cookie, { method: 'POST', url: `/api/units/${fx.unit.own}/tree/import?mode=good`, ...csv(`ACX.4,Chi đoàn,youth_cell,${fx.unit.sibling}\n`) });
    expect(across.json().errors).toMatchObject([{ row: 2, column: 'Mã đơn vị cấp trên' }]);
    const asMember = await fx.t.request(member, { method: 'POST', url: `/api/units/${fx.unit.own}/tree/import?mode=all`, ...csv(`ACX.5,Chi đoàn,youth_cell,${fx.unit.own}\n`) });
    expect(asMember.statusCode).toBe(403);
    expect(await codes()).toBe(0);
    expect(await fingerprint(fx.t)).toBe(before);
  });
});

describe('accounts in bulk and password resets stay inside the subtree', () => {
  const everyone = [{ position: null, role: 'member' }];
  it("refuses a cell secretary the preview and the creation of another cell's accounts, and creates nothing", async () => {
    await buildPerson(fx.t.database.db, fx.unit.sibling, { fullName: 'Vương Thị Ngọc' });
    for (const [url, extra] of [['/api/accounts/preview', {}], ['/api/accounts', { format: 'docx' }]] as const) {
      const before = await fingerprint(fx.t);
      // One unit of one's own with one of another cell: the whole request is refused.
      const res = await fx.t.request(cookie, { method: 'POST', url, payload: { unitIds: [fx.unit.own, fx.unit.sibling], rules: everyone, ...extra } });
      expect(res.statusCode, `${url} ${res.body}`).toBe(404);
      expect(res.body).not.toContain('Vương Thị Ngọc');
      expect(await fingerprint(fx.t)).toBe(before);
    }
  });

  it('refuses a cell secretary a reset outside its subtree', async () => {
    for (const id of [fx.user.sibling, fx.user.parent, fx.tree.users.admin]) {
      const res = await fx.t.request(cookie, { method: 'POST', url: `/api/users/${id}/one-time-password` });
      expect([403, 404], res.body).toContain(res.statusCode);
    }
    expect((await fx.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sec2', password: PASSWORD } })).statusCode).toBe(200);
  });

  it('refuses a cell secretary accounts with the administrator role, even in its own cell', async () => {
    await buildPerson(fx.t.database.db, fx.unit.own);
    const before = await fingerprint(fx.t);
    for (const [url, extra] of [['/api/accounts/preview', {}], ['/api/accounts', { format: 'xlsx' }]] as const) {
      const res = await fx.t.request(cookie, { method: 'POST', url, payload: { unitIds: [fx.unit.own], rules: [{ position: null, role: 'admin' }], ...extra } });
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(await fingerprint(fx.t)).toBe(before);
  });
});
