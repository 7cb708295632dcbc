import { TaskResultsQuerySchema, TaskResultsSchema } from '#shared/reviews.ts';
import { UnitIdParamsSchema } from '#shared/units.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { getTaskResults } from '../services/reviews/get-task-results.ts';
import type { RouteModule } from './context.ts';
import { readContext } from './tx.ts';

const tags = ['reviews'];

/** Reviews and grading: the task-results figures of a unit and the grade they allow. */
const reviews: RouteModule = async (app, { ctx }) => {
  app.get('/api/units/:id/task-results', {
    config: { access: scoped(idParam('unit', 'read')) },
    schema: {
      tags, summary: 'Kết quả thực hiện nhiệm vụ của đơn vị trong kỳ (đúng hạn, chậm, chưa hoàn thành, vượt mức) và mức xếp loại số liệu cho phép',
      params: UnitIdParamsSchema, querystring: TaskResultsQuerySchema, response: { 200: TaskResultsSchema },
    },
  }, async (request) => getTaskResults(request.params.id, request.query, readContext(ctx, request)));
};
export default reviews;
