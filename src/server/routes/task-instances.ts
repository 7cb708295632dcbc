import type { FastifyRequest } from 'fastify';
import type { z } from '../../shared/common.ts';
import {
  BulkResultSchema, PlanIdParamsSchema, TaskInstanceBulkSchema, TaskInstanceListQuerySchema, TaskInstanceListSchema,
  TaskInstancePatchSchema, TaskInstanceViewSchema, UpcomingListSchema, UpcomingQuerySchema,
} from '../../shared/plans.ts';
import { UnitIdParamsSchema } from '../../shared/units.ts';
import type { ServiceContext } from '../services/context.ts';
import { bulkUpdateTaskInstances } from '../services/plans/bulk-update-task-instances.ts';
import { findTaskInstances } from '../services/plans/find-task-instances.ts';
import { findUpcoming } from '../services/plans/find-upcoming.ts';
import { updateTaskInstance } from '../services/plans/update-task-instance.ts';
import type { RouteContext, RouteModule } from './context.ts';
import { actorOf, inTransaction } from './tx.ts';

const tags = ['plans'];
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const unitRead = { kind: 'scoped' as const, rules: [{ from: 'params' as const, key: 'id', resource: 'unit' as const, action: 'read' as const }] };

function readContext(ctx: RouteContext, request: FastifyRequest): ServiceContext {
  return { actor: actorOf(request), tx: ctx.db, now: ctx.clock() };
}

/** The task instances a unit carries out: its list, its calendar, updating one or many. */
const taskInstances: RouteModule = async (app, { ctx }) => {
  app.get('/api/units/:id/task-instances', {
    config: { access: unitRead },
    schema: {
      tags, summary: 'Nhiệm vụ của đơn vị (theo kế hoạch, trạng thái hạn)',
      params: UnitIdParamsSchema, querystring: TaskInstanceListQuerySchema, response: { 200: TaskInstanceListSchema },
    },
  }, async (request) => findTaskInstances(idOf(request), request.query as z.infer<typeof TaskInstanceListQuerySchema>, readContext(ctx, request)));

  app.get('/api/units/:id/upcoming', {
    config: { access: unitRead },
    schema: {
      tags, summary: 'Nhiệm vụ, báo cáo sắp đến hạn của đơn vị (lịch và danh sách)',
      params: UnitIdParamsSchema, querystring: UpcomingQuerySchema, response: { 200: UpcomingListSchema },
    },
  }, async (request) => findUpcoming(idOf(request), request.query as z.infer<typeof UpcomingQuerySchema>, readContext(ctx, request)));

  app.patch('/api/task-instances/:id', {
    config: { access: { kind: 'scoped', rules: [{ from: 'params', key: 'id', resource: 'task_instance', action: 'write' }] } },
    schema: {
      tags, summary: 'Cập nhật tiến độ, minh chứng, hoàn thành một nhiệm vụ',
      params: PlanIdParamsSchema, body: TaskInstancePatchSchema, response: { 200: TaskInstanceViewSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => updateTaskInstance(idOf(request), request.body as z.infer<typeof TaskInstancePatchSchema>, s)));

  app.post('/api/task-instances/bulk', {
    // NOTE: the service checks `write` on the unit of every id and refuses the whole action if one fails.
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Cập nhật nhiều nhiệm vụ cùng lúc (một thao tác)', body: TaskInstanceBulkSchema, response: { 200: BulkResultSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => bulkUpdateTaskInstances(request.body as z.infer<typeof TaskInstanceBulkSchema>, s)));
};
export default taskInstances;
