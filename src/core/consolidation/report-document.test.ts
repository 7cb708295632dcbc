import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { assertDocumentComplete, printedParts } from '../documents-out/model.ts';
import type { ReportForm } from '../reports/form.ts';
import { consolidate, type OwedReport } from './consolidate.ts';
import { effectiveFigures } from './draft.ts';
import { buildConsolidatedReport, figureSentence, reportingStatus } from './report-document.ts';

const FORM: ReportForm = {
  figures: [
    { key: 'total', label: 'Tổng số đảng viên', unit: 'người' },
    { key: 'studied', label: 'Số đảng viên được học tập', unit: 'người', of: 'total' },
  ],
  sections: [{ key: 'results', title: 'Kết quả học tập, quán triệt' }],
};
const units = [
  { id: 'k', parentId: null, name: 'Đảng ủy Khối' },
  { id: 'a', parentId: 'k', name: 'Đảng bộ Công an tỉnh' },
  { id: 'b', parentId: 'k', name: 'Đảng bộ Sở Y tế' },
  { id: 'c', parentId: 'k', name: 'Chi bộ Sở Tư pháp' },
  { id: 'e', parentId: 'k', name: 'Đảng bộ Bưu điện tỉnh' },
];
const r = (unitId: string, status: OwedReport['status'], o: Partial<OwedReport> = {}): OwedReport => ({
  unitId, instanceId: `i${unitId}`, status, dueDate: '2022-03-31' as IsoDate, firstSubmittedOn: status === 'pending' ? null : ('2022-03-30' as IsoDate), accepted: null, ...o,
});
const c = consolidate({
  rootId: 'k',
  units,
  form: FORM,
  today: '2022-04-18' as IsoDate,
  reports: [
    r('a', 'accepted', { firstSubmittedOn: '2022-04-02' as IsoDate, accepted: { submissionId: 'sa', version: 1, figures: { total: 3044, studied: 2909 }, narrative: { results: 'Đã học tập.' } } }),
    r('b', 'submitted'),
    r('c', 'returned'),
    r('e', 'pending'),
  ],
});

describe('the consolidated report as a document', () => {
  it('writes figures the Vietnamese way, a part over its whole with its share', () => {
    const figures = effectiveFigures(c, { overrides: [] });
    expect(figures.map((f) => figureSentence(f, figures))).toEqual(['Tổng số đảng viên: 3.044 người', 'Số đảng viên được học tập: 2.909/3.044 người, đạt 95,56%']);
    const none = effectiveFigures(consolidate({ rootId: 'k', units, form: FORM, today: '2022-04-18' as IsoDate, reports: [] }), { overrides: [] });
    expect(figureSentence(none[0]!, none)).toBe('Tổng số đảng viên: chưa có số liệu');
  });

  it('says who reported late, who awaits review, who was returned and who has not reported', () => {
    const blocks = reportingStatus(c);
    expect(blocks[0]).toEqual({ type: 'paragraph', text: 'Có 4 đơn vị phải báo cáo; 1 đơn vị đã báo cáo và được tiếp nhận, được đưa vào tổng hợp.' });
    expect(blocks[1]).toEqual({
      type: 'bullets',
      items: [
        'Báo cáo trễ hạn: Đảng bộ Công an tỉnh (trễ 2 ngày).',
        'Đã gửi, đang chờ tiếp nhận (chưa đưa vào tổng hợp): Đảng bộ Sở Y tế.',
        'Báo cáo bị trả lại, chưa gửi lại (chưa đưa vào tổng hợp): Chi bộ Sở Tư pháp.',
        'Chưa báo cáo: Đảng bộ Bưu điện tỉnh (quá hạn 18 ngày).',
      ],
    });
  });

  it('is a complete BÁO CÁO with the draft as edited and a table row per unit', () => {
    const doc = buildConsolidatedReport(
      { profile: 'party', issuer: { superior: ['ĐẢNG BỘ TỈNH TRÀ VINH'], body: ['ĐẢNG ỦY KHỐI'] }, number: '60-BC/ĐUK', place: 'Trà Vinh', date: '2022-04-18' as IsoDate },
      c,
      {
        title: 'Kết quả học tập',
        opening: 'Thực hiện Kế hoạch số 48-KH/ĐUK, Ban Thường vụ Đảng ủy Khối báo cáo như sau:',
        sections: [{ key: 'results', title: 'Kết quả học tập, quán triệt', text: '- Đảng bộ Công an tỉnh: Đã học tập.\n\nĐánh giá chung: tốt.' }],
        overrides: [],
        closing: '',
        recipients: ['Ban Tuyên giáo Tỉnh ủy', 'Lưu Văn phòng ĐUK'],
        signer: { capacity: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Minh' },
      },
    );
    expect(() => assertDocumentComplete(doc)).not.toThrow();
    expect(printedParts(doc)).toMatchObject({ kind: 'BÁO CÁO', number: 'Số 60-BC/ĐUK', signature: ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn Minh'] });
    const table = doc.body.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((row) => row[1])).toEqual(['Chi bộ Sở Tư pháp', 'Đảng bộ Bưu điện tỉnh', 'Đảng bộ Công an tỉnh', 'Đảng bộ Sở Y tế', { text: 'Tổng cộng', bold: true }]);
    // A unit whose report is not counted shows "—", never 0.
    expect(table?.type === 'table' && table.rows[0]![2]).toEqual({ text: '—', align: 'right', bold: false });
    expect(doc.body.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.text : ''))).toContain('Đánh giá chung: tốt.');
  });
});
