import { IdResponseSchema } from '#shared/common.ts';
import { SetupStatusSchema, TopUnitCreateSchema } from '#shared/setup.ts';
import { getSetupStatus } from '../services/setup/get-setup-status.ts';
import { createTopUnit } from '../services/units/create-unit.ts';
import type { RouteModule } from './context.ts';
import { inTransaction } from './tx.ts';

const tags = ['setup'];

/** The first-run guide: how far the installation is set up, and its first step, the top unit. */
const setup: RouteModule = async (app, { ctx }) => {
  app.get('/api/setup', {
    config: { access: { kind: 'superuser' } },
    schema: { tags, summary: 'Tình trạng thiết lập ban đầu: đơn vị cấp trên cùng, cây tổ chức, thành viên, tài khoản', response: { 200: SetupStatusSchema } },
  }, async () => getSetupStatus(ctx.db));

  app.post('/api/top-units', {
    config: { access: { kind: 'superuser' } },
    schema: { tags, summary: 'Tạo đơn vị cấp trên cùng (không có cấp trên trong hệ thống)', body: TopUnitCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createTopUnit(request.body, s));
    return reply.status(201).send(out);
  });
};
export default setup;
