import { describe, expect, it } from 'vitest';
import { instanceCancelledNotice, planCancelledNotice } from './cancellation.ts';

const plan = { number: '48-KH/ĐUK', title: 'Tổ chức học tập, quán triệt Kết luận', unitName: 'Đảng ủy Khối', secret: false };

describe('what the units are told of a cancellation', () => {
  it('names the plan and the reason in the title, and says the work is no longer owed', () => {
    const n = planCancelledNotice(plan, '  Ban hành nhầm\nđối tượng ');
    expect(n.title).toBe('Kế hoạch 48-KH/ĐUK Tổ chức học tập, quán triệt Kết luận đã bị thu hồi: Ban hành nhầm đối tượng');
    expect(n.body).toBe('Đảng ủy Khối thu hồi Kế hoạch số 48-KH/ĐUK "Tổ chức học tập, quán triệt Kết luận". Lý do: Ban hành nhầm\nđối tượng. Các nhiệm vụ, báo cáo của kế hoạch không còn phải thực hiện.');
  });

  it('names a secret plan without its number or words', () => {
    const n = planCancelledNotice({ ...plan, secret: true }, 'Thay thế');
    expect(n.title).toBe('Kế hoạch mật đã bị thu hồi: Thay thế');
    expect(n.title + n.body).not.toContain('48-KH');
    const i = instanceCancelledNotice({ ...plan, secret: true }, { item: 'task', text: 'Rà soát hồ sơ', periodLabel: 'Tháng 3/2022' }, 'Thay thế');
    expect(i.title).toBe('Nhiệm vụ của kế hoạch mật (Tháng 3/2022) đã bị thu hồi: Thay thế');
    expect(i.title + i.body).not.toContain('Rà soát');
  });

  it('names one unit’s task or report with its period', () => {
    expect(instanceCancelledNotice(plan, { item: 'report', text: 'Báo cáo kết quả', periodLabel: 'Quý I/2022' }, 'Đã báo cáo chung').title).toBe(
      'Báo cáo "Báo cáo kết quả" (Quý I/2022) của Kế hoạch 48-KH/ĐUK Tổ chức học tập, quán triệt Kết luận đã bị thu hồi: Đã báo cáo chung',
    );
  });

  it('keeps a title within 500 characters whatever the reason', () => {
    expect(planCancelledNotice(plan, 'x'.repeat(2_000)).title).toHaveLength(500);
  });
});
