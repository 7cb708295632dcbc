import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { MemberCategory, Position } from '#core/org-tree/kinds.ts';
import { foldDiacritics, foldForSearch, normalizeForCompare, vietnameseNameSortKey } from '#core/text/fold.ts';
import type { PlacementUnit } from '#core/members/import-units.ts';
import type { MemberCreate } from '#shared/members.ts';
import type { Tx } from '../client.ts';
import { parentNameSql } from './units.ts';

export type MembershipRow = {
  id: string;
  personId: string;
  unitId: string;
  path: TreePath;
  category: MemberCategory;
  positions: Position[];
  validFrom: IsoDate;
  validTo: IsoDate | null;
  endReason: string | null;
};

/** The columns of a MembershipRow, over the membership as `m` and its unit as `u`. */
export const MEMBERSHIP_COLUMNS = sql.raw(`m.id, m.person_id AS "personId", m.unit_id AS "unitId", u.path::text AS path, m.category,
  m.positions, m.valid_from::text AS "validFrom", m.valid_to::text AS "validTo", m.end_reason AS "endReason"`);

/** A text[] literal for codes (categories, positions): plain identifiers, nothing to escape. */
export function codeArray(codes: readonly string[]): string {
  return `{${codes.join(',')}}`;
}

/** The stored form of a name and its search and sort columns. */
export function nameColumns(fullName: string): { fullName: string; nameFolded: string; sortKey: string } {
  const name = normalizeForCompare(fullName);
  return { fullName: name, nameFolded: foldDiacritics(name), sortKey: vietnameseNameSortKey(name) };
}

/** Party card numbers among `cards` already held by a person other than `exceptPersonId`. */
export async function takenPartyCards(tx: Tx, cards: readonly string[], exceptPersonId: string | null = null): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < cards.length; i += 20_000) {
    const chunk = JSON.stringify(cards.slice(i, i + 20_000));
    const r = await tx.execute<{ card: string }>(sql`
      SELECT party_card_no AS card FROM person
      WHERE deleted_at IS NULL AND party_card_no IN (SELECT jsonb_array_elements_text(${chunk}::jsonb))
        ${exceptPersonId ? sql`AND id <> ${exceptPersonId}` : sql``}`);
    for (const row of r.rows) taken.add(row.card);
  }
  return taken;
}

/** Rows per bulk INSERT: each batch is one JSON parameter of a few megabytes at most. */
const BATCH = 5_000;

/** A person to add and the unit of their first membership (which also manages them). */
export interface NewMember {
  unitId: string;
  member: MemberCreate;
}

/**
 * Inserts people with their first membership, two statements per batch of BATCH rows (each reads
 * its rows from one JSON parameter), calling `onDone` with the rows stored so far after each
 * batch. No access check and no audit (callers do both). Returns the new person ids in order.
 */
export async function insertMembers(tx: Tx, members: readonly NewMember[], onDone: (done: number) => void = () => undefined): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < members.length; i += BATCH) {
    const chunk = members.slice(i, i + BATCH).map(({ unitId, member: m }) => {
      const names = nameColumns(m.fullName);
      return {
        id: randomUUID(), unit_id: unitId, full_name: names.fullName, name_folded: names.nameFolded, sort_key: names.sortKey,
        gender: m.gender ?? null, birth_date: m.birthDate ?? null, phone: m.phone || null, email: m.email || null,
        party_card_no: m.partyCardNo || null, joined_party_on: m.joinedPartyOn ?? null, job_title: m.jobTitle || null,
        category: m.category, positions: m.positions, valid_from: m.validFrom,
      };
    });
    const json = JSON.stringify(chunk);
    await tx.execute(sql`
      INSERT INTO person (id, full_name, name_folded, sort_key, unit_id, gender, birth_date, phone, email, party_card_no, joined_party_on, job_title)
      SELECT id, full_name, name_folded, sort_key, unit_id, gender, birth_date, phone, email, party_card_no, joined_party_on, job_title
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, full_name text, name_folded text, sort_key text, unit_id uuid, gender text,
        birth_date date, phone text, email text, party_card_no text, joined_party_on date, job_title text)`);
    await tx.execute(sql`
      INSERT INTO membership (person_id, unit_id, category, positions, valid_from)
      SELECT id, unit_id, category, positions, valid_from
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, unit_id uuid, category text, positions text[], valid_from date)`);
    ids.push(...chunk.map((c) => c.id));
    onDone(ids.length);
  }
  return ids;
}

/** Which memberships a member list shows. */
export interface MemberFilter {
  unitId: string;
  unitPath: TreePath;
  /** Memberships valid on that day: valid_from ≤ on < valid_to. */
  on: IsoDate;
  /** Memberships in the unit's sub-units too. */
  subtree: boolean;
  q?: string | undefined;
  category?: MemberCategory | undefined;
}

/** A row of a member list: the membership and the person's fields. */
export type MemberListRow = {
  personId: string;
  membershipId: string;
  unitId: string;
  unitName: string;
  unitCode: string | null;
  /** The unit the member's unit belongs to (a list of a subtree names cells of several đảng bộ). */
  parentName: string | null;
  fullName: string;
  gender: string | null;
  birthDate: string | null;
  category: MemberCategory;
  positions: Position[];
  validFrom: string;
  validTo: string | null;
  partyCardNo: string | null;
  joinedPartyOn: string | null;
  phone: string | null;
  email: string | null;
  jobTitle: string | null;
};

/** A LIKE pattern matching `w` anywhere, its wildcards escaped. */
export function likeWord(w: string): string {
  return `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

function memberWhere(f: MemberFilter): SQL {
  const conds: SQL[] = [
    f.subtree ? sql`u.path <@ ${f.unitPath}::ltree` : sql`m.unit_id = ${f.unitId}`,
    sql`p.deleted_at IS NULL`,
    sql`m.valid_from <= ${f.on}::date`,
    sql`(m.valid_to IS NULL OR m.valid_to > ${f.on}::date)`,
  ];
  // Every word must occur in the folded name: "nguyen hoa" finds "Nguyễn Thị Hoa".
  for (const w of foldForSearch(f.q ?? '').split(' ').filter(Boolean).slice(0, 8)) conds.push(sql`p.name_folded LIKE ${likeWord(w)}`);
  if (f.category) conds.push(sql`m.category = ${f.category}`);
  return sql.join(conds, sql` AND `);
}

/** The member list in Vietnamese name order (see person.name_order), a page of it when `page` is given. */
export async function findMemberRows(tx: Tx, f: MemberFilter, page: { limit: number; offset: number } | null): Promise<MemberListRow[]> {
  const r = await tx.execute<MemberListRow>(sql`
    SELECT p.id AS "personId", m.id AS "membershipId", m.unit_id AS "unitId", u.name AS "unitName", u.code AS "unitCode", ${parentNameSql('u')} AS "parentName", p.full_name AS "fullName",
           p.gender, p.birth_date::text AS "birthDate", m.category, m.positions, m.valid_from::text AS "validFrom",
           m.valid_to::text AS "validTo", p.party_card_no AS "partyCardNo", p.joined_party_on::text AS "joinedPartyOn",
           p.phone, p.email, p.job_title AS "jobTitle"
    FROM membership m JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = m.unit_id
    WHERE ${memberWhere(f)}
    ORDER BY p.name_order, p.id, m.valid_from, m.id
    ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`);
  return r.rows;
}

export async function countMembers(tx: Tx, f: MemberFilter): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM membership m JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = m.unit_id
    WHERE ${memberWhere(f)}`);
  return r.rows[0]?.n ?? 0;
}

/**
 * The units with a code in the subtree of `path` (the unit itself included), ended ones too, the
 * active ones locked against a change of the tree until the transaction ends.
 */
export async function codedUnitsUnder(tx: Tx, path: TreePath): Promise<PlacementUnit[]> {
  const r = await tx.execute<PlacementUnit>(sql`
    SELECT id, code, name, valid_to::text AS "validTo" FROM unit
    WHERE path <@ ${path}::ltree AND code IS NOT NULL AND btrim(code) <> ''
    ORDER BY path FOR SHARE`);
  return r.rows;
}
