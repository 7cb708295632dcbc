import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { childPath } from '#core/access/scope.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import { foldDiacritics, vietnameseNameSortKey } from '#core/text/fold.ts';
import type { Tx } from '../db/client.ts';
import { getUnitRow } from '../db/queries/units.ts';
import type { ServiceContext } from '../services/context.ts';
import { dissolveUnit, mergeUnits, moveUnit, updateUnit } from '../services/units/restructure-units.ts';
import { createUser } from '../services/users/users.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import type { PlannedPerson } from './people.ts';
import type { DemoPlan, PlannedStep, PlannedUnit } from './plan.ts';
import { planDemo } from './plan.ts';
import { loadDemoRound } from './personal-plans.ts';

/** Restructuring of the demo is done by the system, as a superuser that is nobody's account. */
const SYSTEM: Actor = { userId: '00000000-0000-0000-0000-000000000000', username: 'system', superuser: true, grants: [] };

/** Kinds that head a province: their units carry their own id as province_id (as insertUnit does). */
const PROVINCE_KINDS: readonly UnitKind[] = ['province_committee', 'youth_city'];

/** Rows per multi-row INSERT; each batch is one statement with one JSON parameter. */
const BATCH = 1500;

type Placed = Map<string, { path: TreePath; provinceId: string | null }>;

/**
 * Loads the demo organisation (docs/demo.md) inside the caller's transaction: the trees of the
 * seeds as they stood in the 2020 - 2025 term with their people, the 2025 restructuring as dated
 * events, the demo accounts, and a round of personal plans in progress. The data is the same on every
 * start; `now` stamps the audit and places the round (its deadline a week before `now`).
 */
export async function loadDemoData(tx: Tx, now: Date): Promise<void> {
  const plan = planDemo();
  const placed: Placed = new Map();
  await insertUnits(tx, plan.units, placed);
  await insertPeople(tx, plan.people);
  const ctx: ServiceContext = { actor: SYSTEM, tx, now };
  for (const step of plan.steps) await applyStep(ctx, step, placed);
  await createAccounts(tx, now, plan);
  await loadDemoRound(tx, now, plan);
}

/**
 * Inserts units in multi-row batches: the same rows as insertUnit (the unit, its first revision)
 * and a "create" event for each, without one round trip per unit.
 */
async function insertUnits(tx: Tx, units: PlannedUnit[], placed: Placed): Promise<void> {
  const rows = [];
  for (const u of units) {
    let parent = u.parentId ? placed.get(u.parentId) : undefined;
    if (u.parentId && !parent) {
      // A unit created by a later step: its parent may have moved since, so read where it stands.
      const row = await getUnitRow(tx, u.parentId);
      parent = { path: row.path, provinceId: row.provinceId };
    }
    const path = childPath(parent?.path ?? null, u.id);
    const provinceId = PROVINCE_KINDS.includes(u.kind) ? u.id : (parent?.provinceId ?? null);
    placed.set(u.id, { path, provinceId });
    rows.push({
      id: u.id, kind: u.kind, name: u.name, short_name: u.shortName, name_folded: foldDiacritics(u.name), parent_id: u.parentId,
      path, depth: path.split('.').length, province_id: provinceId, valid_from: u.validFrom,
      term_label: u.term?.label ?? null, term_start: u.term?.start ?? null, term_end: u.term?.end ?? null,
    });
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH));
    await tx.execute(sql`
      INSERT INTO unit (id, kind, name, short_name, name_folded, parent_id, path, depth, province_id, valid_from, term_label, term_start, term_end)
      SELECT x.id, x.kind, x.name, x.short_name, x.name_folded, x.parent_id, x.path::ltree, x.depth, x.province_id, x.valid_from,
             x.term_label, x.term_start, x.term_end
      FROM json_to_recordset(${json}::json) AS x(id uuid, kind text, name text, short_name text, name_folded text, parent_id uuid, path text,
        depth integer, province_id uuid, valid_from date, term_label text, term_start date, term_end date)
      ORDER BY x.depth`);
    await tx.execute(sql`
      INSERT INTO unit_revision (unit_id, parent_id, kind, name, short_name, valid_from)
      SELECT x.id, x.parent_id, x.kind, x.name, x.short_name, x.valid_from
      FROM json_to_recordset(${json}::json) AS x(id uuid, parent_id uuid, kind text, name text, short_name text, valid_from date)`);
    await tx.execute(sql`
      INSERT INTO unit_event (kind, occurred_on, units_before, units_after, actor_id)
      SELECT 'create', x.valid_from, '{}', ARRAY[x.id], NULL
      FROM json_to_recordset(${json}::json) AS x(id uuid, valid_from date)`);
  }
}

async function insertPeople(tx: Tx, people: PlannedPerson[]): Promise<void> {
  for (let i = 0; i < people.length; i += BATCH) {
    const batch = people.slice(i, i + BATCH);
    const persons = batch.map((p) => ({
      id: p.id,
      full_name: p.fullName,
      name_folded: foldDiacritics(p.fullName),
      sort_key: vietnameseNameSortKey(p.fullName),
      unit_id: p.unitId,
      gender: p.gender,
      birth_date: p.birthDate,
      party_card_no: p.partyCardNo,
      joined_party_on: p.joinedPartyOn,
      job_title: p.jobTitle,
    }));
    await tx.execute(sql`
      INSERT INTO person (id, full_name, name_folded, sort_key, unit_id, gender, birth_date, party_card_no, joined_party_on, job_title)
      SELECT x.id, x.full_name, x.name_folded, x.sort_key, x.unit_id, x.gender, x.birth_date, x.party_card_no, x.joined_party_on, x.job_title
      FROM json_to_recordset(${JSON.stringify(persons)}::json) AS x(id uuid, full_name text, name_folded text, sort_key text, unit_id uuid,
        gender text, birth_date date, party_card_no text, joined_party_on date, job_title text)`);
    const memberships = batch.map((p) => ({
      person_id: p.id,
      unit_id: p.unitId,
      category: p.category,
      positions: `{${p.positions.join(',')}}`,
      valid_from: p.validFrom,
    }));
    await tx.execute(sql`
      INSERT INTO membership (person_id, unit_id, category, positions, valid_from)
      SELECT x.person_id, x.unit_id, x.category, x.positions::text[], x.valid_from
      FROM json_to_recordset(${JSON.stringify(memberships)}::json) AS x(person_id uuid, unit_id uuid, category text, positions text, valid_from date)`);
  }
}

async function applyStep(ctx: ServiceContext, step: PlannedStep, placed: Placed): Promise<void> {
  const { tx } = ctx;
  switch (step.kind) {
    case 'create':
      await insertUnits(tx, step.units, placed);
      await insertPeople(tx, step.people);
      return;
    case 'move':
      for (const id of step.unitIds) await moveUnit(id, { parentId: step.to, on: step.on, note: step.note }, ctx);
      return;
    case 'merge':
      await mergeUnits({ sourceIds: step.sourceIds, targetId: step.into, on: step.on, note: step.note }, ctx);
      if (step.keepLeadersOf) {
        // A merge reopens every membership without positions; the leaders of one source lead the merged unit.
        await tx.execute(sql`
          UPDATE membership m SET positions = old.positions
          FROM membership old
          WHERE m.unit_id = ${step.into} AND m.valid_from = ${step.on} AND m.valid_to IS NULL
            AND old.person_id = m.person_id AND old.unit_id = ${step.keepLeadersOf}
            AND old.valid_to = ${step.on} AND old.end_reason = 'merge'`);
      }
      return;
    case 'rename':
      await updateUnit(step.unitId, { name: step.name, on: step.on, ...(step.shortName !== undefined ? { shortName: step.shortName } : {}) }, ctx);
      return;
    case 'dissolve':
      // The people of a dissolved unit were transferred elsewhere; their membership here ends that day.
      await tx.execute(sql`
        UPDATE membership SET valid_to = ${step.on}, end_reason = 'transferred_out'
        WHERE unit_id = ${step.unitId} AND valid_to IS NULL`);
      await dissolveUnit(step.unitId, { on: step.on, note: step.note }, ctx);
      return;
  }
}

async function createAccounts(tx: Tx, now: Date, plan: DemoPlan): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const unitId = plan.refs.get(account.unit);
    if (!unitId) throw new Error(`Demo: unknown unit "${account.unit}"`);
    let personId: string | null = null;
    if (account.person) {
      const people = plan.peopleByUnit.get(plan.refs.get(account.person.unit) ?? '') ?? [];
      const person = account.person.who === 'secretary'
        ? people.find((p) => p.positions.includes('secretary'))
        : people.find((p) => !p.positions.some((x) => x === 'secretary' || x === 'deputy_secretary' || x === 'head'));
      if (!person) throw new Error(`Demo: no ${account.person.who} in "${account.person.unit}"`);
      personId = person.id;
    }
    await createUser(
      { username: account.username, password: DEMO_PASSWORD, personId, grants: [{ unitId, role: account.role }], superuser: false },
      { actor: null, tx, now },
    );
  }
}
