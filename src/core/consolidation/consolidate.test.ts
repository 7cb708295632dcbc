import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IsoDate } from '../ids.ts';
import type { ReportForm } from '../reports/form.ts';
import type { OwedReport, StoredInstanceStatus, SubtreeUnit } from './consolidate.ts';
import { consolidate, reportState, unitsToUrge } from './consolidate.ts';
import { defaultDraft, effectiveFigures, fitDraft, reportTitle } from './draft.ts';

const FORM: ReportForm = {
  figures: [
    { key: 'total', label: 'Tổng số đảng viên', unit: 'người' },
    { key: 'studied', label: 'Số đảng viên được học tập', unit: 'người', of: 'total' },
  ],
  sections: [
    { key: 'results', title: 'Kết quả học tập, quán triệt' },
    { key: 'proposals', title: 'Kiến nghị, đề xuất' },
  ],
};
const TODAY = '2022-03-20' as IsoDate;
const d = (s: string) => s as IsoDate;

function report(unitId: string, status: StoredInstanceStatus, o: { figures?: Record<string, number | null>; narrative?: Record<string, string>; due?: string | null; on?: string | null; version?: number } = {}): OwedReport {
  const submitted = status === 'submitted' || status === 'accepted' || status === 'returned';
  return {
    unitId,
    instanceId: `i-${unitId}`,
    status,
    dueDate: o.due === undefined ? d('2022-03-31') : (o.due as IsoDate | null),
    firstSubmittedOn: o.on === undefined ? (submitted ? d('2022-03-10') : null) : (o.on as IsoDate | null),
    accepted: status === 'accepted' ? { submissionId: `s-${unitId}`, version: o.version ?? 1, figures: o.figures ?? {}, narrative: o.narrative ?? {} } : null,
  };
}

// bloc → G (grassroots, with cells c1, c2), C3 (grassroots cell), dept (department, owes nothing) → its sub-unit x
const UNITS: SubtreeUnit[] = [
  { id: 'bloc', parentId: null, name: 'Đảng ủy Khối' },
  { id: 'G', parentId: 'bloc', name: 'Đảng bộ Sở Tài chính' },
  { id: 'c1', parentId: 'G', name: 'Chi bộ Văn phòng' },
  { id: 'c2', parentId: 'G', name: 'Chi bộ Thanh tra' },
  { id: 'C3', parentId: 'bloc', name: 'Chi bộ Sở Tư pháp' },
  { id: 'dept', parentId: 'bloc', name: 'Ban Tuyên giáo' },
  { id: 'x', parentId: 'dept', name: 'Chi bộ Ban Tuyên giáo' },
];

describe('consolidate', () => {
  it('sums the accepted reports of the topmost reporting units and traces each figure to its submission and version', () => {
    const c = consolidate({
      rootId: 'bloc',
      units: UNITS,
      form: FORM,
      today: TODAY,
      reports: [
        report('G', 'accepted', { figures: { total: 40, studied: 38 }, narrative: { results: 'Đảng bộ đã học tập.' }, version: 2 }),
        // The cells of G reported to G: G's report stands for them, they are not counted again.
        report('c1', 'accepted', { figures: { total: 20, studied: 20 } }),
        report('c2', 'accepted', { figures: { total: 20, studied: 18 } }),
        report('C3', 'submitted', { figures: { total: 9, studied: 9 } }),
        report('x', 'pending'),
      ],
    });
    expect(c.reports.map((r) => [r.unitId, r.state, r.counted])).toEqual([
      ['x', 'not_due', false],
      ['C3', 'awaiting_review', false],
      ['G', 'accepted', true],
    ]);
    const total = c.figures.find((f) => f.key === 'total')!;
    expect(total.total).toBe(40);
    expect(total.sources).toEqual([{ unitId: 'G', unitName: 'Đảng bộ Sở Tài chính', submissionId: 's-G', version: 2, value: 40 }]);
    expect(c.children.map((ch) => [ch.name, ch.expected, ch.counted, ch.figures.total])).toEqual([
      ['Ban Tuyên giáo', 1, 0, null],
      ['Chi bộ Sở Tư pháp', 1, 0, null],
      ['Đảng bộ Sở Tài chính', 1, 1, 40],
    ]);
    expect(c.sections[0]!.parts).toEqual([{ unitId: 'G', unitName: 'Đảng bộ Sở Tài chính', submissionId: 's-G', version: 2, text: 'Đảng bộ đã học tập.' }]);
    expect(c.summary).toEqual({ expected: 3, counted: 1, awaitingReview: 1, returned: 0, missing: 0, notDue: 1, late: 0 });
    expect(c.basis).toEqual(['s-G@2']);
  });

  it("takes the cells when their grassroots organisation owes nothing, and leaves out the root's own report", () => {
    const c = consolidate({
      rootId: 'G',
      units: UNITS,
      form: FORM,
      today: TODAY,
      reports: [report('G', 'accepted', { figures: { total: 1, studied: 1 } }), report('c1', 'accepted', { figures: { total: 20, studied: 19 } }), report('c2', 'pending', { due: '2022-03-15' })],
    });
    expect(c.figures.map((f) => f.total)).toEqual([20, 19]);
    expect(c.reports.find((r) => r.unitId === 'c2')).toMatchObject({ state: 'missing', counted: false, late: true, daysLate: 5 });
    expect(unitsToUrge(c, TODAY).map((r) => [r.unitId, r.overdueDays])).toEqual([['c2', 5]]);
  });

  it('never prints a figure nobody reported as 0', () => {
    const c = consolidate({ rootId: 'G', units: UNITS, form: FORM, today: TODAY, reports: [report('c1', 'returned'), report('c2', 'draft')] });
    expect(c.figures.map((f) => f.total)).toEqual([null, null]);
    expect(c.children.every((ch) => ch.figures.total === null)).toBe(true);
  });

  it('judges lateness on the first submission', () => {
    expect(reportState(report('a', 'returned'), TODAY)).toBe('returned');
    const late = consolidate({ rootId: 'G', units: UNITS, form: FORM, today: TODAY, reports: [report('c1', 'accepted', { due: '2022-03-05', on: '2022-03-08', figures: { total: 3, studied: 3 } })] });
    expect(late.reports[0]).toMatchObject({ late: true, daysLate: 3, counted: true });
    expect(late.summary.late).toBe(1);
  });

  it('drafts the sections from the passages and keeps overrides with their notes', () => {
    const c = consolidate({
      rootId: 'G',
      units: UNITS,
      form: FORM,
      today: TODAY,
      reports: [report('c1', 'accepted', { figures: { total: 20, studied: 19 }, narrative: { results: 'Học tập đầy đủ.', proposals: '' } })],
    });
    const draft = defaultDraft(c, {
      obligationTitle: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định',
      period: { key: '2022-03-31', label: '31/03/2022' },
      periodCount: 1,
      answers: 'Kế hoạch số 48-KH/ĐUK, ngày 11/3/2022 của Ban Thường vụ Đảng ủy Khối',
      bodyName: 'Đảng ủy Sở Tài chính',
      recipients: ['Ban Thường vụ Đảng ủy Khối (báo cáo)', 'Lưu hồ sơ'],
      signature: { capacity: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: 'Nguyễn Văn An' },
    });
    expect(draft.title).toBe('Kết quả học tập, quán triệt Kết luận, Quy định');
    expect(draft.opening).toBe('Thực hiện Kế hoạch số 48-KH/ĐUK, ngày 11/3/2022 của Ban Thường vụ Đảng ủy Khối, Đảng ủy Sở Tài chính báo cáo kết quả như sau:');
    expect(draft.sections).toEqual([
      { key: 'results', title: 'Kết quả học tập, quán triệt', text: '- Chi bộ Văn phòng: Học tập đầy đủ.' },
      { key: 'proposals', title: 'Kiến nghị, đề xuất', text: '' },
    ]);
    const edited = { ...draft, sections: [{ key: 'results', title: 'x', text: 'Đã sửa' }, { key: 'gone', title: 'y', text: 'z' }], overrides: [{ key: 'total', value: 21, note: 'Thêm 1 đảng viên chuyển đến' }, { key: 'gone', value: 1, note: 'n' }] };
    const fitted = fitDraft(edited, c);
    expect(fitted.sections.map((s) => [s.key, s.text])).toEqual([['results', 'Đã sửa'], ['proposals', '']]);
    expect(fitted.overrides).toHaveLength(1);
    const eff = effectiveFigures(c, fitted);
    expect(eff.map((f) => [f.key, f.total, f.value, f.overridden, f.note])).toEqual([
      ['total', 20, 21, true, 'Thêm 1 đảng viên chuyển đến'],
      ['studied', 19, 19, false, null],
    ]);
  });

  it('names the period in the title when the obligation has several', () => {
    expect(reportTitle('Báo cáo kết quả đợt sinh hoạt chính trị', { key: '2022-05-30', label: '30/05/2022' }, 2)).toBe('Kết quả đợt sinh hoạt chính trị (kỳ báo cáo ngày 30/05/2022)');
    expect(reportTitle('Báo cáo công tác tuyên giáo', { key: '2022-Q1', label: 'Quý I/2022' }, 4)).toBe('Công tác tuyên giáo quý I/2022');
  });
});

// ---- property: on random trees and reports ----

const STATUSES: StoredInstanceStatus[] = ['pending', 'draft', 'submitted', 'returned', 'accepted'];
const DATES = ['2022-03-01', '2022-03-15', '2022-03-31', '2022-04-10'];
const figureArb = fc.option(fc.nat({ max: 5_000 }), { nil: null });
const reportArb = fc.option(
  fc.record({
    status: fc.constantFrom(...STATUSES),
    due: fc.option(fc.constantFrom(...DATES), { nil: null }),
    on: fc.constantFrom(...DATES),
    total: figureArb,
    studied: figureArb,
    text: fc.constantFrom('', 'Đã học tập.', 'Tổ chức tọa đàm.'),
    version: fc.integer({ min: 1, max: 4 }),
  }),
  { nil: null },
);
const worldArb = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    parents: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    reports: fc.array(reportArb, { minLength: n, maxLength: n }),
    root: fc.nat({ max: n - 1 }),
  }),
);

describe('consolidate, on random trees', () => {
  it('sums exactly the accepted reports of the topmost reporting units, lists every other one, never counts one as zero', () => {
    fc.assert(
      fc.property(worldArb, ({ parents, reports: specs, root: rootIndex }) => {
        const n = parents.length;
        const units: SubtreeUnit[] = Array.from({ length: n }, (_, i) => ({
          id: `u${i}`,
          parentId: i === 0 ? null : `u${parents[i]! % i}`,
          name: `Đơn vị ${String(i).padStart(2, '0')}`,
        }));
        const owed: OwedReport[] = specs.flatMap((s, i) => {
          if (!s) return [];
          const submitted = s.status === 'submitted' || s.status === 'accepted' || s.status === 'returned';
          return [{
            unitId: `u${i}`,
            instanceId: `i${i}`,
            status: s.status,
            dueDate: s.due as IsoDate | null,
            firstSubmittedOn: submitted ? (s.on as IsoDate) : null,
            accepted: s.status === 'accepted' ? { submissionId: `s${i}`, version: s.version, figures: { total: s.total, studied: s.studied }, narrative: { results: s.text } } : null,
          }];
        });
        const rootId = `u${rootIndex}`;
        const c = consolidate({ rootId, units, reports: owed, form: FORM, today: TODAY });

        // Reference, computed independently: the ancestors of every unit, then the topmost reporting units below the root.
        const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
        const ancestors = (id: string) => {
          const out: string[] = [];
          for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) out.push(p);
          return out;
        };
        const owes = new Map(owed.map((r) => [r.unitId, r]));
        const frontier = units
          .filter((u) => u.id !== rootId && owes.has(u.id))
          .filter((u) => {
            const up = ancestors(u.id);
            const at = up.indexOf(rootId);
            return at >= 0 && up.slice(0, at).every((a) => !owes.has(a));
          })
          .map((u) => u.id);

        expect(new Set(c.reports.map((r) => r.unitId))).toEqual(new Set(frontier));
        expect(c.reports).toHaveLength(frontier.length);
        const accepted = frontier.filter((id) => owes.get(id)!.status === 'accepted');
        for (const key of ['total', 'studied'] as const) {
          const values = accepted.map((id) => owes.get(id)!.accepted!.figures[key]).filter((v): v is number => typeof v === 'number');
          const f = c.figures.find((x) => x.key === key)!;
          // The sum of the accepted reports; null (not 0) when no accepted report gave the figure.
          expect(f.total).toBe(values.length > 0 ? values.reduce((a, b) => a + b, 0) : null);
          expect(f.sources.map((s) => s.unitId).sort()).toEqual(accepted.filter((id) => typeof owes.get(id)!.accepted!.figures[key] === 'number').sort());
          for (const s of f.sources) expect(s).toMatchObject({ submissionId: `s${s.unitId.slice(1)}`, version: owes.get(s.unitId)!.accepted!.version });
          // The rows per direct child add up to the total.
          const rows = c.children.map((ch) => ch.figures[key]).filter((v): v is number => typeof v === 'number');
          expect(rows.length > 0 ? rows.reduce((a, b) => a + b, 0) : null).toBe(f.total);
        }
        // Every unit that did not report (or whose report is not accepted) is listed, with its state, and is not counted.
        for (const id of frontier.filter((x) => !accepted.includes(x))) {
          const r = c.reports.find((x) => x.unitId === id)!;
          expect(r.counted).toBe(false);
          expect(r.source).toBeNull();
          expect(r.state).not.toBe('accepted');
          for (const f of c.figures) expect(f.sources.some((s) => s.unitId === id)).toBe(false);
        }
        expect(c.summary.counted).toBe(accepted.length);
        expect(c.summary.counted + c.summary.awaitingReview + c.summary.returned + c.summary.missing + c.summary.notDue).toBe(frontier.length);
        expect(c.sections[0]!.parts.every((p) => accepted.includes(p.unitId))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
