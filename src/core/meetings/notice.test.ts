import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { noticeStatus } from './notice.ts';

const d = (s: string) => s as IsoDate;

describe('advance notice of a study session (seed 001: "trước 5 ngày")', () => {
  it('is on time when there are still five days or more', () => {
    const s = noticeStatus({ sessionDate: d('2022-03-25'), requiredDays: 5, sentOn: null, today: d('2022-03-20') });
    expect(s.state).toBe('open');
    expect(s.deadline).toBe('2022-03-20');
    expect(s.warning).toBe(false);
    expect(s.message).toContain('chậm nhất ngày 20/03/2022');
  });

  it('warns when fewer days remain than the superior plan requires', () => {
    const s = noticeStatus({ sessionDate: d('2022-03-25'), requiredDays: 5, sentOn: null, today: d('2022-03-22') });
    expect(s.state).toBe('late');
    expect(s.warning).toBe(true);
    expect(s.daysLeft).toBe(3);
    expect(s.message).toBe('Kế hoạch tổ chức học tập phải gửi cấp trên trước 5 ngày (chậm nhất ngày 20/03/2022); đến buổi học tập chỉ còn 3 ngày.');
  });

  it('records a plan sent late as sent late, and one sent in time as sent', () => {
    expect(noticeStatus({ sessionDate: d('2022-03-25'), requiredDays: 5, sentOn: d('2022-03-23'), today: d('2022-03-24') })).toMatchObject({
      state: 'sent_late', warning: true,
    });
    expect(noticeStatus({ sessionDate: d('2022-03-25'), requiredDays: 5, sentOn: d('2022-03-18'), today: d('2022-03-24') })).toMatchObject({
      state: 'sent', warning: false,
    });
  });

  it('asks nothing when the superior plan sets no notice', () => {
    expect(noticeStatus({ sessionDate: d('2022-03-25'), requiredDays: null, sentOn: null, today: d('2022-03-24') }).state).toBe('not_required');
    expect(noticeStatus({ sessionDate: d('2022-03-25'), requiredDays: 0, sentOn: null, today: d('2022-03-24') }).state).toBe('not_required');
  });

  it('says so when the session has passed without the plan being sent', () => {
    const s = noticeStatus({ sessionDate: d('2022-03-25'), requiredDays: 5, sentOn: null, today: d('2022-03-26') });
    expect(s.state).toBe('late');
    expect(s.message).toContain('đã qua');
  });
});
