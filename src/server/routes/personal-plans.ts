import { IdResponseSchema } from '#shared/common.ts';
import {
  LookBackCommentsSchema, LookBackSchema, MyRoundsSchema, PersonalPlanViewSchema, PlanFormCreateSchema, PlanFormListQuerySchema, PlanFormListSchema,
  PlanReturnSchema, PlanSavedSchema, PlanSaveSchema, PlanSubmitSchema, PledgeSignedSchema, PledgeSignSchema, RoundCoverageSchema, RoundCreateSchema,
  RoundIdParamsSchema, RoundLaunchedSchema, RoundListQuerySchema, RoundListSchema, RoundMembersQuerySchema, RoundMembersSchema, RoundPersonParamsSchema,
  RoundPrefillResultSchema, RoundPrefillSchema, RoundUnitParamsSchema, RoundUrgedSchema, RoundUrgeSchema, RoundUnitQuerySchema, SendUpSchema, SentUpSchema,
} from '#shared/personal-plans.ts';
import { z } from '#shared/common.ts';
import { idParam, scoped } from '../plugins/access.ts';
import type { ResourceRule } from '../plugins/access.ts';
import { amendPlan, confirmPlan, returnPlan, savePlan, submitPlan } from '../services/personal-plans/change-plan.ts';
import { findMyRounds } from '../services/personal-plans/find-my-rounds.ts';
import { findRoundMembers } from '../services/personal-plans/find-round-members.ts';
import { findRounds } from '../services/personal-plans/find-rounds.ts';
import { getPersonalPlan } from '../services/personal-plans/get-personal-plan.ts';
import { getRoundCoverage } from '../services/personal-plans/get-round-coverage.ts';
import { launchRound } from '../services/personal-plans/launch-round.ts';
import { saveLookBack, saveLookBackComments } from '../services/personal-plans/look-back.ts';
import { createPlanForm, findPlanForms } from '../services/personal-plans/plan-forms.ts';
import { prefillReportFromRound } from '../services/personal-plans/prefill-report.ts';
import { sendUp } from '../services/personal-plans/send-up.ts';
import { signPledge } from '../services/personal-plans/sign-pledge.ts';
import { urgeRound } from '../services/personal-plans/urge-round.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';

const tags = ['personal-plans'];
const round: ResourceRule = idParam('round', 'read');
const unitQuery: ResourceRule = { from: 'query', key: 'unit', resource: 'unit', action: 'read' };
const Empty = z.strictObject({}).optional();

/**
 * Personal plans and pledges (docs/decisions/020): the forms, the rounds a committee launches from a
 * task, each member's plan and its versions, signed pledges, coverage rolled up the tree. Who may
 * read a member's plan is decided again in the services, beyond the round's reach checked here.
 */
const personalPlans: RouteModule = async (app, { ctx }) => {
  app.get('/api/plan-forms', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Các mẫu kế hoạch cá nhân đơn vị được dùng (Mẫu 01–04 và mẫu của đơn vị, cấp trên)', querystring: PlanFormListQuerySchema, response: { 200: PlanFormListSchema } },
  }, async (request) => findPlanForms(request.query.unit, readContext(ctx, request)));

  app.post('/api/plan-forms', {
    config: { access: scoped({ from: 'body', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Thêm mẫu kế hoạch cá nhân của đơn vị (các phần, số nội dung, lĩnh vực)', body: PlanFormCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => reply.status(201).send(await inTransaction(ctx, request, (s) => createPlanForm(request.body, s))));

  app.post('/api/rounds', {
    config: { access: scoped({ from: 'body', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Phát động đợt lập kế hoạch cá nhân hoặc ký cam kết từ một nhiệm vụ của kế hoạch', body: RoundCreateSchema, response: { 201: RoundLaunchedSchema } },
  }, async (request, reply) => reply.status(201).send(await inTransaction(ctx, request, (s) => launchRound(request.body, s))));

  app.get('/api/rounds', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Các đợt đến với đơn vị (phát động tại đơn vị hoặc cấp trên), kèm số liệu của đơn vị', querystring: RoundListQuerySchema, response: { 200: RoundListSchema } },
  }, async (request) => findRounds(request.query, readContext(ctx, request)));

  app.get('/api/my/rounds', {
    config: { access: { kind: 'signed-in' } },
    schema: { tags, summary: 'Kế hoạch cá nhân, cam kết của tôi', response: { 200: MyRoundsSchema } },
  }, async (request) => findMyRounds(readContext(ctx, request)));

  app.get('/api/rounds/:id', {
    config: { access: scoped(round, { ...unitQuery, optional: true }) },
    schema: { tags, summary: 'Một đợt và số liệu tại một đơn vị: tổng, thành viên trực thuộc, từng đơn vị cấp dưới', params: RoundIdParamsSchema, querystring: RoundUnitQuerySchema, response: { 200: RoundCoverageSchema } },
  }, async (request) => getRoundCoverage(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/rounds/:id/members', {
    config: { access: scoped(round, unitQuery) },
    schema: { tags, summary: 'Danh sách thành viên của đợt tại đơn vị và tình trạng (chỉ bí thư, cấp ủy cấp trên)', params: RoundIdParamsSchema, querystring: RoundMembersQuerySchema, response: { 200: RoundMembersSchema } },
  }, async (request) => findRoundMembers(request.params.id, request.query, readContext(ctx, request)));

  app.post('/api/rounds/:id/units/:unitId/send-up', {
    config: { access: scoped(round, { from: 'params', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Gửi kế hoạch cá nhân đã xác nhận (cam kết đã ký) lên cấp trên: hoàn thành nhiệm vụ của đơn vị', params: RoundUnitParamsSchema, body: SendUpSchema, response: { 200: SentUpSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => sendUp(request.params.id, request.params.unitId, request.body, s)));

  app.post('/api/rounds/:id/urge', {
    config: { access: scoped(round, { from: 'body', key: 'unit', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Đôn đốc những người chưa nộp kế hoạch cá nhân (chưa ký cam kết) trong đơn vị và cấp dưới', params: RoundIdParamsSchema, body: RoundUrgeSchema, response: { 200: RoundUrgedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => urgeRound(request.params.id, request.body, s)));

  app.get('/api/rounds/:id/plans/:personId', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Kế hoạch cá nhân của một thành viên: các phiên bản, việc cần sửa, tự đánh giá', params: RoundPersonParamsSchema, response: { 200: PersonalPlanViewSchema } },
  }, async (request) => getPersonalPlan(request.params.id, request.params.personId, readContext(ctx, request)));

  app.put('/api/rounds/:id/plans/:personId', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Lưu nháp kế hoạch cá nhân (thành viên, hoặc bí thư nhập thay)', params: RoundPersonParamsSchema, body: PlanSaveSchema, response: { 200: PlanSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => savePlan(request.params.id, request.params.personId, request.body, s)));

  app.post('/api/rounds/:id/plans/:personId/submit', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Nộp kế hoạch cá nhân cho chi bộ (quá hạn vẫn nhận, ghi nộp muộn)', params: RoundPersonParamsSchema, body: PlanSubmitSchema, response: { 200: PlanSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => submitPlan(request.params.id, request.params.personId, request.body, s)));

  app.post('/api/rounds/:id/plans/:personId/return', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Trả lại kế hoạch cá nhân kèm ý kiến', params: RoundPersonParamsSchema, body: PlanReturnSchema, response: { 200: PlanSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => returnPlan(request.params.id, request.params.personId, request.body, s)));

  app.post('/api/rounds/:id/plans/:personId/confirm', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Xác nhận kế hoạch cá nhân (không sửa được nữa)', params: RoundPersonParamsSchema, body: Empty, response: { 200: PlanSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => confirmPlan(request.params.id, request.params.personId, s)));

  app.post('/api/rounds/:id/plans/:personId/amend', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Lập bản điều chỉnh của kế hoạch đã xác nhận (giữ cả hai phiên bản)', params: RoundPersonParamsSchema, body: Empty, response: { 200: PlanSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => amendPlan(request.params.id, request.params.personId, s)));

  app.put('/api/rounds/:id/plans/:personId/look-back', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Tự đánh giá cuối năm từng nội dung (hoàn thành, một phần, chưa hoàn thành)', params: RoundPersonParamsSchema, body: LookBackSchema, response: { 200: PlanSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => saveLookBack(request.params.id, request.params.personId, request.body, s)));

  app.put('/api/rounds/:id/plans/:personId/look-back/comments', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Nhận xét của bí thư về từng nội dung', params: RoundPersonParamsSchema, body: LookBackCommentsSchema, response: { 200: PlanSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => saveLookBackComments(request.params.id, request.params.personId, request.body, s)));

  app.post('/api/obligation-instances/:id/round-figures', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'obligation_instance', action: 'write' }, { from: 'body', key: 'roundId', resource: 'round', action: 'read' }) },
    schema: { tags, summary: 'Điền sẵn số liệu báo cáo từ một đợt kế hoạch cá nhân, cam kết (lưu nháp, đơn vị còn sửa được)', params: RoundIdParamsSchema, body: RoundPrefillSchema, response: { 200: RoundPrefillResultSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => prefillReportFromRound(request.params.id, request.body.roundId, s)));

  app.post('/api/rounds/:id/pledges/:personId/sign', {
    config: { access: scoped(round) },
    schema: { tags, summary: 'Ký cam kết (thành viên), hoặc bí thư ghi nhận cam kết đã ký trên giấy', params: RoundPersonParamsSchema, body: PledgeSignSchema, response: { 200: PledgeSignedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => signPledge(request.params.id, request.params.personId, request.body, s)));
};

export default personalPlans;
