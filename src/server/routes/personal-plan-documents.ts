import { RoundIdParamsSchema, RoundMembersQuerySchema, RoundPersonParamsSchema } from '#shared/personal-plans.ts';
import { idParam, scoped } from '../plugins/access.ts';
import type { ResourceRule } from '../plugins/access.ts';
import { DOCX_CONTENT_TYPE } from '../services/exports/issuer-context.ts';
import { attachment, XLSX_CONTENT_TYPE } from '../services/members/member-sheet.ts';
import { exportPersonalPlanDocx } from '../services/personal-plans/export-personal-plan-docx.ts';
import { exportRoundMembers } from '../services/personal-plans/export-round-members.ts';
import type { RouteModule } from './context.ts';
import { readContext } from './tx.ts';

const tags = ['personal-plans'];
const round: ResourceRule = idParam('round', 'read');
const unitQuery: ResourceRule = { from: 'query', key: 'unit', resource: 'unit', action: 'read' };

/** The list of a round's members at a unit without paging: the export takes every row up to EXPORT_MAX_ROWS. */
export const RoundMembersExportQuerySchema = RoundMembersQuerySchema.omit({ limit: true, offset: true });

/**
 * The documents of personal plans (docs/decisions/020): a member's plan printed as its form, and a
 * unit's list of a round's members as Excel. Each reads through the service of the JSON route it
 * mirrors, so who may download is who may read.
 */
const personalPlanDocuments: RouteModule = async (app, { ctx }) => {
  app.get('/api/rounds/:id/plans/:personId/plan.docx', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'In kế hoạch cá nhân của một thành viên theo mẫu (tệp Word, kèm phần xác nhận của chi bộ)', params: RoundPersonParamsSchema },
  }, async (request, reply) => {
    const out = await exportPersonalPlanDocx(request.params.id, request.params.personId, readContext(ctx, request));
    return reply.header('content-type', DOCX_CONTENT_TYPE).header('content-disposition', attachment(out.filename, 'ke-hoach-ca-nhan.docx')).send(out.data);
  });

  app.get('/api/rounds/:id/members.xlsx', {
    config: { access: scoped(round, unitQuery) },
    schema: { tags, summary: 'Xuất danh sách thành viên của đợt tại đơn vị và tình trạng ra tệp Excel', params: RoundIdParamsSchema, querystring: RoundMembersExportQuerySchema },
  }, async (request, reply) => {
    const out = await exportRoundMembers(request.params.id, request.query, readContext(ctx, request));
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment(out.filename, 'danh-sach-ke-hoach-ca-nhan.xlsx')).send(out.data);
  });
};
export default personalPlanDocuments;
