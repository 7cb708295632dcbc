import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, isWithin } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { Position } from '#core/org-tree/kinds.ts';
import { readsPlansManagedAt } from '#core/personal-plans/readers.ts';
import type { Tx } from '../../db/client.ts';
import type { RoundRow } from '../../db/queries/personal-plans.ts';
import { lookupRound, recordTable, roundRecords, writePendingRecords } from '../../db/queries/personal-plans.ts';

const roundNotFound = () => new DomainError('ROUND_NOT_FOUND', 'Không tìm thấy đợt này hoặc bạn không có quyền xem.');
export const recordNotFound = () => new DomainError('PERSONAL_PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch cá nhân này hoặc bạn không có quyền xem.');

/** The person behind the actor's account, or null (an account of staff without a member record). */
export async function personOfActor(tx: Tx, actor: Actor): Promise<string | null> {
  const r = await tx.execute<{ personId: string | null }>(sql`SELECT person_id AS "personId" FROM app_user WHERE id = ${actor.userId}`);
  return r.rows[0]?.personId ?? null;
}

/**
 * True when the actor sees a round launched at `roundPath`: who reads the launching unit, anyone
 * holding a grant inside its subtree (the cells and their members it reached).
 */
export function seesRound(actor: Actor, roundPath: TreePath): boolean {
  return can(actor, 'read', roundPath) || actor.grants.some((g) => isWithin(g.unitPath, roundPath));
}

/**
 * A round the actor sees: launched at a unit they read or above a unit of theirs, or one that asks
 * something of the actor's own person (a member transferred out of its subtree keeps their plan).
 * Throws ROUND_NOT_FOUND.
 */
export async function roundFor(tx: Tx, actor: Actor, id: string): Promise<RoundRow> {
  const round = await lookupRound(tx, id);
  if (!round) throw roundNotFound();
  if (seesRound(actor, round.unitPath)) return round;
  const personId = await personOfActor(tx, actor);
  if (personId !== null) {
    const r = await tx.execute(sql`SELECT 1 FROM (${roundRecords(round.kind, id, { personId })}) x`);
    if (r.rows.length > 0) return round;
  }
  throw roundNotFound();
}

/** A round the actor may change (launch-level acts): `write` on its unit. Throws ROUND_NOT_FOUND, FORBIDDEN. */
export async function roundToWrite(tx: Tx, actor: Actor, id: string): Promise<RoundRow> {
  const round = await roundFor(tx, actor, id);
  if (!can(actor, 'write', round.unitPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
  return round;
}

/** One member's record in a round (plan or pledge) with where they are managed now. */
export type RecordRow = {
  roundId: string;
  personId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  unitPath: TreePath;
  positions: Position[];
  formId: string | null;
  leader: boolean;
  state: 'pending' | 'draft' | 'submitted' | 'returned' | 'confirmed';
  version: number;
  late: boolean;
  submittedOn: string | null;
  confirmedOn: string | null;
  signedOn: string | null;
  onBehalf: boolean;
  lookBack: unknown;
};

/**
 * The record of `personId` in the round, or null when the round does not ask them. `forUpdate`
 * writes it if it is still pending in the roster (the first act on it) and locks it.
 */
export async function lookupRecord(tx: Tx, round: RoundRow, personId: string, forUpdate = false): Promise<RecordRow | null> {
  if (forUpdate) await writePendingRecords(tx, [personId], round.id);
  const lock = forUpdate ? sql.raw('FOR UPDATE OF x') : sql.raw('');
  const records = forUpdate ? sql`${recordTable(round.kind)} x` : sql`(${roundRecords(round.kind, round.id, { personId })}) x`;
  const own = round.kind === 'pledge'
    ? sql.raw(`NULL::uuid AS "formId", false AS leader, CASE WHEN x.signed_on IS NULL THEN 'pending' ELSE 'submitted' END AS state, 0 AS version,
        x.late, NULL::text AS "submittedOn", NULL::text AS "confirmedOn", x.signed_on::text AS "signedOn", x.on_behalf AS "onBehalf", NULL::jsonb AS "lookBack"`)
    : sql.raw(`x.form_id AS "formId", x.leader, x.state, x.version, x.late, x.submitted_on::text AS "submittedOn", x.confirmed_on::text AS "confirmedOn",
        NULL::text AS "signedOn", false AS "onBehalf", x.look_back AS "lookBack"`);
  const r = await tx.execute<RecordRow>(sql`
    SELECT x.round_id AS "roundId", x.person_id AS "personId", p.full_name AS "fullName", x.unit_id AS "unitId", u.name AS "unitName",
           u.path::text AS "unitPath",
           coalesce((SELECT m.positions FROM membership m WHERE m.person_id = x.person_id AND m.unit_id = x.unit_id AND m.valid_to IS NULL
                     ORDER BY m.valid_from DESC LIMIT 1), '{}') AS positions,
           ${own}
    FROM ${records} JOIN person p ON p.id = x.person_id JOIN unit u ON u.id = x.unit_id
    WHERE x.round_id = ${round.id} AND x.person_id = ${personId} ${lock}`);
  return r.rows[0] ?? null;
}

/** How the actor stands to a member's record: the member, a reader where they are managed now, or neither. */
export type Standing = 'self' | 'manager' | 'other';

export function standingOf(actor: Actor, actorPersonId: string | null, rec: Pick<RecordRow, 'personId' | 'unitPath'>): Standing {
  if (actorPersonId !== null && actorPersonId === rec.personId) return 'self';
  if (readsPlansManagedAt(actor, rec.unitPath)) return 'manager';
  return 'other';
}

/**
 * True when the actor confirms, returns, or enters on the member's behalf: `write` where the member
 * is managed (the cell's secretary, or the committees above) — never on their own plan, which the
 * level above confirms (seed 003 §3: the grassroots committee keeps the plans of cell secretaries).
 */
export function reviews(actor: Actor, actorPersonId: string | null, rec: Pick<RecordRow, 'personId' | 'unitPath'>): boolean {
  return actorPersonId !== rec.personId && readsPlansManagedAt(actor, rec.unitPath) && can(actor, 'write', rec.unitPath);
}
