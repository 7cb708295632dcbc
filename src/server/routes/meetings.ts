import { z, IdResponseSchema } from '#shared/common.ts';
import {
  AttendanceRosterSchema, AttendanceSaveSchema, CampaignCoverageQuerySchema, CampaignCoverageSchema, CampaignCreateSchema, CampaignIdParamsSchema,
  CampaignListQuerySchema, CampaignListSchema, CampaignUpdateSchema, CampaignViewSchema, CoverageQuerySchema, CoverageRollupSchema,
  MakeupCreateSchema, MeetingCreateSchema, MeetingDetailSchema, MeetingIdParamsSchema, MeetingListQuerySchema, MeetingListSchema,
  MeetingSavedSchema, MeetingUpdateSchema, ObserverCreateSchema, PrefillResultSchema, QualityQuerySchema, QualityReportSchema,
  RuleSetCreateSchema, RuleSetListQuerySchema, RuleSetListSchema, UpcomingMeetingsQuerySchema, UpcomingMeetingsSchema,
} from '#shared/meetings.ts';
import { UnitIdParamsSchema } from '#shared/units.ts';
import { idParam, scoped } from '../plugins/access.ts';
import type { ResourceRule } from '../plugins/access.ts';
import { createCampaign } from '../services/meetings/create-campaign.ts';
import { createMakeup } from '../services/meetings/create-makeup.ts';
import { createMeeting } from '../services/meetings/create-meeting.ts';
import { createRuleSet } from '../services/meetings/create-rule-set.ts';
import { findCampaigns } from '../services/meetings/find-campaigns.ts';
import { findMeetings } from '../services/meetings/find-meetings.ts';
import { findRapporteurs } from '../services/meetings/find-rapporteurs.ts';
import { findRuleSets } from '../services/meetings/find-rule-sets.ts';
import { findUpcomingMeetings } from '../services/meetings/find-upcoming-meetings.ts';
import { getAttendance } from '../services/meetings/get-attendance.ts';
import { getCampaignCoverage } from '../services/meetings/get-campaign-coverage.ts';
import { getCampaign } from '../services/meetings/get-campaign.ts';
import { getCoverageRollup } from '../services/meetings/get-coverage-rollup.ts';
import { getMeeting } from '../services/meetings/get-meeting.ts';
import { getQuality } from '../services/meetings/get-quality.ts';
import { prefillReport } from '../services/meetings/prefill-report.ts';
import { registerObserver } from '../services/meetings/register-observer.ts';
import { saveAttendance } from '../services/meetings/save-attendance.ts';
import { sendMeetingPlan } from '../services/meetings/send-meeting-plan.ts';
import { updateCampaign } from '../services/meetings/update-campaign.ts';
import { updateMeeting } from '../services/meetings/update-meeting.ts';
import type { RouteModule } from './context.ts';
import { inTransaction, readContext } from './tx.ts';

const tags = ['meetings'];
const meeting = (action: 'read' | 'write'): ResourceRule => idParam('meeting', action);
const campaign = (action: 'read' | 'write'): ResourceRule => idParam('campaign', action);
const unitParam = idParam('unit', 'read');
const unitQuery: ResourceRule = { from: 'query', key: 'unit', resource: 'unit', action: 'read' };

/**
 * Study sessions and cell meetings, attendance, make-up sessions, coverage and quality rolled up
 * the tree, the dated quality rule sets, and political-activity campaigns.
 */
const meetings: RouteModule = async (app, { ctx }) => {
  app.get('/api/units/:id/meetings', {
    config: { access: scoped(unitParam) },
    schema: { tags, summary: 'Hội nghị học tập, buổi sinh hoạt của đơn vị (mới nhất trước)', params: UnitIdParamsSchema, querystring: MeetingListQuerySchema, response: { 200: MeetingListSchema } },
  }, async (request) => findMeetings(request.params.id, request.query, readContext(ctx, request)));

  app.get('/api/units/:id/rapporteurs', {
    config: { access: scoped(unitParam) },
    schema: { tags, summary: 'Báo cáo viên của đơn vị và cấp trên (để chọn khi lập kế hoạch học tập)', params: UnitIdParamsSchema, response: { 200: z.object({ items: z.array(z.object({ personId: z.string(), name: z.string(), unitId: z.string(), unitName: z.string() })) }) } },
  }, async (request) => findRapporteurs(request.params.id, readContext(ctx, request)));

  app.post('/api/meetings', {
    config: { access: scoped({ from: 'body', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Lập kế hoạch hội nghị học tập, buổi sinh hoạt chi bộ (kèm cảnh báo thời hạn gửi cấp trên)', body: MeetingCreateSchema, response: { 201: MeetingSavedSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createMeeting(request.body, s));
    return reply.status(201).send(out);
  });

  app.get('/api/meetings/upcoming', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Hội nghị sắp diễn ra của các đơn vị cấp dưới', querystring: UpcomingMeetingsQuerySchema, response: { 200: UpcomingMeetingsSchema } },
  }, async (request) => findUpcomingMeetings(request.query, readContext(ctx, request)));

  app.get('/api/meetings/coverage', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Tỷ lệ cán bộ, đảng viên được học tập, tổng hợp theo cây tổ chức', querystring: CoverageQuerySchema, response: { 200: CoverageRollupSchema } },
  }, async (request) => getCoverageRollup(request.query, readContext(ctx, request)));

  app.get('/api/meetings/quality', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Chất lượng sinh hoạt chi bộ theo tiêu chí có hiệu lực, từng chi bộ và tổng hợp', querystring: QualityQuerySchema, response: { 200: QualityReportSchema } },
  }, async (request) => getQuality(request.query, readContext(ctx, request)));

  app.get('/api/meetings/:id', {
    config: { access: scoped(meeting('read')) },
    schema: { tags, summary: 'Một hội nghị, buổi sinh hoạt: tài liệu, học bù, tỷ lệ học tập, chất lượng', params: MeetingIdParamsSchema, response: { 200: MeetingDetailSchema } },
  }, async (request) => getMeeting(request.params.id, readContext(ctx, request)));

  app.patch('/api/meetings/:id', {
    config: { access: scoped(meeting('write')) },
    schema: { tags, summary: 'Sửa kế hoạch hoặc ghi kết quả (đã tổ chức, thời lượng, nội dung, biên bản), hủy', params: MeetingIdParamsSchema, body: MeetingUpdateSchema, response: { 200: MeetingSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => updateMeeting(request.params.id, request.body, s)));

  app.post('/api/meetings/:id/send', {
    config: { access: scoped(meeting('write')) },
    schema: { tags, summary: 'Gửi kế hoạch tổ chức hội nghị lên cấp trên (cảnh báo khi gửi muộn)', params: MeetingIdParamsSchema, response: { 200: MeetingSavedSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => sendMeetingPlan(request.params.id, s)));

  app.get('/api/meetings/:id/attendance', {
    config: { access: scoped(meeting('read')) },
    schema: { tags, summary: 'Danh sách điểm danh: thành viên phải dự, có mặt, vắng có lý do, vắng', params: MeetingIdParamsSchema, response: { 200: AttendanceRosterSchema } },
  }, async (request) => getAttendance(request.params.id, readContext(ctx, request)));

  app.put('/api/meetings/:id/attendance', {
    config: { access: scoped(meeting('write')) },
    schema: { tags, summary: 'Điểm danh (có mặt, vắng có lý do, vắng, tự học)', params: MeetingIdParamsSchema, body: AttendanceSaveSchema, response: { 200: AttendanceRosterSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => saveAttendance(request.params.id, request.body, s)));

  app.post('/api/meetings/:id/makeup', {
    config: { access: scoped(meeting('write')) },
    schema: { tags, summary: 'Tổ chức học bù cho người vắng', params: MeetingIdParamsSchema, body: MakeupCreateSchema, response: { 201: MeetingSavedSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createMakeup(request.params.id, request.body, s));
    return reply.status(201).send(out);
  });

  app.post('/api/meetings/:id/observers', {
    // The session is read from above; registering is the observing unit's work, so it needs `write` there.
    config: { access: scoped(meeting('read'), { from: 'body', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Cấp trên đăng ký dự hoặc giám sát hội nghị', params: MeetingIdParamsSchema, body: ObserverCreateSchema, response: { 200: MeetingDetailSchema.shape.observers } },
  }, async (request) => inTransaction(ctx, request, (s) => registerObserver(request.params.id, request.body, s)));

  app.post('/api/obligation-instances/:id/meeting-figures', {
    config: { access: scoped({ from: 'params', key: 'id', resource: 'obligation_instance', action: 'write' }) },
    schema: { tags, summary: 'Điền sẵn số liệu báo cáo từ các hội nghị học tập đã tổ chức (lưu nháp, đơn vị còn sửa được)', params: MeetingIdParamsSchema, response: { 200: PrefillResultSchema } },
  }, async (request) => inTransaction(ctx, request, (s) => prefillReport(request.params.id, s)));

  app.get('/api/meeting-rules', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Các bộ tiêu chí chất lượng sinh hoạt chi bộ áp dụng cho đơn vị, theo thời gian hiệu lực', querystring: RuleSetListQuerySchema, response: { 200: RuleSetListSchema } },
  }, async (request) => findRuleSets(request.query.unit, readContext(ctx, request)));

  app.post('/api/meeting-rules', {
    // NOTE: without `unitId` a national rule: the service lets only administrators add it.
    config: { access: scoped({ from: 'body', key: 'unitId', resource: 'unit', action: 'manage_units', optional: true }) },
    schema: { tags, summary: 'Thêm bộ tiêu chí theo quy định mới: toàn quốc (quản trị) hoặc hướng dẫn của cấp ủy cho cấp dưới', body: RuleSetCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createRuleSet(request.body, s));
    return reply.status(201).send(out);
  });

  app.get('/api/campaigns', {
    config: { access: scoped(unitQuery) },
    schema: { tags, summary: 'Các đợt sinh hoạt chính trị đơn vị tham gia hoặc tổ chức', querystring: CampaignListQuerySchema, response: { 200: CampaignListSchema } },
  }, async (request) => findCampaigns(request.query.unit, readContext(ctx, request)));

  app.post('/api/campaigns', {
    config: { access: scoped({ from: 'body', key: 'unitId', resource: 'unit', action: 'write' }) },
    schema: { tags, summary: 'Xây dựng đợt sinh hoạt chính trị: các tháng, văn bản và chủ đề từng tháng', body: CampaignCreateSchema, response: { 201: IdResponseSchema } },
  }, async (request, reply) => {
    const out = await inTransaction(ctx, request, (s) => createCampaign(request.body, s));
    return reply.status(201).send(out);
  });

  app.get('/api/campaigns/:id', {
    config: { access: scoped(campaign('read')) },
    schema: { tags, summary: 'Một đợt sinh hoạt chính trị: văn bản, chủ đề từng tháng', params: CampaignIdParamsSchema, response: { 200: CampaignViewSchema } },
  }, async (request) => getCampaign(request.params.id, readContext(ctx, request)));

  app.put('/api/campaigns/:id', {
    config: { access: scoped(campaign('write')) },
    schema: { tags, summary: 'Sửa đợt sinh hoạt chính trị (các tháng, văn bản, chủ đề)', params: CampaignIdParamsSchema, body: CampaignUpdateSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await inTransaction(ctx, request, (s) => updateCampaign(request.params.id, request.body, s));
    return reply.status(204).send(null);
  });

  app.get('/api/campaigns/:id/coverage', {
    config: { access: scoped(campaign('read'), { ...unitQuery, optional: true }) },
    schema: { tags, summary: 'Chi bộ nào đã sinh hoạt nội dung của tháng nào', params: CampaignIdParamsSchema, querystring: CampaignCoverageQuerySchema, response: { 200: CampaignCoverageSchema } },
  }, async (request) => getCampaignCoverage(request.params.id, request.query, readContext(ctx, request)));
};
export default meetings;
