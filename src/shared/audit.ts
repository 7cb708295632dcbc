import { z, IdSchema, IsoDateSchema, LIMITS } from './common.ts';

type Labels = { readonly vi: string; readonly en: string };

/**
 * Every action the audit log records, with what the log shows for it. An entry is written with one
 * of these codes only (AuditEntry.action is typed by them), so a new action cannot go unlabelled.
 */
export const AUDIT_ACTIONS = {
  'auth.login': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.login_failed': { vi: 'Đăng nhập không thành công', en: 'Failed sign-in' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Signed out' },
  'user.create': { vi: 'Tạo người dùng', en: 'User created' },
  'user.update': { vi: 'Sửa người dùng', en: 'User edited' },
  'user.reset_password': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'user.change_password': { vi: 'Đổi mật khẩu', en: 'Password changed' },
  'user.one_time_password': { vi: 'Cấp mật khẩu dùng một lần', en: 'One-time password given' },
  'accounts.create': { vi: 'Tạo tài khoản hàng loạt và phiếu mật khẩu', en: 'Accounts created in bulk, with password slips' },
  'accounts.email': { vi: 'Gửi mật khẩu dùng một lần qua thư điện tử', en: 'One-time passwords e-mailed' },
  'unit.create': { vi: 'Thêm đơn vị', en: 'Unit added' },
  'unit.update': { vi: 'Sửa thông tin đơn vị', en: 'Unit details edited' },
  'unit.rename': { vi: 'Đổi tên đơn vị', en: 'Unit renamed' },
  'unit.move': { vi: 'Chuyển đơn vị', en: 'Unit moved' },
  'unit.merge': { vi: 'Sáp nhập đơn vị', en: 'Units merged' },
  'unit.split': { vi: 'Chia tách đơn vị', en: 'Unit split' },
  'unit.dissolve': { vi: 'Giải thể đơn vị', en: 'Unit dissolved' },
  'unit.import': { vi: 'Nhập cây tổ chức', en: 'Organisation tree imported' },
  'member.create': { vi: 'Thêm thành viên', en: 'Member added' },
  'member.import': { vi: 'Nhập danh sách thành viên', en: 'Member list imported' },
  'member.transfer_in': { vi: 'Chuyển sinh hoạt đến', en: 'Transferred in' },
  'member.transfer_out': { vi: 'Chuyển sinh hoạt đi', en: 'Transferred out' },
  'membership.update': { vi: 'Sửa loại, chức vụ', en: 'Category, positions edited' },
  'membership.end': { vi: 'Kết thúc sinh hoạt', en: 'Membership ended' },
  'user.disable_membership_ended': { vi: 'Khóa tài khoản do hết sinh hoạt', en: 'Account disabled: membership ended' },
  'user.grants_follow_transfer': { vi: 'Chuyển quyền tài khoản theo nơi sinh hoạt mới', en: 'Account grants moved with a transfer' },
  'person.update': { vi: 'Sửa thông tin cá nhân', en: 'Personal details edited' },
  'document.import': { vi: 'Nhập văn bản', en: 'Document imported' },
  'document.confirm': { vi: 'Xác nhận cấu trúc văn bản', en: 'Document structure confirmed' },
  'document.describe_stub': { vi: 'Bổ sung thông tin văn bản được dẫn chiếu', en: 'Referenced document described' },
  'plan.create': { vi: 'Tạo kế hoạch', en: 'Plan created' },
  'plan.create_from_document': { vi: 'Tạo kế hoạch từ văn bản', en: 'Plan drafted from a document' },
  'plan.redraft_from_document': { vi: 'Soạn lại kế hoạch từ văn bản', en: 'Plan redrafted from a document' },
  'plan.update': { vi: 'Sửa kế hoạch', en: 'Plan edited' },
  'plan.publish': { vi: 'Ban hành kế hoạch', en: 'Plan published' },
  'plan.access': { vi: 'Đổi quyền xem kế hoạch', en: 'Plan access changed' },
  'plan.add_audience': { vi: 'Bổ sung đơn vị thực hiện', en: 'Units added to a plan' },
  'plan.delete': { vi: 'Xóa dự thảo kế hoạch', en: 'Draft plan deleted' },
  'plan.cancel': { vi: 'Thu hồi kế hoạch', en: 'Plan cancelled' },
  'task_instance.cancel': { vi: 'Thu hồi nhiệm vụ của một đơn vị', en: "A unit's task cancelled" },
  'obligation_instance.cancel': { vi: 'Thu hồi báo cáo của một đơn vị', en: "A unit's report cancelled" },
  'attachment.upload': { vi: 'Đính kèm tệp minh chứng', en: 'Evidence file attached' },
  'attachment.remove': { vi: 'Gỡ tệp minh chứng', en: 'Evidence file removed' },
  'task_instance.update': { vi: 'Cập nhật tiến độ nhiệm vụ', en: 'Task progress updated' },
  'task_instance.bulk_update': { vi: 'Cập nhật tiến độ nhiều nhiệm vụ', en: 'Progress of several tasks updated' },
  'report.save_draft': { vi: 'Lưu nháp báo cáo', en: 'Report draft saved' },
  'report.submit': { vi: 'Gửi báo cáo', en: 'Report submitted' },
  'report.accept': { vi: 'Tiếp nhận báo cáo', en: 'Report accepted' },
  'report.return': { vi: 'Trả lại báo cáo', en: 'Report returned' },
  'report.urge': { vi: 'Đôn đốc gửi báo cáo', en: 'Units urged to report' },
  'consolidation.save': { vi: 'Lưu báo cáo tổng hợp', en: 'Consolidated report saved' },
  'consolidation.submit': { vi: 'Gửi báo cáo tổng hợp', en: 'Consolidated report submitted' },
  'consolidation.export': { vi: 'Xuất báo cáo tổng hợp', en: 'Consolidated report exported' },
  'meeting.create': { vi: 'Tạo buổi sinh hoạt', en: 'Meeting created' },
  'meeting.update': { vi: 'Sửa buổi sinh hoạt', en: 'Meeting edited' },
  'meeting.hold': { vi: 'Ghi nhận đã sinh hoạt', en: 'Meeting held' },
  'meeting.cancel': { vi: 'Hủy buổi sinh hoạt', en: 'Meeting cancelled' },
  'meeting.makeup': { vi: 'Tạo buổi học bù', en: 'Make-up session created' },
  'meeting.attendance': { vi: 'Điểm danh', en: 'Attendance recorded' },
  'meeting.send': { vi: 'Gửi kế hoạch sinh hoạt', en: 'Meeting plan sent' },
  'meeting.observer': { vi: 'Đăng ký dự sinh hoạt', en: 'Observer registered' },
  'meeting_rule_set.create': { vi: 'Thêm quy định sinh hoạt', en: 'Meeting rules added' },
  'campaign.create': { vi: 'Xây dựng đợt sinh hoạt chính trị', en: 'Campaign created' },
  'campaign.update': { vi: 'Sửa đợt sinh hoạt chính trị', en: 'Campaign edited' },
  'plan_form.create': { vi: 'Thêm mẫu kế hoạch cá nhân', en: 'Personal plan form added' },
  'round.launch': { vi: 'Phát động đợt', en: 'Round launched' },
  'round.urge': { vi: 'Đôn đốc nộp kế hoạch cá nhân, ký cam kết', en: 'Round urged' },
  'round.send_up': { vi: 'Gửi kế hoạch cá nhân lên cấp trên', en: 'Personal plans sent up' },
  'personal_plan.save': { vi: 'Lưu nháp kế hoạch cá nhân', en: 'Personal plan draft saved' },
  'personal_plan.submit': { vi: 'Nộp kế hoạch cá nhân', en: 'Personal plan submitted' },
  'personal_plan.return': { vi: 'Trả lại kế hoạch cá nhân', en: 'Personal plan returned' },
  'personal_plan.confirm': { vi: 'Xác nhận kế hoạch cá nhân', en: 'Personal plan confirmed' },
  'personal_plan.amend': { vi: 'Lập bản điều chỉnh kế hoạch cá nhân', en: 'Personal plan amended' },
  'personal_plan.look_back': { vi: 'Tự đánh giá kết quả kế hoạch cá nhân', en: 'Personal plan self-assessed' },
  'personal_plan.comment': { vi: 'Nhận xét kết quả kế hoạch cá nhân', en: 'Personal plan commented' },
  'pledge.sign': { vi: 'Ký cam kết', en: 'Pledge signed' },
} as const satisfies Record<string, Labels>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

/** What an entry is about. */
export const AUDIT_ENTITIES = {
  user: { vi: 'Người dùng', en: 'User' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  person: { vi: 'Thành viên', en: 'Member' },
  membership: { vi: 'Sinh hoạt', en: 'Membership' },
  document: { vi: 'Văn bản', en: 'Document' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  task_instance: { vi: 'Nhiệm vụ', en: 'Task' },
  submission: { vi: 'Báo cáo', en: 'Report' },
  obligation_instance: { vi: 'Báo cáo của đơn vị', en: "A unit's report" },
  attachment: { vi: 'Tệp minh chứng', en: 'Evidence file' },
  report_obligation: { vi: 'Yêu cầu báo cáo', en: 'Report requirement' },
  consolidation: { vi: 'Báo cáo tổng hợp', en: 'Consolidated report' },
  meeting: { vi: 'Buổi sinh hoạt', en: 'Meeting' },
  meeting_rule_set: { vi: 'Quy định sinh hoạt', en: 'Meeting rules' },
  campaign: { vi: 'Đợt sinh hoạt chính trị', en: 'Campaign' },
  plan_form: { vi: 'Mẫu kế hoạch cá nhân', en: 'Personal plan form' },
  round: { vi: 'Đợt kế hoạch cá nhân, cam kết', en: 'Round' },
  personal_plan: { vi: 'Kế hoạch cá nhân', en: 'Personal plan' },
  pledge: { vi: 'Cam kết', en: 'Pledge' },
} as const satisfies Record<string, Labels>;

/** The label of an action or entity code in a language; an unknown code (an old entry) as written. */
export function auditLabel(table: Readonly<Record<string, Labels>>, code: string, lang: 'vi' | 'en'): string {
  return table[code]?.[lang] ?? code;
}

export const AuditQuerySchema = z
  .strictObject({
    unitId: IdSchema.optional(),
    entity: z.string().max(40).optional(),
    /** Who acted: words of their full name or login, diacritics ignored. */
    person: z.string().trim().max(LIMITS.name, `Tên người thực hiện dài tối đa ${LIMITS.name} ký tự`).optional(),
    action: z.enum(AUDIT_ACTION_CODES, { message: 'Thao tác không hợp lệ' }).optional(),
    /** From this day and to this day inclusive, in Vietnam's time. */
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"Đến ngày" phải từ "Từ ngày" trở về sau', path: ['to'] });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntryViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The login as it was written (or typed, for a failed sign-in); null for the system. */
  actorName: z.string().nullable(),
  /** The full name of the person behind the account, when it has one. */
  actorFullName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The unit the entry belongs to, with its parent. */
  unit: z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;
