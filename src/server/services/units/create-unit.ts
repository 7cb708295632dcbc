import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { TreePath } from '../../../core/access/scope.ts';
import { can, childPath } from '../../../core/access/scope.ts';
import { DomainError } from '../../../core/errors.ts';
import type { IsoDate } from '../../../core/ids.ts';
import type { UnitKind } from '../../../core/org-tree/kinds.ts';
import { foldDiacritics } from '../../../core/text/fold.ts';
import type { UnitCreate } from '../../../shared/units.ts';
import { getUnitRow, recordEvent, reviseUnit } from '../../db/queries/units.ts';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';

const PROVINCE_KINDS: readonly UnitKind[] = ['province_committee', 'youth_city'];

/** Inserts a unit row and its first revision; no access check, no event (callers do both). */
export async function insertUnit(
  tx: Tx,
  u: {
    id?: string;
    parentId: string | null;
    parentPath: TreePath | null;
    parentProvinceId: string | null;
    kind: UnitKind;
    name: string;
    shortName?: string | null | undefined;
    code?: string | null | undefined;
    validFrom: IsoDate;
    term?: { label?: string | null | undefined; start?: string | null | undefined; end?: string | null | undefined } | undefined;
  },
): Promise<{ id: string; path: TreePath }> {
  const id = u.id ?? randomUUID();
  const path = childPath(u.parentPath, id);
  const provinceId = PROVINCE_KINDS.includes(u.kind) ? id : u.parentProvinceId;
  await tx.execute(sql`
    INSERT INTO unit (id, kind, name, short_name, name_folded, parent_id, path, depth, province_id, valid_from,
                      term_label, term_start, term_end, code)
    VALUES (${id}, ${u.kind}, ${u.name}, ${u.shortName ?? null}, ${foldDiacritics(u.name)}, ${u.parentId}, ${path}::ltree,
            ${path.split('.').length}, ${provinceId}, ${u.validFrom}, ${u.term?.label ?? null}, ${u.term?.start ?? null},
            ${u.term?.end ?? null}, ${u.code ?? null})`);
  await reviseUnit(tx, id, u.validFrom);
  return { id, path };
}

/** Creates a unit under a parent the actor manages. Throws UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE. */
export async function createUnit(input: UnitCreate, { actor, tx, now }: ServiceContext): Promise<{ id: string }> {
  const parent = await getUnitRow(tx, input.parentId, true);
  if (!can(actor, 'manage_units', parent.path)) {
    throw new DomainError(can(actor, 'read', parent.path) ? 'FORBIDDEN' : 'UNIT_NOT_FOUND', 'Bạn không có quyền tạo đơn vị tại đây.');
  }
  if (parent.validTo !== null) throw new DomainError('UNIT_NOT_ACTIVE', `Đơn vị cấp trên "${parent.name}" đã giải thể hoặc sáp nhập.`);
  if (input.validFrom < parent.validFrom) {
    throw new DomainError('DATE_BEFORE_UNIT', 'Ngày thành lập không được trước ngày thành lập của đơn vị cấp trên.');
  }
  const created = await insertUnit(tx, {
    parentId: parent.id,
    parentPath: parent.path,
    parentProvinceId: parent.provinceId,
    kind: input.kind,
    name: input.name,
    shortName: input.shortName,
    code: input.code,
    validFrom: input.validFrom,
    term: input.term,
  });
  await recordEvent(tx, { kind: 'create', on: input.validFrom, before: [], after: [created.id], actorId: actor.userId });
  await writeAudit(tx, actor, { action: 'unit.create', entity: 'unit', entityId: created.id, unitPath: created.path, after: input }, now);
  return { id: created.id };
}
