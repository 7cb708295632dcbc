import {
  BulkResultSchema, CancelInputSchema, CancelResultSchema, PlanIdParamsSchema, TaskInstanceBulkSchema, TaskInstanceListQuerySchema, TaskInstanceListSchema,
  TaskInstancePatchSchema, TaskInstanceViewSchema, UpcomingListSchema, UpcomingQuerySchema,
} from '#shared/plans.ts';
import { UnitIdParamsSchema } from '#shared/units.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { bulkUpdateTaskInstances } from '../services/plans/bulk-update-task-instances.ts';
import { cancelInstance } from '../services/plans/cancel-instance.ts';
import { findTaskInstances } from '../services/plans/find-task-instances.ts';
import { findUpcoming } from '../services/plans/find-upcoming.ts';
import { updateTaskInstance } from '../services/plans/update-task-instance.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';

const tags = ['plans'];
const unitRead = scoped(idParam('unit', 'read'));

/** The task instances a unit carries out: its list, its calendar, updating one or many. */
const taskInstances: RouteModule = async (app, { ctx }) => {
  app.get('/api/units/:id/task-instances', {
    config: { access: unitRead },
    schema: {
      tags, summary: 'Nhiệm vụ của đơn vị (theo kế hoạch, trạng thái hạn)',
      params: UnitIdParamsSchema, querystring: TaskInstanceListQuerySchema, response: { 200: TaskInstanceListSchema },
    },
  }, async (request) => findTaskInstances(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/units/:id/upcoming', {
    config: { access: unitRead },
    schema: {
      tags, summary: 'Nhiệm vụ, báo cáo sắp đến hạn của đơn vị (lịch và danh sách)',
      params: UnitIdParamsSchema, querystring: UpcomingQuerySchema, response: { 200: UpcomingListSchema },
    },
  }, async (request) => findUpcoming(request.params.id, request.query, readContext(ctx, request)));

  app.patch('/api/task-instances/:id', {
    config: { access: scoped(idParam('task_instance', 'write')) },
    schema: {
      tags, summary: 'Cập nhật tiến độ, minh chứng, hoàn thành một nhiệm vụ',
      params: PlanIdParamsSchema, body: TaskInstancePatchSchema, response: { 200: TaskInstanceViewSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => updateTaskInstance(request.params.id, request.body, s)));

  app.post('/api/task-instances/:id/cancel', {
    // NOTE: reading the instance is checked here; the service checks `write` on the plan's unit (the unit that gave the task).
    config: { access: scoped(idParam('task_instance', 'read')) },
    schema: {
      tags, summary: 'Thu hồi nhiệm vụ đã giao cho một đơn vị (một kỳ), ghi rõ lý do',
      params: PlanIdParamsSchema, body: CancelInputSchema, response: { 200: CancelResultSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => cancelInstance('task', request.params.id, request.body, s)));

  app.post('/api/obligation-instances/:id/cancel', {
    // NOTE: reading the instance is checked here; the service checks `write` on the plan's unit (the unit that asked for the report).
    config: { access: scoped(idParam('obligation_instance', 'read')) },
    schema: {
      tags, summary: 'Thu hồi báo cáo đã yêu cầu một đơn vị (một kỳ), ghi rõ lý do',
      params: PlanIdParamsSchema, body: CancelInputSchema, response: { 200: CancelResultSchema },
    },
  }, async (request) => inTransaction(ctx, request, (s) => cancelInstance('report', request.params.id, request.body, s)));

  app.post('/api/task-instances/bulk', {
    // NOTE: the service checks `write` on the unit of every id and refuses the whole action if one fails.
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Cập nhật nhiều nhiệm vụ cùng lúc (một thao tác)', body: TaskInstanceBulkSchema, response: { 200: BulkResultSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => bulkUpdateTaskInstances(request.body, s)));
};
export default taskInstances;
