import type { IsoDate } from '#core/ids.ts';
import { z, IdResponseSchema } from '#shared/common.ts';
import {
  UnitAtQuerySchema, UnitCreateSchema, UnitDetailSchema, UnitDissolveSchema, UnitIdParamsSchema, UnitMergeSchema,
  UnitMoveSchema, UnitSearchQuerySchema, UnitSearchResultSchema, UnitSplitSchema, UnitSummarySchema, UnitUpdateSchema,
} from '#shared/units.ts';
import type { TreeImportRejected, TreeImportReport } from '#shared/tree-import.ts';
import { TreeImportQuerySchema, TreeImportRejectedSchema, TreeImportReportSchema } from '#shared/tree-import.ts';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import { DomainError } from '#core/errors.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idParam, scoped } from '../plugins/access.ts';
import { attachment, XLSX_CONTENT_TYPE } from '../services/members/member-sheet.ts';
import { importTree } from '../services/units/import-tree.ts';
import { exportTree, makeTreeTemplateCsv, makeTreeTemplateXlsx } from '../services/units/tree-sheet.ts';
import { replyWithProgress } from './progress.ts';
import { createUnit } from '../services/units/create-unit.ts';
import { findChildren, findRoots, getUnit, searchUnits } from '../services/units/read-units.ts';
import { dissolveUnit, mergeUnits, moveUnit, splitUnit, updateUnit } from '../services/units/restructure-units.ts';
import type { RouteModule } from './context.ts';
import { actorOf, inTransaction, readContext } from './tx.ts';

const read = scoped(idParam('unit', 'read'));
const manage = scoped(idParam('unit', 'manage_units'));
const tags = ['units'];

const units: RouteModule = async (app, { ctx }) => {
  app.get('/api/units', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tìm đơn vị (không dấu) hoặc, không có q, các đơn vị gốc của người dùng; ?on=YYYY-MM-DD cho cây tổ chức tại một ngày', querystring: UnitSearchQuerySchema, response: { 200: UnitSearchResultSchema } },
  }, async (request) => {
    const q = request.query;
    const actor = actorOf(request);
    if (!q.q && !q.kind) {
      const roots = await findRoots(ctx.db, actor, q.on ?? null);
      return { items: roots.map((r) => ({ ...r, path: [] })), total: roots.length };
    }
    return searchUnits(ctx.db, actor, { ...q, includeEnded: q.ended === 'true' });
  });

  app.get('/api/units/:id', {
    config: { access: read },
    schema: { tags, summary: 'Đơn vị; ?on=YYYY-MM-DD cho đơn vị như tại một ngày', params: UnitIdParamsSchema, querystring: UnitAtQuerySchema, response: { 200: UnitDetailSchema } },
  }, async (request) => getUnit(ctx.db, actorOf(request), request.params.id, request.query.on ?? null));

  app.get('/api/units/:id/children', {
    config: { access: read },
    schema: { tags, summary: 'Đơn vị trực thuộc; ?on=YYYY-MM-DD cho cây tổ chức tại một ngày', params: UnitIdParamsSchema, querystring: UnitAtQuerySchema, response: { 200: z.array(UnitSummarySchema) } },
  }, async (request) => {
    const { on } = request.query;
    return findChildren(ctx.db, actorOf(request), request.params.id, on ?? null);
  });

  app.post('/api/units', {
    config: { access: scoped({ from: 'body', key: 'parentId', resource: 'unit', action: 'manage_units' }) },
    schema: { tags, body: UnitCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createUnit(request.body, s));
    return reply.status(201).send(out);
  });

  app.patch('/api/units/:id', {
    config: { access: manage },
    schema: { tags, summary: 'Đổi tên, nhiệm kỳ (có ngày hiệu lực)', params: UnitIdParamsSchema, body: UnitUpdateSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => updateUnit(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.post('/api/units/:id/move', {
    config: { access: scoped(...manage.rules, { from: 'body', key: 'parentId', resource: 'unit', action: 'manage_units' }) },
    schema: { tags, params: UnitIdParamsSchema, body: UnitMoveSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => moveUnit(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  /** A tree list uploaded under `unitId` (null: the whole installation), checked or imported as `mode` says. */
  const treeImport = async (request: FastifyRequest<{ Querystring: { mode: 'check' | 'all' | 'good'; on?: string | undefined } }>, reply: FastifyReply, unitId: string | null) => {
    const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES } });
    if (!part || part.fieldname !== 'file') throw new DomainError('NO_FILE', 'Hãy chọn tệp cây tổ chức (.xlsx hoặc .csv) để nhập (trường "file").');
    const data = await part.toBuffer();
    const { mode, on } = request.query;
    const file = { filename: part.filename, mimetype: part.mimetype, data };
    const answer = mode === 'all' ? 201 : 200;
    return replyWithProgress<TreeImportReport | TreeImportRejected>(request, reply, answer, async (onProgress) => {
      const { outcome, report } = await importTree({ unitId, mode, on: on as IsoDate | undefined, file }, readContext(ctx, request), ctx.readers, onProgress);
      if (outcome !== 'refused') return report;
      return {
        error: {
          code: 'IMPORT_ROWS_INVALID',
          message: `Có ${report.badRows} dòng không hợp lệ nên chưa nhập dòng nào. Hãy sửa các dòng được nêu rồi nhập lại, hoặc chọn chỉ nhập các dòng hợp lệ.`,
        },
        report,
      };
    }, (r) => ('error' in r ? 400 : answer));
  };
  const treeImportSchema = {
    tags,
    consumes: ['multipart/form-data'],
    querystring: TreeImportQuerySchema,
    response: { 200: TreeImportReportSchema, 201: TreeImportReportSchema, 400: TreeImportRejectedSchema },
  };

  app.post('/api/units/:id/tree/import', {
    config: { access: manage },
    schema: { ...treeImportSchema, summary: 'Nhập cây tổ chức dưới đơn vị từ tệp .xlsx hoặc .csv (trường "file"); mode=check|all|good, on=ngày hiệu lực', params: UnitIdParamsSchema },
  }, async (request, reply) => treeImport(request, reply, request.params.id));

  app.post('/api/units/tree/import', {
    config: { access: { kind: 'superuser' } },
    schema: { ...treeImportSchema, summary: 'Nhập cây tổ chức của cả hệ thống (quản trị hệ thống); mode=check|all|good, on=ngày hiệu lực' },
  }, async (request, reply) => treeImport(request, reply, null));

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(`/api/units/:id/tree.${format}`, {
      config: { access: read },
      schema: { tags, summary: `Xuất cây tổ chức dưới đơn vị (.${format}, cùng dạng tệp nhập)`, params: UnitIdParamsSchema },
    }, async (request, reply) => {
      const out = await exportTree(request.params.id, format, readContext(ctx, request));
      const type = format === 'xlsx' ? XLSX_CONTENT_TYPE : 'text/csv; charset=utf-8';
      return reply.header('content-type', type).header('content-disposition', attachment(out.filename, `cay-to-chuc.${format}`)).send(out.data);
    });
  }

  app.get('/api/units/tree-template.xlsx', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tệp mẫu cây tổ chức (.xlsx, có trang hướng dẫn)' },
  }, async (_request, reply) => {
    const data = await makeTreeTemplateXlsx();
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment('Mẫu cây tổ chức.xlsx', 'mau-cay-to-chuc.xlsx')).send(data);
  });

  app.get('/api/units/tree-template.csv', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Tệp mẫu cây tổ chức (.csv, UTF-8)' },
  }, async (_request, reply) => {
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment('Mẫu cây tổ chức.csv', 'mau-cay-to-chuc.csv')).send(makeTreeTemplateCsv());
  });

  app.post('/api/units/merge', {
    config: { access: scoped({ from: 'body', key: 'targetId', resource: 'unit', action: 'manage_units', optional: true }) },
    schema: { tags, summary: 'Sáp nhập đơn vị (vào đơn vị có sẵn hoặc đơn vị mới)', body: UnitMergeSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => mergeUnits(request.body, s));
    return reply.status(201).send(out);
  });

  app.post('/api/units/:id/split', {
    config: { access: manage },
    schema: { tags, params: UnitIdParamsSchema, body: UnitSplitSchema, response: { 201: z.object({ ids: z.array(z.string()) }) } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => splitUnit(request.params.id, request.body, s));
    return reply.status(201).send(out);
  });

  app.post('/api/units/:id/dissolve', {
    config: { access: manage },
    schema: { tags, params: UnitIdParamsSchema, body: UnitDissolveSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => dissolveUnit(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });
};
export default units;
