import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { RuleSetCreate } from '#shared/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';

/**
 * POST /api/meeting-rules: a new dated rule set, in force from `validFrom` until a later set takes
 * over. Without `unitId` a national rule (administrators only); with it, a committee's own guidance
 * for the units below it (needs `manage_units` on the committee). Meetings already held keep the
 * set in force on their own dates. Throws FORBIDDEN, UNIT_NOT_FOUND, RULE_SET_EXISTS, RULES_INCONSISTENT.
 */
export async function createRuleSet(input: RuleSetCreate, { actor, tx, now }: ServiceContext): Promise<{ id: string }> {
  const unit = input.unitId ? await unitFor(tx, actor, input.unitId, 'manage_units') : null;
  if (!unit && !actor.superuser) throw new DomainError('FORBIDDEN', 'Chỉ quản trị hệ thống thêm được tiêu chí áp dụng toàn quốc.');
  const r0 = input.rules;
  if (r0.minMinutes !== null && r0.minMinutesCombined !== null && r0.minMinutesCombined < r0.minMinutes) {
    throw new DomainError('RULES_INCONSISTENT', 'Thời lượng khi kết hợp chuyên đề không được ít hơn thời lượng sinh hoạt thường kỳ.');
  }
  const exists = await tx.execute(sql`
    SELECT 1 FROM meeting_rule_set WHERE valid_from = ${input.validFrom} AND unit_id IS NOT DISTINCT FROM ${unit?.id ?? null}::uuid`);
  if (exists.rows.length > 0) throw new DomainError('RULE_SET_EXISTS', 'Đã có bộ tiêu chí của cùng cấp có hiệu lực từ ngày này.');
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO meeting_rule_set (unit_id, name, source, valid_from, rules, issuer, created_by, created_at)
    VALUES (${unit?.id ?? null}, ${input.name}, ${input.source}, ${input.validFrom}, ${JSON.stringify(input.rules)}::jsonb,
            ${unit ? null : input.issuer?.trim() || null}, ${actor.userId}, ${now.toISOString()})
    RETURNING id`);
  const id = r.rows[0]!.id;
  await writeAudit(tx, actor, { action: 'meeting_rule_set.create', entity: 'meeting_rule_set', entityId: id, unitPath: unit?.path ?? null, after: input }, now);
  return { id };
}
