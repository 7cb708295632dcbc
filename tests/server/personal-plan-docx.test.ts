// A member's personal plan printed as its form, read back as text (mammoth, as uploaded documents are
// read) and as WordprocessingML: the form label at the top right, the Party header, each item of the
// version printed with its area or group, the look back, and the confirmation block.
import { describe, it, expect, beforeAll } from 'vitest';
import type { IsoDate } from '#core/ids.ts';
import { SEED_FORMS } from '#core/personal-plans/forms.ts';
import type { PersonalPlanView, PlanVersion } from '#shared/personal-plans.ts';
import { readDocumentText } from '#server/readers/document-text.ts';
import { printedVersion, renderPersonalPlanDocx, versionLine } from '#server/writers/docx/render-personal-plan.ts';
import { cellLines, readDocx } from '../support/docx-read.ts';

const mau02 = SEED_FORMS.find((f) => f.code === 'mau-02')!;

const version = (n: number, sections: PlanVersion['sections'], extra: Partial<PlanVersion> = {}): PlanVersion => ({
  version: n,
  sections,
  writtenBy: 'Nguyễn Thị Lan',
  onBehalf: false,
  savedAt: '2026-02-10T08:00:00.000Z',
  submittedOn: null,
  late: false,
  returnedAt: null,
  returnComment: null,
  confirmedOn: null,
  confirmedBy: null,
  ...extra,
});

function view(over: Partial<PersonalPlanView>): PersonalPlanView {
  return {
    round: {
      id: 'r1', kind: 'personal_plan', title: 'Đăng ký kế hoạch cá nhân thực hiện chủ đề năm 2026', unitId: 'u0', unitName: 'Đảng ủy xã Kỳ Hoa',
      planId: 'p1', planTitle: 'Kế hoạch thực hiện chủ đề năm 2026', taskId: 't1', taskText: 'Lập kế hoạch cá nhân', scope: 'year', year: 2026,
      submitBy: '2026-02-28', confirmBy: null, sendUpBy: null, launchedOn: '2026-02-01', pledgeText: null, categories: [], assignments: [],
    },
    person: { id: 'm1', fullName: 'Nguyễn Thị Lan', unitId: 'u1', unitName: 'Chi bộ Trường Tiểu học Kỳ Hoa', positions: ['secretary'] },
    form: { id: 'f2', unitId: null, unitName: null, source: null, ...mau02, sections: mau02.sections.map((s) => ({ ...s, areas: [...s.areas], requiredAreas: [...s.requiredAreas], forPositions: [...s.forPositions] })) },
    filled: ['items', 'example'],
    leader: true,
    state: 'confirmed',
    late: false,
    submittedOn: '2026-02-20',
    confirmedOn: '2026-03-02',
    versions: [],
    issues: [],
    lookBack: [],
    can: { edit: false, review: false, amend: false, lookBack: false, comment: false },
    onBehalf: false,
    ...over,
  };
}

const print = (v: PersonalPlanView) =>
  renderPersonalPlanDocx({ view: v, managingUnit: 'Chi bộ Trường Tiểu học Kỳ Hoa', roundUnit: 'Đảng ủy xã Kỳ Hoa', place: 'Kỳ Anh', date: '2026-03-05' as IsoDate });

const text = async (buf: Buffer) => (await readDocumentText(buf, 'ke-hoach.docx')).text;

describe('a confirmed leader plan, amended since', () => {
  const confirmed = version(1, {
    items: [
      { text: 'Gương mẫu chấp hành Quy định 37-QĐ/TW, không vi phạm những điều đảng viên không được làm', area: 'discipline_unity' },
      { text: 'Đổi mới phương pháp dạy học, 100% lớp học ứng dụng công nghệ thông tin', area: 'work_responsibility' },
    ],
    example: [{ text: 'Hoàn thành sửa chữa nhà vệ sinh học sinh tồn đọng từ năm 2023', group: 'long_standing' }],
  }, { submittedOn: '2026-02-20', confirmedOn: '2026-03-02', confirmedBy: 'Trần Văn Hùng' });
  const amendment = version(2, { items: [{ text: 'Nội dung bản điều chỉnh chưa xác nhận', area: 'ethics_lifestyle' }], example: [] });
  const v = view({
    versions: [confirmed, amendment],
    state: 'draft',
    lookBack: [
      { section: 'items', item: 2, result: 'partly', account: 'Đạt 80% số lớp', comment: 'Cần đẩy nhanh ở khối 5' },
      { section: 'items', item: 1, result: null, account: '', comment: '' },
    ],
  });
  let t: string;
  let d: Awaited<ReturnType<typeof readDocx>>;
  beforeAll(async () => {
    const buf = await print(v);
    t = await text(buf);
    d = await readDocx(buf);
  });

  it('prints the last confirmed version and says so', () => {
    expect(printedVersion(v)?.version).toBe(1);
    for (const item of [...confirmed.sections.items!, ...confirmed.sections.example!]) expect(t).toContain(item.text);
    expect(t).not.toContain('Nội dung bản điều chỉnh chưa xác nhận');
    expect(t).toContain('Bản số 1, đã được xác nhận ngày 02/03/2026.');
    expect(t).toContain('Bản điều chỉnh số 2 đang được lập, chưa được xác nhận.');
  });

  it('puts the form label at the top right above the Party header and the date line', () => {
    const first = d.body[0];
    expect(first?.kind).toBe('p');
    expect(first?.kind === 'p' && first.p.text).toBe('Mẫu 02');
    expect(first?.kind === 'p' && first.p.align).toBe('right');
    const header = d.tables[0]!;
    expect(cellLines(header.rows[0]![0])).toEqual(['ĐẢNG BỘ XÃ KỲ HOA', 'CHI BỘ TRƯỜNG TIỂU HỌC KỲ', 'HOA', '*']);
    expect(cellLines(header.rows[0]![1])).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(cellLines(header.rows[1]![1])).toEqual(['Kỳ Anh, ngày 05 tháng 3 năm 2026']);
    expect(t).toContain('KẾ HOẠCH CÁ NHÂN');
    expect(t).toContain('Thực hiện chủ đề năm 2026');
  });

  it('names the member, the unit and the positions, and numbers each section and its items with their area or group', () => {
    expect(t).toContain('Họ và tên: Nguyễn Thị Lan');
    expect(t).toContain('Đơn vị: Chi bộ Trường Tiểu học Kỳ Hoa');
    expect(t).toContain('Chức vụ: Bí thư');
    expect(t).toContain('I. NỘI DUNG PHẤN ĐẤU');
    expect(t).toContain('II. ĐĂNG KÝ NÊU GƯƠNG (LÃNH ĐẠO CHỦ CHỐT, NGƯỜI ĐỨNG ĐẦU)');
    expect(t).toContain('1. Gương mẫu chấp hành Quy định 37-QĐ/TW, không vi phạm những điều đảng viên không được làm (Lĩnh vực: Ý thức tổ chức kỷ luật, đoàn kết)');
    expect(t).toContain('2. Đổi mới phương pháp dạy học, 100% lớp học ứng dụng công nghệ thông tin (Lĩnh vực: Trách nhiệm trong công việc)');
    expect(t).toContain('1. Hoàn thành sửa chữa nhà vệ sinh học sinh tồn đọng từ năm 2023 (Nhóm: Việc khắc phục hạn chế, thiếu sót kéo dài)');
  });

  it('prints the look back that was written, and only that', () => {
    expect(t).toContain('III. TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN');
    expect(t).toContain('Nội dung 2: Đổi mới phương pháp dạy học');
    expect(t).toContain('Tự đánh giá: Hoàn thành một phần. Đạt 80% số lớp');
    expect(t).toContain('Nhận xét của chi bộ: Cần đẩy nhanh ở khối 5');
    expect(t).not.toContain('Nội dung 1: Gương mẫu');
  });

  it('ends with the confirmation block: the secretary with the day confirmed, the member signing', () => {
    const block = d.tables[d.tables.length - 1]!;
    expect(cellLines(block.rows[0]![0])).toEqual(['XÁC NHẬN CỦA CHI BỘ', 'BÍ THƯ', 'Ngày 02 tháng 3 năm 2026', 'Trần Văn Hùng']);
    expect(cellLines(block.rows[0]![1])).toEqual(['NGƯỜI LẬP KẾ HOẠCH', '(Ký, ghi rõ họ tên)', 'Nguyễn Thị Lan']);
  });
});

describe('a plan not yet confirmed', () => {
  it('prints the current version of a member who is no leader, without the leaders\' part, marked not confirmed', async () => {
    const v = view({
      person: { id: 'm2', fullName: 'Lê Văn Tâm', unitId: 'u1', unitName: 'Chi bộ Trường Tiểu học Kỳ Hoa', positions: [] },
      filled: ['items'],
      leader: false,
      state: 'submitted',
      late: true,
      confirmedOn: null,
      versions: [version(1, { items: [{ text: 'Thẳng thắn tự phê bình và phê bình trong sinh hoạt chi bộ', area: 'self_criticism' }] }, { submittedOn: '2026-03-03', late: true, onBehalf: true })],
    });
    const buf = await print(v);
    const t = await text(buf);
    expect(t).toContain('Lê Văn Tâm');
    expect(t).toContain('1. Thẳng thắn tự phê bình và phê bình trong sinh hoạt chi bộ (Lĩnh vực: Tự phê bình và phê bình)');
    expect(t).not.toContain('ĐĂNG KÝ NÊU GƯƠNG');
    expect(t).not.toContain('Chức vụ');
    expect(t).not.toContain('TỰ ĐÁNH GIÁ');
    expect(versionLine(v)).toBe('Bản số 1, đã nộp ngày 03/03/2026 (nộp muộn), chưa được xác nhận, do chi bộ nhập thay từ bản giấy.');
    expect(t).toContain(versionLine(v));
    const d = await readDocx(buf);
    const block = d.tables[d.tables.length - 1]!;
    expect(cellLines(block.rows[0]![0])).toEqual(['XÁC NHẬN CỦA CHI BỘ', 'BÍ THƯ', '(chưa xác nhận)']);
    expect(cellLines(block.rows[0]![1])).toContain('Lê Văn Tâm');
  });

  it('prints a blank form to fill in by hand when nothing was written', async () => {
    const v = view({ state: 'pending', confirmedOn: null, submittedOn: null, versions: [] });
    const t = await text(await print(v));
    expect(printedVersion(v)).toBeNull();
    expect(t).toContain('Kế hoạch chưa được lập: bản in để ghi tay.');
    expect(t).toMatch(/I\. NỘI DUNG PHẤN ĐẤU\s+1\. …/);
    expect(t).toMatch(/II\. ĐĂNG KÝ NÊU GƯƠNG[^\n]*\s+1\. …/);
    expect(t).toContain('(chưa xác nhận)');
  });

  it('names only the managing unit when it launched the round itself', async () => {
    const buf = await renderPersonalPlanDocx({ view: view({ versions: [] }), managingUnit: 'Đảng ủy xã Kỳ Hoa', roundUnit: 'Đảng ủy xã Kỳ Hoa', place: 'Kỳ Anh', date: '2026-03-05' as IsoDate });
    const d = await readDocx(buf);
    expect(cellLines(d.tables[0]!.rows[0]![0])).toEqual(['ĐẢNG ỦY XÃ KỲ HOA', '*']);
  });
});
