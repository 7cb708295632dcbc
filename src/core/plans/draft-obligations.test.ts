import { describe, expect, it } from 'vitest';
import type { Due } from '../deadline/types.ts';
import type { PlanDraftObligation } from '../extract/plan-draft.ts';
import { buildUnitNameIndex } from '../org-tree/match-unit-names.ts';
import { assignDraftObligations } from './draft-obligations.ts';

const index = buildUnitNameIndex('duk', [
  { id: 'tu', name: 'Tỉnh ủy Trà Vinh', parentId: null },
  { id: 'duk', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', parentId: 'tu' },
  { id: 'btg', name: 'Ban Tuyên giáo Đảng ủy Khối', parentId: 'duk' },
  { id: 'btc', name: 'Ban Tổ chức', parentId: 'duk' },
  { id: 'g1', name: 'Đảng bộ Sở Tư pháp', parentId: 'duk' },
]);

const date = (value: string): Due => ({ type: 'date', value } as Due);
let n = 0;
function ob(fromText: string | null, toText: string, viaText: string | null, due: Due[], title = `Báo cáo gửi ${toText}`): PlanDraftObligation {
  n += 1;
  return { ord: n, title, fromText, toText, viaText, due, sourceStart: null, sourceEnd: null };
}

describe('assignDraftObligations', () => {
  it('makes a report to a body above the plan unit its own, addressed to that body only', () => {
    const out = assignDraftObligations('', [
      ob('Ban Thường vụ Đảng ủy Khối', 'Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', [date('2022-03-31')], 'Báo cáo kết quả học tập'),
      ob('Ban Tuyên giáo Đảng ủy Khối', 'Ban Thường vụ Đảng ủy Khối, Ban Tuyên giáo Tỉnh ủy', null, [date('2022-06-30')]),
      ob('Các chi, đảng bộ cơ sở', 'Thành ủy', null, [date('2022-06-30')], 'Báo cáo kết quả'),
    ], index);
    expect(out.map((o) => [o.audience, o.toText, o.viaText])).toEqual([
      [{ scope: 'self' }, 'Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy'],
      [{ scope: 'self' }, 'Ban Tuyên giáo Tỉnh ủy', null],
      [{ scope: 'self' }, 'Thành ủy', null],
    ]);
    expect(out[1]!.title).toBe('Báo cáo gửi Ban Tuyên giáo Tỉnh ủy');
  });

  it('leaves a report to the plan unit or below it to its audience: the departments named exactly, else the grassroots', () => {
    const out = assignDraftObligations('', [
      ob('Các chi, đảng bộ cơ sở', 'Ban Thường vụ Đảng ủy Khối', 'Ban Tuyên giáo Đảng ủy Khối', [date('2022-03-31')], 'Báo cáo kết quả học tập'),
      ob('Ban Tuyên giáo Đảng ủy Khối', 'Ban Thường vụ Đảng ủy Khối', null, []),
      ob('BTC ĐUK', 'Đảng ủy Khối', null, [date('2022-04-30')], 'Báo cáo kết quả kiểm tra'),
      ob('Ban Thường vụ Đảng ủy Khối', 'Văn phòng Đảng ủy Khối', null, [date('2022-04-30')], 'Báo cáo kết quả kiểm tra'),
      ob('Các đảng ủy cơ sở', 'cấp có thẩm quyền', null, [{ type: 'recurring', value: { every: 'year', from: null } } as Due], 'Báo cáo kết quả'),
    ], index);
    expect(out.map((o) => o.audience)).toEqual([
      { scope: 'grassroots' },
      { scope: 'units', unitIds: ['btg'] },
      { scope: 'units', unitIds: ['btc'] },
      { scope: 'grassroots' },
      { scope: 'grassroots' },
    ]);
    expect(out.map((o) => o.toText)).toEqual(['Ban Thường vụ Đảng ủy Khối', 'Ban Thường vụ Đảng ủy Khối', 'Đảng ủy Khối', 'Văn phòng Đảng ủy Khối', 'cấp có thẩm quyền']);
  });

  it('keeps one of obligations with the same audience, recipient, channel and deadlines, numbered anew', () => {
    const out = assignDraftObligations('', [
      ob('Các chi, đảng bộ cơ sở', 'Ban Thường vụ Đảng ủy Khối', 'Ban Tuyên giáo Đảng ủy Khối', [date('2022-03-31')], 'Báo cáo kết quả học tập, quán triệt'),
      ob('Các chi, đảng bộ cơ sở', 'Ban Thường vụ Đảng ủy Khối', 'Ban Tuyên giáo Đảng ủy Khối', [date('2022-05-30'), date('2022-11-30')], 'Báo cáo kết quả đợt sinh hoạt'),
      ob('Các đoàn thể Khối', 'Ban Thường vụ Đảng ủy Khối', 'Ban Tuyên giáo Đảng ủy Khối', [date('2022-03-31')], 'Báo cáo kết quả quán triệt'),
      ob('Các đoàn thể Khối', 'Ban Thường vụ Đảng uỷ Khối', 'Ban Tuyên giáo Đảng uỷ Khối', [date('2022-11-30'), date('2022-05-30')], 'Báo cáo kết quả'),
      ob('Ban Thường vụ Đảng ủy Khối', 'Ban Thường vụ Tỉnh ủy', null, [date('2022-03-31')], 'Báo cáo kết quả học tập, quán triệt'),
      ob('Ban Thường vụ Đảng ủy Khối', 'Ban Thường vụ Tỉnh ủy', null, [date('2022-03-31')], 'Báo cáo kết quả học tập'),
    ], index);
    expect(out.map((o) => [o.ord, o.title])).toEqual([
      [1, 'Báo cáo kết quả học tập, quán triệt'],
      [2, 'Báo cáo kết quả đợt sinh hoạt'],
      [3, 'Báo cáo kết quả học tập, quán triệt'],
    ]);
    expect(out[2]!.audience).toEqual({ scope: 'self' });
  });

  it('names what is sent when the document says only to whom', () => {
    const text = 'Tham mưu theo dõi, đôn đốc; tổng hợp kết quả báo cáo Ban Thường vụ Đảng ủy Khối. Phải có kế hoạch tổ chức học tập cụ thể gửi Ban Thường vụ Đảng ủy Khối trước 5 ngày. Báo cáo kịp thời với Ban Tuyên giáo Tỉnh ủy về kết quả triển khai đợt sinh hoạt chính trị vào cuối quý II.';
    const at = (s: string, from = 0) => ({ sourceStart: text.indexOf(s, from), sourceEnd: text.indexOf(s, from) + s.length });
    const out = assignDraftObligations(text, [
      { ...ob('Ban Tuyên giáo Đảng ủy Khối', 'Ban Thường vụ Đảng ủy Khối', null, []), ...at('báo cáo Ban Thường vụ Đảng ủy Khối') },
      { ...ob('Các chi bộ', 'Ban Thường vụ Đảng ủy Khối', null, [{ type: 'relative', value: { days: -5, to: 'event' } } as Due]), ...at('gửi Ban Thường vụ Đảng ủy Khối trước 5 ngày') },
      { ...ob('Ban Tuyên giáo Đảng ủy Khối', 'Ban Tuyên giáo Tỉnh ủy', null, [{ type: 'quarter-end', value: '2022-Q2' } as Due], 'Báo cáo kịp thời'), ...at('Báo cáo kịp thời với Ban Tuyên giáo Tỉnh ủy về kết quả triển khai đợt sinh hoạt chính trị vào cuối quý II') },
    ], index);
    expect(out.map((o) => o.title)).toEqual([
      'Báo cáo tổng hợp kết quả thực hiện kế hoạch',
      'Kế hoạch tổ chức học tập cụ thể',
      'Báo cáo kết quả triển khai đợt sinh hoạt chính trị',
    ]);
  });
});
