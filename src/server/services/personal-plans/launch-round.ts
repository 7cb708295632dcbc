import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { isWithin } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import { LEADER_POSITIONS } from '#core/personal-plans/forms.ts';
import type { RoundCreate, RoundLaunched } from '#shared/personal-plans.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
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
 * The memberships of the subtree valid on `on` (a member is asked at the unit where they are a member
 * that day), with whether their positions ask the leaders' part, and the unit's path when a rule
 * names units. Memberships of one person do not overlap at one unit (a transfer ends one before the
 * next begins), so each member comes once.
 */
const MEMBERS_ON = (path: TreePath, on: string, withPath: boolean) => sql`
  SELECT m.person_id, m.unit_id, m.category, ${withPath ? sql`u.path` : sql`NULL::ltree AS path`},
         m.positions && ${`{${LEADER_POSITIONS.join(',')}}`}::text[] AS leader
  FROM membership m JOIN unit u ON u.id = m.unit_id
  WHERE u.path <@ ${path}::ltree AND m.valid_from <= ${on}::date AND (m.valid_to IS NULL OR m.valid_to > ${on}::date)`;

/** The form of the first rule that takes a member (null: none does), as one CASE over the member's category and unit. */
function formOfFirstRule(rules: readonly LaunchRule[]): SQL {
  if (rules.length === 0) return sql`NULL::uuid`;
  const whens = rules.map((r) => {
    const paths = r.paths.length === 0 ? sql`` : sql` AND mem.path <@ ANY(${`{${r.paths.join(',')}}`}::ltree[])`;
    return sql`WHEN mem.category = ANY(${`{${r.categories.join(',')}}`}::text[])${paths} THEN ${r.form_id}::uuid`;
  });
  return sql`CASE ${sql.join(whens, sql` `)} END`;
}

/**
 * Writes the round's roster — per unit, the members asked, the leaders among them, and for a round
 * of plans their forms — and its counters from it, in one statement, and returns how many are
 * asked. No member's own record is written (docs/decisions/021). `asked` gives `unit_id`,
 * `person_id`, `leader` and `form_id`; `oneForm`: every member fills that form (a round with one
 * rule), so none is listed per member.
 */
async function writeRoster(tx: Tx, roundId: string, asked: SQL, oneForm: string | null, perMember: boolean): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH asked AS (${asked}),
    roster AS (
      INSERT INTO round_roster (round_id, unit_id, person_ids, leader_ids, form_id, form_ids)
      SELECT ${roundId}::uuid, unit_id, array_agg(person_id), coalesce(array_agg(person_id) FILTER (WHERE leader), '{}'),
             ${oneForm}::uuid, ${perMember ? sql`array_agg(form_id)` : sql`NULL::uuid[]`}
      FROM asked GROUP BY unit_id
      RETURNING unit_id, cardinality(person_ids) AS must, cardinality(leader_ids) AS leaders
    ), counted AS (
      INSERT INTO round_counter (round_id, unit_id, slot, must, leaders)
      SELECT ${roundId}::uuid, l.id, 0, sum(ro.must), sum(ro.leaders)
      FROM roster ro JOIN unit u ON u.id = ro.unit_id, unnest(string_to_array(u.path::text, '.')::uuid[]) AS l(id)
      GROUP BY l.id ORDER BY l.id
    )
    SELECT coalesce(sum(must), 0)::int AS n FROM roster`);
  return r.rows[0]?.n ?? 0;
}

function askForPlans(tx: Tx, roundId: string, path: TreePath, rules: LaunchRule[], on: string): Promise<number> {
  const withPath = rules.some((r) => r.paths.length > 0);
  const oneForm = rules.length === 1 ? rules[0]!.form_id : null;
  return writeRoster(tx, roundId, sql`
    SELECT * FROM (SELECT mem.unit_id, mem.person_id, ${formOfFirstRule(rules)} AS form_id, mem.leader FROM (${MEMBERS_ON(path, on, withPath)}) mem) a
    WHERE a.form_id IS NOT NULL`, oneForm, oneForm === null);
}

function askForPledges(tx: Tx, roundId: string, path: TreePath, categories: readonly string[], on: string): Promise<number> {
  return writeRoster(tx, roundId, sql`
    SELECT mem.unit_id, mem.person_id, false AS leader FROM (${MEMBERS_ON(path, on, false)}) mem
    WHERE mem.category = ANY(${`{${categories.join(',')}}`}::text[])`, null, false);
}
