import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { UnitCreate } from '#shared/units.ts';
import { getUnitRow, recordEvent, insertUnit } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { writeAudit } from '../../db/queries/audit.ts';

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
