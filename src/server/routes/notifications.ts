import { z } from '#shared/common.ts';
import {
  NotificationIdParamsSchema, NotificationListQuerySchema, NotificationListSchema, ReadAllResultSchema, UnreadCountSchema,
} from '#shared/notifications.ts';
import { countUnread, findNotifications } from '../services/notifications/find-notifications.ts';
import { markAllNotificationsRead, markNotificationRead } from '../services/notifications/read-notifications.ts';
import type { RouteModule } from './context.ts';
import { actorOf, inTransaction, readContext } from './tx.ts';

const tags = ['notifications'];
// Each user reaches only their own notifications: the services filter by the signed-in user.
const own = { kind: 'signed-in' as const };

const notifications: RouteModule = async (app, { ctx }) => {
  app.get('/api/notifications', {
    config: { access: own },
    schema: { tags, summary: 'Thông báo của tôi, mới nhất trước (unread=true: chưa đọc)', querystring: NotificationListQuerySchema, response: { 200: NotificationListSchema } },
  }, async (request) => findNotifications(request.query, readContext(ctx, request)));

  app.get('/api/notifications/count', {
    config: { access: own },
    schema: { tags, summary: 'Số thông báo chưa đọc (chuông)', response: { 200: UnreadCountSchema } },
  }, async (request) => ({ unread: await countUnread(ctx.db, actorOf(request).userId) }));

  app.post('/api/notifications/:id/read', {
    config: { access: own },
    schema: { tags, summary: 'Đánh dấu đã đọc', params: NotificationIdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => markNotificationRead(request.params.id, s));
    return reply.status(204).send(null);
  });

  app.post('/api/notifications/read-all', {
    config: { access: own },
    schema: { tags, summary: 'Đánh dấu mọi thông báo đã đọc', response: { 200: ReadAllResultSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => markAllNotificationsRead(s)));
};
export default notifications;
