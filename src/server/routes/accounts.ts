import { z, IdSchema } from '#shared/common.ts';
import { AccountPreviewSchema, AccountsCreatedSchema, AccountsCreateSchema, AccountsPreviewSchema, OneTimePasswordSchema } from '#shared/accounts.ts';
import { DomainError } from '#core/errors.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { createAccounts } from '../services/accounts/create-accounts.ts';
import { previewAccounts } from '../services/accounts/preview-accounts.ts';
import { SlipStore } from '../services/accounts/slip-store.ts';
import { attachment } from '../services/members/member-sheet.ts';
import { giveOneTimePassword } from '../services/users/users.ts';
import type { RouteModule } from './context.ts';
import { replyWithProgress } from './progress.ts';
import { actorOf, inTransaction, readContext } from './tx.ts';

const tags = ['accounts'];
const Params = z.strictObject({ id: IdSchema });

/**
 * Accounts in bulk with one-time passwords (docs/decisions/019). The chosen units and the roles of
 * the rules decide the reach: the service checks each unit against the actor's grants.
 */
const accounts: RouteModule = async (app, { ctx }) => {
  const slips = new SlipStore();

  app.post('/api/accounts/preview', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Xem trước tài khoản sẽ tạo hàng loạt: người, tên đăng nhập, vai trò, đơn vị; người bỏ qua', body: AccountsPreviewSchema, response: { 200: AccountPreviewSchema } },
  }, async (request) => previewAccounts(request.body, readContext(ctx, request), ctx.mailer !== null));

  app.post('/api/accounts', {
    config: { access: { kind: 'signed-in' } },
    schema: {
      tags,
      summary: 'Tạo tài khoản hàng loạt với mật khẩu dùng một lần; phiếu mật khẩu tải về một lần',
      body: AccountsCreateSchema,
      response: { 201: AccountsCreatedSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const address = `${request.protocol}://${request.host}`;
    return replyWithProgress(request, reply, 201, (onProgress) =>
      createAccounts(request.body, { db: ctx.db, actor, now: ctx.clock(), address, mailer: ctx.mailer, slips, onProgress }));
  });

  app.get('/api/accounts/slips/:id', {
    // The file is handed only to the user who produced it: the store checks.
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tải phiếu mật khẩu vừa tạo (một lần, trong 10 phút)', params: Params },
  }, async (request, reply) => {
    const file = slips.take(request.params.id, actorOf(request).userId, ctx.clock());
    if (!file) throw new DomainError('FILE_NOT_FOUND', 'Phiếu mật khẩu không còn: phiếu chỉ tải được một lần, trong 10 phút sau khi tạo tài khoản.');
    return reply.header('content-type', file.contentType).header('cache-control', 'no-store').header('content-disposition', attachment(file.filename, file.filename)).send(file.data);
  });

  app.post('/api/users/:id/one-time-password', {
    config: { access: scoped(idParam('user', 'manage_users')) },
    schema: { tags: ['users'], summary: 'Cấp mật khẩu dùng một lần (hiện một lần, phải đổi ở lần đăng nhập đầu)', params: Params, response: { 200: OneTimePasswordSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => giveOneTimePassword(request.params.id, s)));
};
export default accounts;
