import { z, IdSchema, LIMITS } from './common.ts';

/** In-app notifications: the bell, the list, read marks. Each user sees only their own. */
export const NOTIFICATION_KINDS = [
  'reminder',
  'overdue',
  'digest',
  'urge',
  'submission_returned',
  'submission_accepted',
  'plan_published',
  'plan_cancelled',
  'instance_cancelled',
] as const;

export const NOTIFICATION_KIND_LABELS: Record<(typeof NOTIFICATION_KINDS)[number], { vi: string; en: string }> = {
  reminder: { vi: 'Nhắc hạn', en: 'Reminder' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  digest: { vi: 'Tổng hợp đơn vị quá hạn', en: 'Overdue digest' },
  urge: { vi: 'Đôn đốc', en: 'Urging' },
  submission_returned: { vi: 'Báo cáo bị trả lại', en: 'Report returned' },
  submission_accepted: { vi: 'Báo cáo được tiếp nhận', en: 'Report accepted' },
  plan_published: { vi: 'Kế hoạch mới', en: 'New plan' },
  plan_cancelled: { vi: 'Kế hoạch bị thu hồi', en: 'Plan cancelled' },
  instance_cancelled: { vi: 'Nhiệm vụ, báo cáo bị thu hồi', en: 'Task or report cancelled' },
};

export const NotificationListQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(30),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** Where the notification leads in the web app. */
  link: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), total: z.number(), unread: z.number() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const UnreadCountSchema = z.object({ unread: z.number() });
export const ReadAllResultSchema = z.object({ updated: z.number() });
export const NotificationIdParamsSchema = z.strictObject({ id: IdSchema });
