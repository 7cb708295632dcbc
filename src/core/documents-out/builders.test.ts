import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import type { DocumentHeader } from './issuer.ts';
import { assertDocumentComplete, printedParts, type Block } from './model.ts';
import { buildPlanDocument, planOpening, taskListRows } from './plan-document.ts';
import { buildUrgingLetter, MAX_NAMED_ADDRESSEES, urgingSummary } from './urging-letter.ts';

const header: DocumentHeader = {
  profile: 'party',
  issuer: { superior: ['ĐẢNG BỘ TỈNH TUYÊN QUANG'], body: ['ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP TỈNH'] },
  number: '48-KH/ĐUK',
  place: 'Tuyên Quang',
  date: '2022-03-11' as IsoDate,
};
const signature = { capacity: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ THƯỜNG TRỰC', name: 'Trần Việt Hùng' };
const texts = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'heading' || b.type === 'paragraph' ? [typeof b.text === 'string' ? b.text : b.text.map((s) => s.text).join('')] : b.type === 'bullets' ? b.items.map((i) => (typeof i === 'string' ? i : i.map((s) => s.text).join(''))) : []));

describe('the plan as a document', () => {
  const tasks = [
    { text: 'tổ chức hội nghị học tập, quán triệt.', lead: [], support: [], due: { type: 'month' as const, value: '2022-03' }, dueText: null, audience: 'Các chi, đảng bộ cơ sở' },
    { text: 'Hướng dẫn đội ngũ báo cáo viên', lead: ['Ban Tuyên giáo Đảng ủy Khối'], support: ['Văn phòng Đảng ủy Khối'], due: null, dueText: 'thường xuyên', audience: null },
  ];
  const doc = buildPlanDocument(header, {
    title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4 khóa XIII',
    implementsText: ['Kế hoạch số 161-KH/TU ngày 22/2/2022 của Ban Thường vụ Tỉnh ủy'],
    bodyName: 'Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh',
    tasks,
    obligations: [{ title: 'báo cáo kết quả học tập', toText: 'Ban Thường vụ Đảng ủy Khối', viaText: 'Ban Tuyên giáo Đảng ủy Khối', due: [{ type: 'date', value: '2022-03-31' as IsoDate }] }],
    recipients: ['Thường trực Tỉnh ủy (báo cáo)', 'Lưu Văn phòng ĐUK'],
    signature,
  });

  it('is a complete KẾ HOẠCH with the implementing sentence first', () => {
    expect(() => assertDocumentComplete(doc)).not.toThrow();
    expect(printedParts(doc)).toMatchObject({ kind: 'KẾ HOẠCH', number: 'Số 48-KH/ĐUK', dateLine: 'Tuyên Quang, ngày 11 tháng 3 năm 2022' });
    expect(texts(doc.body)[0]).toBe(
      'Thực hiện Kế hoạch số 161-KH/TU ngày 22/2/2022 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh xây dựng Kế hoạch thực hiện như sau:',
    );
    expect(planOpening({ implementsText: [], bodyName: 'Chi bộ Văn phòng' })).toBe('Chi bộ Văn phòng ban hành Kế hoạch với những nội dung sau:');
  });

  it('writes each task as a heading with who does it and when, then the reporting rules', () => {
    expect(texts(doc.body).slice(1)).toEqual([
      'NỘI DUNG, NHIỆM VỤ',
      'Tổ chức hội nghị học tập, quán triệt',
      'Thực hiện: Các chi, đảng bộ cơ sở.',
      'Thời gian: trong tháng 3/2022.',
      'Hướng dẫn đội ngũ báo cáo viên',
      'Chủ trì: Ban Tuyên giáo Đảng ủy Khối; phối hợp: Văn phòng Đảng ủy Khối.',
      'Thời gian: thường xuyên.',
      'CHẾ ĐỘ BÁO CÁO',
      'Báo cáo kết quả học tập gửi Ban Thường vụ Đảng ủy Khối (qua Ban Tuyên giáo Đảng ủy Khối) trước ngày 31/3/2022.',
      'TỔ CHỨC THỰC HIỆN',
      'Căn cứ Kế hoạch này, các đơn vị được giao nhiệm vụ xây dựng kế hoạch cụ thể, tổ chức thực hiện nghiêm túc, hiệu quả và báo cáo kết quả theo quy định.',
    ]);
  });

  it('lists the tasks for the phụ lục', () => {
    expect(taskListRows(tasks)).toEqual([
      ['1', 'tổ chức hội nghị học tập, quán triệt.', 'Các chi, đảng bộ cơ sở', '', 'trong tháng 3/2022'],
      ['2', 'Hướng dẫn đội ngũ báo cáo viên', 'Ban Tuyên giáo Đảng ủy Khối', 'Văn phòng Đảng ủy Khối', 'thường xuyên'],
    ]);
  });
});

describe('the urging letter', () => {
  const input = {
    obligationTitle: 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định',
    answers: 'Kế hoạch số 48-KH/ĐUK, ngày 11/3/2022 của Ban Thường vụ Đảng ủy Khối về học tập',
    bodyName: 'Ban Thường vụ Đảng ủy Khối',
    periodLabel: '31/03/2022',
    dueDate: '2022-03-31' as IsoDate,
    today: '2022-04-05' as IsoDate,
    respondBy: '2022-04-10' as IsoDate,
    toText: 'Ban Thường vụ Đảng ủy Khối',
    viaText: 'Ban Tuyên giáo Đảng ủy Khối',
    late: [{ unitName: 'Đảng bộ Sở Y tế', state: 'missing' as const, overdueDays: 5 }],
    recipients: ['Như Kính gửi', 'Lưu Văn phòng ĐUK'],
    signature,
  };

  it('is a công văn "V/v đôn đốc báo cáo …" to the late units, listing the days late', () => {
    const doc = buildUrgingLetter({ ...header, number: '07-CV/ĐUK' }, input);
    expect(() => assertDocumentComplete(doc)).not.toThrow();
    expect(printedParts(doc)).toMatchObject({ kind: null, summary: 'V/v đôn đốc báo cáo kết quả học tập, quán triệt Kết luận, Quy định', number: 'Số 07-CV/ĐUK' });
    expect(doc.addressees).toEqual(['Đảng bộ Sở Y tế']);
    const table = doc.body.find((b) => b.type === 'table');
    expect(table && table.type === 'table' && table.rows).toEqual([[{ text: '1', align: 'center' }, 'Đảng bộ Sở Y tế', 'Chưa gửi báo cáo', { count: 5 }]]);
    expect(texts(doc.body).at(-1)).toBe('Ban Thường vụ Đảng ủy Khối đề nghị các đơn vị nêu trên khẩn trương hoàn thành, gửi báo cáo về Ban Thường vụ Đảng ủy Khối (qua Ban Tuyên giáo Đảng ủy Khối) trước ngày 10/4/2022.');
  });

  it('addresses a long list as "the units listed below", and refuses an empty one', () => {
    const many = Array.from({ length: MAX_NAMED_ADDRESSEES + 1 }, (_, i) => ({ unitName: `Chi bộ ${i + 1}`, state: 'missing' as const, overdueDays: 1 }));
    expect(buildUrgingLetter(header, { ...input, late: many }).addressees).toEqual(['Các đơn vị có tên trong danh sách dưới đây']);
    expect(() => buildUrgingLetter(header, { ...input, late: [] })).toThrow(RangeError);
    expect(urgingSummary('Kết quả sinh hoạt chính trị')).toBe('đôn đốc báo cáo kết quả sinh hoạt chính trị');
  });
});
