import { can } from '#core/access/scope.ts';
import type { Actor } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { Tx } from '../../db/client.ts';
import { lockTaskInstances } from '../../db/queries/plans.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import { lookupInstance } from '../../db/queries/reports.ts';
import { canEnterOnBehalf, canSubmit, notFound, refuse } from '../reports/rules.ts';

/**
 * Who may add and remove the files of a report, and when: whoever may submit it (the unit itself,
 * or the level above entering it from paper with `onBehalf`, never by default), while it is open
 * (not yet sent, or returned). A reviewer at the receiving unit reads the files but adds none.
 */
export function canChangeReportFiles(actor: Actor, inst: Pick<InstanceRow, 'unitPath' | 'status' | 'planStatus'>, onBehalf: boolean): boolean {
  const open = inst.status === 'pending' || inst.status === 'draft' || inst.status === 'returned';
  return open && inst.planStatus === 'published' && (onBehalf ? canEnterOnBehalf(actor, inst.unitPath) : canSubmit(actor, inst.unitPath));
}

/**
 * A report whose files are about to change, locked. Throws NOT_FOUND (out of sight), FORBIDDEN,
 * REPORT_CLOSED (plan or report cancelled), SUBMISSION_LOCKED (the version sent awaits review or
 * was accepted: what it sent no longer changes).
 */
export async function lockReportForFiles(tx: Tx, actor: Actor, instanceId: string, onBehalf: boolean): Promise<InstanceRow> {
  const inst = await lookupInstance(tx, instanceId, true);
  if (!inst || inst.status === 'cancelled' || !can(actor, 'read', inst.unitPath)) throw notFound();
  if (onBehalf ? !canEnterOnBehalf(actor, inst.unitPath) : !canSubmit(actor, inst.unitPath)) {
    const above = !onBehalf && canEnterOnBehalf(actor, inst.unitPath);
    throw refuse(
      actor,
      inst.unitPath,
      above
        ? 'Tệp đính kèm báo cáo do chính đơn vị gửi. Cấp trên chỉ đính kèm khi "Nhập thay" báo cáo giấy của đơn vị.'
        : 'Bạn không có quyền đính kèm tệp vào báo cáo của đơn vị này.',
    );
  }
  if (inst.planStatus !== 'published') throw new DomainError('REPORT_CLOSED', 'Kế hoạch hoặc yêu cầu báo cáo này đã bị hủy; không đính kèm tệp được nữa.');
  if (inst.status === 'submitted') {
    throw new DomainError('SUBMISSION_LOCKED', 'Báo cáo đã gửi và đang chờ cấp trên xem xét; tệp của phiên bản đã gửi không thay đổi được.');
  }
  if (inst.status === 'accepted') throw new DomainError('SUBMISSION_LOCKED', 'Báo cáo đã được tiếp nhận; tệp đính kèm không thay đổi được nữa.');
  return inst;
}

/** A task instance whose files are about to change, locked. Throws NOT_FOUND, FORBIDDEN, INSTANCE_CANCELLED. */
export async function lockTaskForFiles(tx: Tx, actor: Actor, taskInstanceId: string): Promise<{ id: string; accessPath: InstanceRow['unitPath'] }> {
  const [i] = await lockTaskInstances(tx, [taskInstanceId]);
  if (!i || !can(actor, 'read', i.accessPath)) throw new DomainError('NOT_FOUND', 'Không tìm thấy nhiệm vụ hoặc bạn không có quyền xem.');
  if (!can(actor, 'write', i.accessPath)) throw new DomainError('FORBIDDEN', 'Bạn không có quyền đính kèm tệp vào nhiệm vụ này.');
  if (i.status === 'cancelled') throw new DomainError('INSTANCE_CANCELLED', 'Nhiệm vụ này đã được hủy.');
  return { id: i.id, accessPath: i.accessPath };
}
