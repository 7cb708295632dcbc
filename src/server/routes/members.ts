import { DomainError } from '#core/errors.ts';
import { z, IdResponseSchema } from '#shared/common.ts';
import {
  IMPORT_MAX_BYTES, ImportQuerySchema, ImportRejectedSchema, ImportReportSchema, MemberCreateSchema, MemberExportQuerySchema,
  MemberIdParamsSchema, MemberListQuerySchema, MemberListSchema, MembershipEndSchema, MembershipUpdateSchema, PersonDetailSchema,
  PersonUpdateSchema, TransferSchema,
} from '#shared/members.ts';
import type { ImportRejected, ImportReport } from '#shared/members.ts';
import { UnitIdParamsSchema } from '#shared/units.ts';
import { idParam, scoped } from '../plugins/access.ts';
import { createMember } from '../services/members/create-member.ts';
import { endMembership } from '../services/members/end-membership.ts';
import { exportMembers } from '../services/members/export-members.ts';
import { findMembers } from '../services/members/find-members.ts';
import { getPerson } from '../services/members/get-person.ts';
import { importMembers } from '../services/members/import-members.ts';
import { makeImportTemplateCsv, makeImportTemplateXlsx } from '../services/members/make-import-template.ts';
import { attachment, XLSX_CONTENT_TYPE } from '../services/members/member-sheet.ts';
import { transferMember } from '../services/members/transfer-member.ts';
import { updateMembership } from '../services/members/update-membership.ts';
import { updatePerson } from '../services/members/update-person.ts';
import type { RouteModule } from './context.ts';
import { replyWithProgress } from './progress.ts';
import { inTransaction, readContext } from './tx.ts';

type Action = 'read' | 'manage_members';
type Resource = 'unit' | 'person' | 'membership';
const on = (resource: Resource, action: Action) => scoped(idParam(resource, action));
const tags = ['members'];

/** "Import all" met a bad row: nothing was written, the report goes back with a 400. */
class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super('import refused');
  }
}

const members: RouteModule = async (app, { ctx }) => {
  app.get('/api/units/:id/members', {
    config: { access: on('unit', 'read') },
    schema: {
      tags, summary: 'Danh sách thành viên của đơn vị tại một ngày (tìm không dấu, thứ tự tên tiếng Việt)',
      params: UnitIdParamsSchema, querystring: MemberListQuerySchema, response: { 200: MemberListSchema },
    },
  }, async (request) => findMembers(request.params.id, request.query, readContext(ctx, request)));

  app.post('/api/units/:id/members', {
    config: { access: on('unit', 'manage_members') },
    schema: { tags, summary: 'Thêm thành viên vào đơn vị', params: UnitIdParamsSchema, body: MemberCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createMember(request.params.id, request.body, s));
    return reply.status(201).send(out);
  });

  app.get('/api/units/:id/members.xlsx', {
    config: { access: on('unit', 'read') },
    schema: { tags, summary: 'Xuất danh sách thành viên ra tệp Excel (.xlsx)', params: UnitIdParamsSchema, querystring: MemberExportQuerySchema },
  }, async (request, reply) => {
    const out = await exportMembers(request.params.id, request.query, readContext(ctx, request));
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment(out.filename, 'danh-sach-thanh-vien.xlsx')).send(out.data);
  });

  app.post('/api/units/:id/members/import', {
    config: { access: on('unit', 'manage_members') },
    schema: {
      tags,
      summary: 'Nhập danh sách thành viên từ tệp .xlsx hoặc .csv (trường "file"); mode=check|all|good',
      consumes: ['multipart/form-data'],
      params: UnitIdParamsSchema,
      querystring: ImportQuerySchema,
      response: { 200: ImportReportSchema, 201: ImportReportSchema, 400: ImportRejectedSchema },
    },
  }, async (request, reply) => {
    const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES } });
    if (!part || part.fieldname !== 'file') throw new DomainError('NO_FILE', 'Hãy chọn tệp danh sách (.xlsx hoặc .csv) để nhập (trường "file").');
    const data = await part.toBuffer();
    const { mode } = request.query;
    const file = { filename: part.filename, mimetype: part.mimetype, data };
    try {
      return await replyWithProgress(request, reply, mode === 'all' ? 201 : 200, async (onProgress) => {
        const { outcome, report } = await importMembers({ unitId: request.params.id, mode, file }, readContext(ctx, request), ctx.readers, onProgress);
        // Refused before any progress (nothing was written): answered below as an ordinary 400.
        if (outcome === 'refused') throw new ImportRefused(report);
        return report;
      });
    } catch (e) {
      if (!(e instanceof ImportRefused)) throw e;
      const body: ImportRejected = {
        error: {
          code: 'IMPORT_ROWS_INVALID',
          message: `Có ${e.report.badRows} dòng không hợp lệ nên chưa nhập dòng nào. Hãy sửa các dòng được nêu rồi nhập lại, hoặc chọn chỉ nhập các dòng hợp lệ.`,
        },
        report: e.report,
      };
      return reply.status(400).send(body);
    }
  });

  app.get('/api/members/import-template.xlsx', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tệp mẫu danh sách thành viên (.xlsx, có trang hướng dẫn)' },
  }, async (_request, reply) => {
    const data = await makeImportTemplateXlsx();
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment('Mẫu danh sách thành viên.xlsx', 'mau-danh-sach-thanh-vien.xlsx')).send(data);
  });

  app.get('/api/members/import-template.csv', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tệp mẫu danh sách thành viên (.csv, UTF-8)' },
  }, async (_request, reply) => {
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment('Mẫu danh sách thành viên.csv', 'mau-danh-sach-thanh-vien.csv')).send(makeImportTemplateCsv());
  });

  app.get('/api/people/:id', {
    config: { access: on('person', 'read') },
    schema: { tags, summary: 'Thông tin một người và quá trình sinh hoạt', params: MemberIdParamsSchema, response: { 200: PersonDetailSchema } },
  }, async (request) => getPerson(request.params.id, readContext(ctx, request)));

  app.patch('/api/people/:id', {
    config: { access: on('person', 'manage_members') },
    schema: { tags, summary: 'Sửa thông tin cá nhân', params: MemberIdParamsSchema, body: PersonUpdateSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => updatePerson(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.post('/api/people/:id/transfer', {
    config: { access: scoped(idParam('person', 'manage_members'), { from: 'body', key: 'toUnitId', resource: 'unit', action: 'manage_members' }) },
    schema: { tags, summary: 'Chuyển sinh hoạt sang đơn vị khác từ một ngày (giữ quá trình cũ)', params: MemberIdParamsSchema, body: TransferSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => transferMember(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.patch('/api/memberships/:id', {
    config: { access: on('membership', 'manage_members') },
    schema: { tags, summary: 'Sửa loại thành viên, chức vụ của quá trình đang sinh hoạt', params: MemberIdParamsSchema, body: MembershipUpdateSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => updateMembership(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.post('/api/memberships/:id/end', {
    config: { access: on('membership', 'manage_members') },
    schema: { tags, summary: 'Kết thúc sinh hoạt tại đơn vị (ra khỏi, từ trần, khai trừ…); giữ lại người và quá trình', params: MemberIdParamsSchema, body: MembershipEndSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => endMembership(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });
};
export default members;
