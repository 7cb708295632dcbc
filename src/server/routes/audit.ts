import { z } from '#shared/common.ts';
import { AuditEntryViewSchema, AuditQuerySchema } from '#shared/audit.ts';
import { scoped } from '../plugins/access.ts';
import { findAudit } from '../services/audit/find-audit.ts';
import { lookupUnit } from '../db/queries/units.ts';
import type { RouteModule } from './context.ts';
import { actorOf } from './tx.ts';

const audit: RouteModule = async (app, { ctx }) => {
  app.get('/api/audit', {
    config: { access: scoped({ from: 'query', key: 'unitId', resource: 'unit', action: 'read_audit', optional: true }) },
    schema: { tags: ['audit'], summary: 'Nhật ký thay đổi (quản trị: toàn hệ thống; lãnh đạo đơn vị trong phạm vi của mình), lọc theo đơn vị, người thực hiện, thao tác, khoảng ngày', querystring: AuditQuerySchema, response: { 200: z.object({ items: z.array(AuditEntryViewSchema), total: z.number(), more: z.boolean() }) } },
  }, async (request) => {
    const q = request.query;
    const unit = q.unitId ? await lookupUnit(ctx.db, q.unitId) : null;
    const { unitId: _u, ...filter } = q;
    return findAudit(ctx.db, actorOf(request), { ...filter, unitPath: unit?.path });
  });
};
export default audit;
