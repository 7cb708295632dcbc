import type { TreePath } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import type { DocumentHeader, IssuingUnit, ProposedNumber } from '#core/documents-out/issuer.ts';
import { bodyName, defaultSignature, fileCopyLine, issuerAbbrev, issuerLines, placeOf, proposeNumber } from '#core/documents-out/issuer.ts';
import type { OutgoingKind } from '#core/documents-out/kinds.ts';
import type { Signature } from '#core/documents-out/model.ts';
import { numberSymbol } from '#core/documents-out/numbering.ts';
import { profileForUnitKind, type OutgoingProfile } from '#core/documents-out/profiles.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import type { Db, Tx } from '../../db/client.ts';
import { issuedNumbers } from '../../db/queries/consolidation.ts';
import { sql } from 'drizzle-orm';

/** What a document needs to know about the unit that issues it. */
export interface Issuer {
  unit: IssuingUnit;
  parent: IssuingUnit | null;
  profile: OutgoingProfile;
  lines: { superior: string[]; body: string[] };
  place: string;
  /** How the running text names the issuing body. */
  bodyName: string;
  /** The signature from the unit's leaders; null when it has none. */
  signature: Signature | null;
  /** The file copy ending Nơi nhận ("Lưu Văn phòng ĐUK"). */
  fileCopy: string;
}

const asIssuing = (u: { id: string; kind: string; name: string; shortName: string | null; termStart: IsoDate | null; termEnd: IsoDate | null }): IssuingUnit => ({
  id: u.id,
  kind: u.kind as UnitKind,
  name: u.name,
  shortName: u.shortName,
  termStart: u.termStart,
  termEnd: u.termEnd,
});

/** The issuer of a document: the unit at `path`, its parent, its leaders. Throws UNIT_NOT_FOUND. */
export async function getIssuer(tx: Db | Tx, path: TreePath): Promise<Issuer> {
  const chain = (await unitChain(tx, path)).map(asIssuing);
  const unit = chain[chain.length - 1];
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị ban hành văn bản.');
  const parent = chain.length > 1 ? chain[chain.length - 2]! : null;
  const leaders = await unitLeaders(tx, unit.id);
  return {
    unit,
    parent,
    profile: profileForUnitKind(unit.kind),
    lines: issuerLines(unit, parent),
    place: placeOf(chain),
    bodyName: bodyName(unit),
    signature: defaultSignature(unit, leaders),
    fileCopy: fileCopyLine(unit),
  };
}

/**
 * The header of a document of `kind` dated `date` by `issuer`: the number proposed from the numbers
 * the unit has issued, or `keep` (the sequence a document already received) when given.
 */
export async function documentHeader(tx: Db | Tx, issuer: Issuer, kind: OutgoingKind, date: IsoDate, keep?: number | null): Promise<{ header: DocumentHeader; number: ProposedNumber }> {
  const number: ProposedNumber =
    keep !== undefined && keep !== null
      ? { seq: keep, symbol: numberSymbol({ seq: keep, kind, issuerAbbrev: issuerAbbrev(issuer.unit), profile: issuer.profile }), note: null }
      : proposeNumber(issuer.unit, kind, date, await issuedNumbers(tx, issuer.unit.id));
  return {
    header: { profile: issuer.profile, issuer: issuer.lines, number: number.symbol, place: issuer.place, date },
    number,
  };
}

/** The signature a document needs: the unit's leader, or DOCUMENT_INCOMPLETE naming what to add. */
export function requireSignature(issuer: Issuer): Signature {
  if (!issuer.signature) {
    throw new DomainError('DOCUMENT_INCOMPLETE', `Chưa có người ký văn bản: ${issuer.unit.name} chưa có bí thư, phó bí thư hoặc người đứng đầu trong danh sách thành viên.`);
  }
  return issuer.signature;
}

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name safe on every system, keeping Vietnamese letters: "Báo cáo 01-BC-ĐUK.docx". */
export function fileName(base: string, ext: 'docx' | 'xlsx'): string {
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  const clean = printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 150);
  return `${clean || 'tai-lieu'}.${ext}`;
}

export type ChainUnit = {
  id: string;
  kind: string;
  name: string;
  shortName: string | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
};

/** The unit's ancestors from the root down, the unit itself last. */
async function unitChain(tx: Db | Tx, path: TreePath): Promise<ChainUnit[]> {
  const r = await tx.execute<ChainUnit>(sql`
    SELECT id, kind, name, short_name AS "shortName", term_start::text AS "termStart", term_end::text AS "termEnd"
    FROM unit WHERE path @> ${path}::ltree ORDER BY depth`);
  return r.rows;
}

/** The current leaders of a unit (secretary, deputies, head), secretary first. */
async function unitLeaders(tx: Db | Tx, unitId: string): Promise<{ fullName: string; positions: string[] }[]> {
  const r = await tx.execute<{ fullName: string; positions: string[] }>(sql`
    SELECT p.full_name AS "fullName", m.positions
    FROM membership m JOIN person p ON p.id = m.person_id
    WHERE m.unit_id = ${unitId} AND m.valid_to IS NULL AND p.deleted_at IS NULL
      AND m.positions && ARRAY['secretary','deputy_secretary','head']
    ORDER BY array_position(ARRAY['secretary','deputy_secretary','head'], m.positions[1]) NULLS LAST, p.sort_key`);
  return r.rows;
}
