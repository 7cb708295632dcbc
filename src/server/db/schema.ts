/**
 * The typed mirror of migrations/*.sql for Drizzle queries. The SQL files are the source of the
 * schema in the database; `tests/api/schema.test.ts` checks that every column here exists there.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL's ltree, read and written as its dotted text form. */
export const ltree = customType<{ data: string; driverData: string }>({
  dataType: () => 'ltree',
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const unit = pgTable('unit', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  nameFolded: text('name_folded').notNull(),
  parentId: uuid('parent_id'),
  path: ltree('path').notNull(),
  depth: integer('depth').notNull(),
  provinceId: uuid('province_id'),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
  mergedInto: uuid('merged_into'),
  termLabel: text('term_label'),
  termStart: day('term_start'),
  termEnd: day('term_end'),
  code: text('code'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const unitRevision = pgTable('unit_revision', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  unitId: uuid('unit_id').notNull(),
  parentId: uuid('parent_id'),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
});

export const unitEvent = pgTable('unit_event', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  occurredOn: day('occurred_on').notNull(),
  unitsBefore: uuid('units_before').array().notNull().default(sql`'{}'`),
  unitsAfter: uuid('units_after').array().notNull().default(sql`'{}'`),
  note: text('note'),
  actorId: uuid('actor_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const person = pgTable('person', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  fullName: text('full_name').notNull(),
  nameFolded: text('name_folded').notNull(),
  sortKey: text('sort_key').notNull(),
  /** Generated (0002-members.sql): Vietnamese alphabetical order under the "C" collation. */
  nameOrder: text('name_order').generatedAlwaysAs(sql`name_order`),
  unitId: uuid('unit_id').notNull(),
  gender: text('gender'),
  birthDate: day('birth_date'),
  phone: text('phone'),
  email: text('email'),
  partyCardNo: text('party_card_no'),
  joinedPartyOn: day('joined_party_on'),
  jobTitle: text('job_title'),
  deletedAt: ts('deleted_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const membership = pgTable('membership', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  personId: uuid('person_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  category: text('category').notNull(),
  positions: text('positions').array().notNull().default(sql`'{}'`),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
  endReason: text('end_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  personId: uuid('person_id'),
  superuser: boolean('superuser').notNull().default(false),
  locale: text('locale').notNull().default('vi'),
  disabledAt: ts('disabled_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const userGrant = pgTable('user_grant', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
});

export const session = pgTable('session', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
});

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  unitPath: ltree('unit_path'),
  before: jsonb('before'),
  after: jsonb('after'),
});

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const document = pgTable('document', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  number: text('number'),
  numberKey: text('number_key'),
  issuedOn: day('issued_on'),
  issuerName: text('issuer_name'),
  place: text('place'),
  title: text('title'),
  bodyText: text('body_text'),
  signer: jsonb('signer'),
  recipients: text('recipients').array().notNull().default(sql`'{}'`),
  structure: jsonb('structure'),
  proposed: jsonb('proposed'),
  status: text('status').notNull().default('confirmed'),
  confidentiality: text('confidentiality').notNull().default('normal'),
  ownerUnitId: uuid('owner_unit_id'),
  ownerPath: ltree('owner_path'),
  sourceFileName: text('source_file_name'),
  sourceFormat: text('source_format'),
  sourceSha256: text('source_sha256'),
  sourceSize: integer('source_size'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  deletedAt: ts('deleted_at'),
  searchFolded: text('search_folded').notNull().default(''),
});

export const documentFile = pgTable('document_file', {
  documentId: uuid('document_id').primaryKey(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  bytes: bytea('bytes').notNull(),
});

export const documentLink = pgTable('document_link', {
  fromId: uuid('from_id').notNull(),
  toId: uuid('to_id').notNull(),
  relation: text('relation').notNull(),
});

export const plan = pgTable('plan', {
  id: uuid('id').primaryKey(),
  unitId: uuid('unit_id').notNull(),
  unitPath: ltree('unit_path').notNull(),
  status: text('status').notNull().default('draft'),
  parentPlanId: uuid('parent_plan_id'),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by'),
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{7,1}'`),
  sessionNoticeDays: integer('session_notice_days'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const task = pgTable('task', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  planId: uuid('plan_id').notNull(),
  ord: integer('ord').notNull(),
  kind: text('kind').notNull().default('task'),
  text: text('text').notNull(),
  leadText: text('lead_text').array().notNull().default(sql`'{}'`),
  supportText: text('support_text').array().notNull().default(sql`'{}'`),
  leadUnitIds: uuid('lead_unit_ids').array().notNull().default(sql`'{}'`),
  supportUnitIds: uuid('support_unit_ids').array().notNull().default(sql`'{}'`),
  due: jsonb('due'),
  dueText: text('due_text'),
  audience: jsonb('audience').notNull(),
  responsible: text('responsible'),
  responsibility: text('responsibility'),
  authority: text('authority'),
  output: text('output'),
  parentTaskId: uuid('parent_task_id'),
  sourceStart: integer('source_start'),
  sourceEnd: integer('source_end'),
});

export const reportObligation = pgTable('report_obligation', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  planId: uuid('plan_id').notNull(),
  ord: integer('ord').notNull(),
  title: text('title').notNull(),
  fromText: text('from_text'),
  toText: text('to_text'),
  viaText: text('via_text'),
  toUnitId: uuid('to_unit_id'),
  viaUnitId: uuid('via_unit_id'),
  due: jsonb('due').notNull(),
  cutoffDay: integer('cutoff_day'),
  form: jsonb('form').notNull(),
  audience: jsonb('audience').notNull(),
  sourceStart: integer('source_start'),
  sourceEnd: integer('source_end'),
});

export const planAudience = pgTable('plan_audience', {
  planId: uuid('plan_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  addedAt: ts('added_at').notNull().defaultNow(),
});

export const planAccess = pgTable('plan_access', {
  planId: uuid('plan_id').notNull(),
  userId: uuid('user_id').notNull(),
});

export const taskInstance = pgTable('task_instance', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  taskId: uuid('task_id').notNull(),
  planId: uuid('plan_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  unitPath: ltree('unit_path').notNull(),
  provinceId: uuid('province_id'),
  periodKey: text('period_key').notNull(),
  periodLabel: text('period_label').notNull(),
  periodStart: day('period_start'),
  periodEnd: day('period_end'),
  dueDate: day('due_date'),
  status: text('status').notNull().default('open'),
  doneOn: day('done_on'),
  progressNote: text('progress_note'),
  evidence: jsonb('evidence').notNull(),
  fulfilledByPlanId: uuid('fulfilled_by_plan_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const obligationInstance = pgTable('obligation_instance', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  obligationId: uuid('obligation_id').notNull(),
  planId: uuid('plan_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  unitPath: ltree('unit_path').notNull(),
  provinceId: uuid('province_id'),
  periodKey: text('period_key').notNull(),
  periodLabel: text('period_label').notNull(),
  periodStart: day('period_start'),
  periodEnd: day('period_end'),
  dueDate: day('due_date'),
  status: text('status').notNull().default('pending'),
  currentVersion: integer('current_version').notNull().default(0),
  firstSubmittedOn: day('first_submitted_on'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const submission = pgTable('submission', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  obligationInstanceId: uuid('obligation_instance_id').notNull(),
  version: integer('version').notNull(),
  status: text('status').notNull(),
  figures: jsonb('figures').notNull(),
  narrative: jsonb('narrative').notNull(),
  attachments: jsonb('attachments').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  submittedBy: uuid('submitted_by'),
  submittedAt: ts('submitted_at'),
  reviewComment: text('review_comment'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: ts('reviewed_at'),
});

export const progressCounter = pgTable('progress_counter', {
  planId: uuid('plan_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  item: text('item').notNull(),
  dueDate: day('due_date').notNull(),
  total: integer('total').notNull(),
  done: integer('done').notNull(),
  doneLate: integer('done_late').notNull(),
  slot: smallint('slot').notNull(),
});

export const notification = pgTable('notification', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  link: text('link'),
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
  emailedAt: ts('emailed_at'),
});

export const job = pgTable('job', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  payload: jsonb('payload').notNull(),
  runAt: ts('run_at').notNull().defaultNow(),
  status: text('status').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  lockedBy: text('locked_by'),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

export const lease = pgTable('lease', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  until: ts('until').notNull(),
});

export const meetingRuleSet = pgTable('meeting_rule_set', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  unitId: uuid('unit_id'),
  name: text('name').notNull(),
  source: text('source').notNull(),
  validFrom: day('valid_from').notNull(),
  rules: jsonb('rules').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const campaign = pgTable('campaign', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  unitId: uuid('unit_id').notNull(),
  title: text('title').notNull(),
  planId: uuid('plan_id'),
  taskId: uuid('task_id'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const campaignMonth = pgTable('campaign_month', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  campaignId: uuid('campaign_id').notNull(),
  month: text('month').notNull(),
  topics: text('topics').array().notNull().default(sql`'{}'`),
});

export const campaignDocument = pgTable('campaign_document', {
  monthId: uuid('month_id').notNull(),
  documentId: uuid('document_id').notNull(),
  ord: integer('ord').notNull(),
  note: text('note'),
});

export const meeting = pgTable('meeting', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  unitId: uuid('unit_id').notNull(),
  provinceId: uuid('province_id'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  status: text('status').notNull().default('planned'),
  heldOn: day('held_on').notNull(),
  startTime: text('start_time'),
  sessionLength: text('session_length'),
  durationMinutes: integer('duration_minutes'),
  place: text('place'),
  chairPersonId: uuid('chair_person_id'),
  chairName: text('chair_name'),
  categories: text('categories').array().notNull().default(sql`'{party_full,party_probationary}'`),
  rapporteurs: jsonb('rapporteurs').notNull(),
  rapporteurRequest: text('rapporteur_request'),
  materials: jsonb('materials').notNull(),
  materialsSentOn: day('materials_sent_on'),
  selfStudyAllowed: boolean('self_study_allowed').notNull().default(false),
  makeupOf: uuid('makeup_of'),
  taskInstanceId: uuid('task_instance_id'),
  campaignMonthId: uuid('campaign_month_id'),
  content: text('content'),
  minutes: text('minutes'),
  attachments: jsonb('attachments').notNull(),
  noticeDays: integer('notice_days'),
  sentUpAt: ts('sent_up_at'),
  sentUpBy: uuid('sent_up_by'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const meetingDocument = pgTable('meeting_document', {
  meetingId: uuid('meeting_id').notNull(),
  documentId: uuid('document_id').notNull(),
});

export const meetingAttendance = pgTable('meeting_attendance', {
  meetingId: uuid('meeting_id').notNull(),
  personId: uuid('person_id').notNull(),
  status: text('status').notNull(),
  reason: text('reason'),
  recordedBy: uuid('recorded_by'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});

export const meetingObserver = pgTable('meeting_observer', {
  meetingId: uuid('meeting_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const consolidationVersion = pgTable('consolidation_version', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  obligationId: uuid('obligation_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  periodKey: text('period_key').notNull(),
  version: integer('version').notNull(),
  kind: text('kind').notNull(),
  content: jsonb('content').notNull(),
  figures: jsonb('figures').notNull(),
  basis: text('basis').array().notNull(),
  docKind: text('doc_kind'),
  docNumber: text('doc_number'),
  docSeq: integer('doc_seq'),
  docDate: day('doc_date'),
  submissionId: uuid('submission_id'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const schema = {
  unit, unitRevision, unitEvent, person, membership, appUser, userGrant, session, auditLog,
  document, documentFile, documentLink, plan, task, reportObligation,
  planAudience, planAccess, taskInstance, obligationInstance, submission, progressCounter, notification, job, lease,
  meetingRuleSet, campaign, campaignMonth, campaignDocument, meeting, meetingDocument, meetingAttendance, meetingObserver,
  consolidationVersion,
};
