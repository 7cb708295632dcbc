import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { TopUnitCreate } from '#shared/setup.ts';
import type { UnitCreate } from '#shared/units.ts';
import { getUnitRow, recordEvent, insertUnit } from '../../db/queries/units.ts';
import type { ServiceContext } from '../context.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { sql } from 'drizzle-orm';

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

/**
 * Creates a unit at the top of the tree (a Đảng ủy Khối, a Tỉnh ủy): the first step of setting up an
 * installation, for a system administrator only (the route checks it). A code already held by an
 * active unit is refused, as the tree import would refuse it.
 */
export async function createTopUnit(input: TopUnitCreate, { actor, tx, now }: ServiceContext): Promise<{ id: string }> {
  if (!actor.superuser) throw new DomainError('FORBIDDEN', 'Chỉ quản trị hệ thống được tạo đơn vị cấp trên cùng.');
  if (input.code) {
    const taken = await tx.execute(sql`SELECT 1 FROM unit WHERE lower(code) = lower(${input.code}) AND valid_to IS NULL LIMIT 1`);
    if (taken.rows.length > 0) throw new DomainError('CONFLICT', `Mã đơn vị "${input.code}" đã được dùng cho một đơn vị khác.`);
  }
  const created = await insertUnit(tx, {
    parentId: null, parentPath: null, parentProvinceId: null,
    kind: input.kind, name: input.name, shortName: input.shortName, code: input.code, validFrom: input.validFrom, term: input.term,
  });
  await recordEvent(tx, { kind: 'create', on: input.validFrom, before: [], after: [created.id], actorId: actor.userId });
  await writeAudit(tx, actor, { action: 'unit.create', entity: 'unit', entityId: created.id, unitPath: created.path, after: input }, now);
  return { id: created.id };
}
