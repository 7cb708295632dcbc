import { describe, expect, it } from 'vitest';
import type { PlanView } from '#shared/plans.ts';
import { PlanDraftSchema } from '#shared/plans.ts';
import {
  applyProposals, draftFromForm, emptyFigure, emptyObligation, emptyPlan, emptyTask, fillNames, formFromView, keyFromLabel, parseDays, proposalsByText, settled,
  suggestedUnits, unnamedUnitIds,
} from './plan-form.ts';

const BLOC = { id: '0b7d2a5e-5d2a-4f27-9d3c-2b1f0e4c6a11', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh' };
const BTG = { id: '7c1e9f40-3a5b-4c8d-9e2f-6a7b8c9d0e12', name: 'Ban Tuyên giáo Đảng ủy Khối' };

describe('figure keys from labels', () => {
  it('folds diacritics and joins words, keeping keys unique', () => {
    expect(keyFromLabel('Số đảng viên được học tập', new Set(), 'chi_tieu')).toBe('so_dang_vien_duoc_hoc_tap');
    expect(keyFromLabel('Tổng số', new Set(['tong_so']), 'chi_tieu')).toBe('tong_so_2');
    expect(keyFromLabel('2. Số cuộc', new Set(), 'chi_tieu')).toBe('chi_tieu_2_so_cuoc');
    expect(keyFromLabel('   ', new Set(), 'muc')).toBe('muc');
  });
});

describe('the plan editor model', () => {
  function seed001() {
    const form = emptyPlan(BLOC);
    form.number = '48-KH/ĐUK';
    form.title = 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4 khóa XIII';
    form.reminderDays = '1, 7, 7';
    const task = emptyTask();
    task.text = 'Tổ chức học tập, quán triệt';
    task.due = { type: 'quarter', value: '2022-Q1' };
    task.lead = [BTG];
    task.responsible = 'Đồng chí bí thư cấp ủy';
    const report = emptyObligation(BLOC);
    report.title = 'Báo cáo kết quả học tập, quán triệt';
    report.via = BTG;
    report.due = [{ type: 'recurring', value: { every: 'quarter', from: null } }];
    const whole = emptyFigure('Tổng số đảng viên');
    const part = { ...emptyFigure('Số đảng viên được học tập'), ofUid: whole.uid };
    report.figures = [part, whole];
    form.tasks = [task];
    form.obligations = [report];
    return form;
  }

  it('gives a draft the shared schema accepts, with "of" pointing at the whole\'s key', () => {
    const draft = PlanDraftSchema.parse(draftFromForm(seed001()));
    expect(draft.reminderDays).toEqual([7, 1]);
    expect(draft.tasks[0]).toMatchObject({ leadUnitIds: [BTG.id], leadText: [BTG.name], responsible: 'Đồng chí bí thư cấp ủy', audience: { scope: 'grassroots' } });
    expect(draft.obligations[0]).toMatchObject({ toUnitId: BLOC.id, toText: BLOC.name, viaUnitId: BTG.id, viaText: BTG.name });
    expect(draft.obligations[0]!.form.figures).toEqual([
      { key: 'so_dang_vien_duoc_hoc_tap', label: 'Số đảng viên được học tập', unit: null, of: 'tong_so_dang_vien' },
      { key: 'tong_so_dang_vien', label: 'Tổng số đảng viên', unit: null, of: null },
    ]);
  });

  it('keeps stored keys and the "of" link when a saved figure is renamed', () => {
    const view = {
      id: 'p', unitId: BLOC.id, unitName: BLOC.name, number: null, title: 'Kế hoạch', issuedOn: null, status: 'draft', confidentiality: 'normal',
      parentPlanId: null, parentPlan: null, implements: [], recipients: ['Các chi, đảng bộ cơ sở'], reminderDays: [7, 1], sessionNoticeDays: null,
      publishedAt: null, createdAt: '2022-03-01T00:00:00Z', audienceCount: 0, accessUserIds: [], cancellation: null, permissions: { edit: true, publish: true, delete: true, cancel: false },
      tasks: [
        {
          id: 't1', ord: 1, text: 'Việc', kind: 'task', leadUnitIds: [BTG.id, BLOC.id], supportUnitIds: [], leadText: ['Ban Tuyên giáo'], supportText: [],
          due: null, dueText: null, audience: { scope: 'units', unitIds: [BTG.id] }, responsible: null, responsibility: null, authority: null, output: null,
          parentTaskId: null,
        },
      ],
      obligations: [
        {
          id: 'o1', ord: 1, title: 'Báo cáo', fromText: null, toText: null, viaText: null, toUnitId: null, viaUnitId: null, due: [], cutoffDay: 25,
          audience: { scope: 'grassroots' },
          form: { figures: [{ key: 'tong', label: 'Tổng', unit: 'người', of: null }, { key: 'hoc', label: 'Học', unit: null, of: 'tong' }], sections: [] },
        },
      ],
    } satisfies PlanView;
    const form = formFromView(view);
    form.obligations[0]!.figures[0]!.label = 'Tổng số đảng viên của chi bộ';
    const draft = draftFromForm(form);
    expect(draft.obligations[0]!.form.figures.map((f) => [f.key, f.of])).toEqual([
      ['tong', null],
      ['hoc', 'tong'],
    ]);
    expect(draft.recipients).toEqual(['Các chi, đảng bộ cơ sở']);
    expect(draft.obligations[0]!.cutoffDay).toBe(25);
    // Lead names that do not pair with the ids are looked up, then written from the units.
    expect(unnamedUnitIds(form).sort()).toEqual([BLOC.id, BTG.id].sort());
    const named = fillNames(form, new Map([[BTG.id, BTG.name], [BLOC.id, BLOC.name]]));
    expect(draftFromForm(named).tasks[0]!.leadText).toEqual([BTG.name, BLOC.name]);
    expect(draftFromForm(named).tasks[0]!.audience).toEqual({ scope: 'units', unitIds: [BTG.id] });
  });

  it('a draft without title or task text is refused on the fields that need them', () => {
    const form = emptyPlan(BLOC);
    form.tasks = [emptyTask()];
    const parsed = PlanDraftSchema.safeParse(draftFromForm(form));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'tasks.0.text']));
  });

  it('reads reminder days typed in any order', () => {
    expect(parseDays('1, 7')).toEqual([7, 1]);
    expect(parseDays('')).toEqual([]);
  });
});

describe('units proposed from the document\'s names', () => {
  const PROVINCE = { id: '3f0c1b2a-9d8e-4f7a-8b6c-5d4e3f2a1b10', name: 'Tỉnh ủy Tuyên Quang' };
  const BTC = { id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c13', name: 'Ban Tổ chức' };
  const proposals = proposalsByText({
    names: [
      { text: 'Ban Tuyên giáo Đảng ủy Khối', selected: [BTG], exact: true, matches: [{ ...BTG, strength: 'exact', relation: 'below' }] },
      { text: 'Ban Thường vụ Tỉnh ủy', selected: [PROVINCE], exact: false, matches: [{ ...PROVINCE, strength: 'strong', relation: 'above' }] },
      { text: 'Ban Tổ chức Sở', selected: [], exact: false, matches: [{ ...BTC, strength: 'weak', relation: 'below' }, { ...BTG, strength: 'weak', relation: 'below' }] },
    ],
  });

  function drafted() {
    const form = emptyPlan(BLOC);
    const task = { ...emptyTask(), text: 'Hướng dẫn báo cáo viên', leadText: ['Ban Tuyên giáo Đảng ủy Khối'], supportText: ['Ban Tổ chức Sở'] };
    const chosen = { ...emptyTask(), text: 'Việc đã chọn đơn vị', lead: [BLOC], leadText: ['Ban Tuyên giáo Đảng ủy Khối'] };
    const report = { ...emptyObligation(null), title: 'Báo cáo kết quả', toText: 'Ban Thường vụ Tỉnh ủy', viaText: 'Ban Tuyên giáo Tỉnh ủy' };
    return { ...form, title: 'Kế hoạch 48-KH/ĐUK', tasks: [task, chosen], obligations: [report] };
  }

  it('pre-selects the proposed units where none is chosen, marked proposed, and leaves chosen ones alone', () => {
    const form = applyProposals(drafted(), proposals);
    expect(form.tasks[0]).toMatchObject({ lead: [BTG], support: [], proposed: ['lead'] });
    expect(form.tasks[1]).toMatchObject({ lead: [BLOC], proposed: [] });
    expect(form.obligations[0]).toMatchObject({ to: PROVINCE, via: null, proposed: ['to'] });
    const same = drafted();
    expect(applyProposals(same, new Map())).toBe(same);
    // Applying twice changes nothing more.
    expect(applyProposals(form, proposals)).toEqual(form);
  });

  it('offers the matches of a name without a sure one as suggestions', () => {
    expect(suggestedUnits(['Ban Tổ chức Sở'], proposals)).toEqual([BTC, BTG]);
    expect(suggestedUnits(['Ban Tổ chức Sở', 'Ban Tuyên giáo Đảng ủy Khối'], proposals, 2)).toEqual([BTC, BTG]);
    expect(suggestedUnits(['Không có'], proposals)).toEqual([]);
  });

  it('drops the mark once confirmed or changed, and saves the units with their names', () => {
    const form = applyProposals(drafted(), proposals);
    const confirmed = settled(form.tasks[0]!, 'lead');
    expect(confirmed.proposed).toEqual([]);
    expect(settled(confirmed, 'lead')).toBe(confirmed);
    const draft = PlanDraftSchema.parse(draftFromForm(form));
    expect(draft.tasks[0]).toMatchObject({ leadUnitIds: [BTG.id], leadText: [BTG.name], supportUnitIds: [], supportText: ['Ban Tổ chức Sở'] });
    expect(draft.obligations[0]).toMatchObject({ toUnitId: PROVINCE.id, toText: PROVINCE.name, viaUnitId: null, viaText: 'Ban Tuyên giáo Tỉnh ủy' });
  });

  it('keeps the document\'s recipient of a report while no unit is chosen, through a save and a reload', () => {
    const draft = draftFromForm(drafted());
    expect(draft.obligations[0]).toMatchObject({ toUnitId: null, toText: 'Ban Thường vụ Tỉnh ủy', viaText: 'Ban Tuyên giáo Tỉnh ủy' });
  });
});
