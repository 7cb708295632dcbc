import { z, IdResponseSchema, IdSchema } from '#shared/common.ts';
import { UserCreateSchema, UserListQuerySchema, UserSummarySchema, UserUpdateSchema } from '#shared/users.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { createUser, findUsers, updateUser } from '../services/users/users.ts';
import type { RouteModule } from './context.ts';
import { actorOf, inTransaction } from './tx.ts';

const tags = ['users'];
const Params = z.strictObject({ id: IdSchema });

const users: RouteModule = async (app, { ctx }) => {
  app.get('/api/users', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, querystring: UserListQuerySchema, response: { 200: z.object({ items: z.array(UserSummarySchema), total: z.number() }) } },
  }, async (request) => findUsers(ctx.db, actorOf(request), request.query));

  app.post('/api/users', {
    // The grants in the body decide the reach: the service checks each against the actor's own grants.
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tạo người dùng (quản trị, hoặc bí thư/cán bộ trong phạm vi của mình)', body: UserCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createUser(request.body, s));
    return reply.status(201).send(out);
  });

  app.patch('/api/users/:id', {
    config: { access: scoped(idParam('user', 'manage_users')) },
    schema: { tags, summary: 'Sửa quyền, liên kết người, khóa tài khoản, đặt lại mật khẩu', params: Params, body: UserUpdateSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => updateUser(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });
};
export default users;
