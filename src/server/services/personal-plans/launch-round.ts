import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { isWithin } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import { LEADER_POSITIONS } from '#core/personal-plans/forms.ts';
import type { RoundCreate, RoundLaunched } from '#shared/personal-plans.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { buildRoundCounters } from '../../db/queries/personal-plans.ts';
import type { ServiceContext } from '../context.ts';
import { checkCampaignPlan } from '../meetings/campaign-months.ts';
import { requireActive, unitFor } from '../members/scope.ts';
import { formsFor } from './plan-forms.ts';

/** A rule of the round as the launch statement reads it: the form, the categories, the unit paths (empty: anywhere). */
interface LaunchRule { ord: number; form_id: string; categories: string[]; paths: string[] }

/**
 * POST /api/rounds: a committee launches a round from a task of one of its published plans (docs/
 * decisions/020). Every member of its subtree the rules take — by category, and for a plan by the
 * units each form applies to — gets a record in the same transaction: a personal plan on the form
 * of the first rule that takes them (the leaders' part by their positions), or a pledge to sign.
 * Members are those of the day of the launch, at the unit that manages them. The coverage counters
 * are built from the records in one statement. Needs `write` on the unit.
 * Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE, PLAN_NOT_OF_UNIT, PLAN_NOT_PUBLISHED,
 * TASK_NOT_IN_PLAN, FORM_NOT_FOUND, FORM_SCOPE_MISMATCH, ROUND_NOBODY_ASKED.
 */
export async function launchRound(input: RoundCreate, { actor, tx, now }: ServiceContext): Promise<RoundLaunched> {
  const unit = await unitFor(tx, actor, input.unitId, 'write');
  requireActive(unit);
  await checkCampaignPlan(tx, unit.id, input.planId, input.taskId);
  const today = vietnamDate(now);
  const id = randomUUID();
  const rules = input.kind === 'personal_plan' ? await checkRules(tx, input, unit.path, actor) : [];
  await tx.execute(sql`
    INSERT INTO round (id, unit_id, kind, title, plan_id, task_id, scope, year, assignments, categories, pledge_text, submit_by, confirm_by, send_up_by,
                       launched_on, created_by, created_at)
    VALUES (${id}, ${unit.id}, ${input.kind}, ${input.title}, ${input.planId}, ${input.taskId},
            ${input.kind === 'personal_plan' ? input.scope : null}, ${input.kind === 'personal_plan' ? input.year : null},
            ${JSON.stringify(input.kind === 'personal_plan' ? input.assignments : [])}::jsonb,
            ${`{${(input.kind === 'pledge' ? input.categories : []).join(',')}}`}::text[],
            ${input.kind === 'pledge' ? input.pledgeText : null}, ${input.submitBy},
            ${input.kind === 'personal_plan' ? (input.confirmBy ?? null) : null}, ${input.kind === 'personal_plan' ? (input.sendUpBy ?? null) : null},
            ${today}, ${actor.userId}, ${now.toISOString()})`);
  const asked = input.kind === 'personal_plan'
    ? await askForPlans(tx, id, unit.path, rules, today)
    : await askForPledges(tx, id, unit.path, input.categories, today);
  if (asked === 0) {
    throw new DomainError('ROUND_NOBODY_ASKED', `Không có thành viên nào của "${unit.name}" thuộc đối tượng của đợt này; hãy xem lại loại thành viên và đơn vị áp dụng.`);
  }
  await buildRoundCounters(tx, id, input.kind);
  await writeAudit(tx, actor, {
    action: 'round.launch', entity: 'round', entityId: id, unitPath: unit.path,
    after: { kind: input.kind, title: input.title, planId: input.planId, taskId: input.taskId, submitBy: input.submitBy, asked },
  }, now);
  return { id, asked };
}

/** The rules of a plan round with their forms checked (open to the unit, of the round's scope) and their units within its subtree. */
async function checkRules(tx: Tx, input: Extract<RoundCreate, { kind: 'personal_plan' }>, path: TreePath, actor: ServiceContext['actor']): Promise<LaunchRule[]> {
  const forms = new Map((await formsFor(tx, path)).map((f) => [f.id, f] as const));
  const rules: LaunchRule[] = [];
  for (const [i, a] of input.assignments.entries()) {
    const form = forms.get(a.formId);
    if (!form) throw new DomainError('FORM_NOT_FOUND', `Dòng ${i + 1}: không tìm thấy mẫu kế hoạch cá nhân này.`, { field: `assignments.${i}.formId` });
    if (form.scope !== input.scope) {
      throw new DomainError('FORM_SCOPE_MISMATCH', `Dòng ${i + 1}: ${form.label} là mẫu ${form.scope === 'term' ? 'toàn khóa' : 'năm'}, còn đợt này là ${input.scope === 'term' ? 'toàn khóa' : 'năm'}.`);
    }
    const paths: string[] = [];
    for (const unitId of a.unitIds) {
      const u = await unitFor(tx, actor, unitId, 'read');
      if (!isWithin(u.path, path)) throw new DomainError('UNIT_NOT_FOUND', `Dòng ${i + 1}: "${u.name}" không thuộc đơn vị phát động đợt.`);
      paths.push(u.path);
    }
    rules.push({ ord: i, form_id: form.id, categories: a.categories, paths });
  }
  return rules;
}

/**
 * The members of the subtree on `on`, by their memberships at the unit that manages them. A person
 * with two memberships there at once (not a state the member screens make) is asked once: the
 * records' primary key keeps the first written, without sorting millions of rows to choose.
 */
const MEMBERS_ON = (path: TreePath, on: string) => sql`
  SELECT m.person_id, m.unit_id, m.category, m.positions, u.path
  FROM membership m JOIN unit u ON u.id = m.unit_id JOIN person p ON p.id = m.person_id AND p.unit_id = m.unit_id AND p.deleted_at IS NULL
  WHERE u.path <@ ${path}::ltree AND m.valid_from <= ${on}::date AND (m.valid_to IS NULL OR m.valid_to > ${on}::date)`;

async function askForPlans(tx: Tx, roundId: string, path: TreePath, rules: LaunchRule[], on: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH rules AS (SELECT * FROM json_to_recordset(${JSON.stringify(rules)}::json) AS r(ord int, form_id uuid, categories text[], paths text[])),
    ins AS (INSERT INTO personal_plan (round_id, person_id, unit_id, reached_unit_id, form_id, leader)
    SELECT ${roundId}::uuid, mem.person_id, mem.unit_id, mem.unit_id, f.form_id, mem.positions && ${`{${LEADER_POSITIONS.join(',')}}`}::text[]
    FROM (${MEMBERS_ON(path, on)}) mem
    CROSS JOIN LATERAL (
      SELECT r.form_id FROM rules r
      WHERE mem.category = ANY(r.categories) AND (cardinality(r.paths) = 0 OR mem.path <@ ANY(r.paths::ltree[]))
      ORDER BY r.ord LIMIT 1
    ) f
    ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*)::int AS n FROM ins`);
  return r.rows[0]?.n ?? 0;
}

async function askForPledges(tx: Tx, roundId: string, path: TreePath, categories: readonly string[], on: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH ins AS (
      INSERT INTO pledge (round_id, person_id, unit_id, reached_unit_id)
      SELECT ${roundId}::uuid, mem.person_id, mem.unit_id, mem.unit_id FROM (${MEMBERS_ON(path, on)}) mem
      WHERE mem.category = ANY(${`{${categories.join(',')}}`}::text[])
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*)::int AS n FROM ins`);
  return r.rows[0]?.n ?? 0;
}
