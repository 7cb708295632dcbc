import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../deadline/resolve.ts';
import type { IsoDate } from '../ids.ts';
import { checkSubmission, DEFAULT_SECTION, describeProblem, readForm, sectionsOf } from './form.ts';
import type { ReportForm } from './form.ts';
import { OVERDUE_CATCH_UP_DAYS, OVERDUE_REPEAT_DAYS, reminderStep } from './reminders.ts';

const d = (s: string) => s as IsoDate;

const form: ReportForm = readForm({
  figures: [
    { key: 'total', label: 'Tổng số đảng viên', unit: 'người' },
    { key: 'studied', label: 'Số đảng viên được học tập', unit: 'người', of: 'total' },
    { key: 'sessions', label: 'Số hội nghị đã tổ chức', unit: 'cuộc' },
  ],
  sections: [{ key: 'results', title: 'Kết quả' }, { key: 'proposals', title: 'Kiến nghị, đề xuất' }],
});

describe('readForm', () => {
  it('keeps well-formed figures and sections and drops the rest', () => {
    const f = readForm({ figures: [{ key: 'a', label: 'A' }, { label: 'no key' }, 'x', { key: 'b' }], sections: null });
    expect(f.figures).toEqual([{ key: 'a', label: 'A', unit: null, of: null }, { key: 'b', label: 'b', unit: null, of: null }]);
    expect(f.sections).toEqual([]);
    expect(readForm(null)).toEqual({ figures: [], sections: [] });
  });
  it('gives a form without sections the one default section', () => {
    expect(sectionsOf(readForm({}))).toEqual([DEFAULT_SECTION]);
    expect(sectionsOf(form).map((s) => s.key)).toEqual(['results', 'proposals']);
  });
});

describe('checkSubmission', () => {
  it('accepts a complete, consistent submission', () => {
    expect(checkSubmission(form, { figures: { total: 25, studied: 24, sessions: 1 }, narrative: { results: 'Đã tổ chức' } }, { final: true })).toEqual([]);
  });
  it('lets a draft leave figures empty but not a final submission', () => {
    const input = { figures: { total: 25, studied: null }, narrative: {} };
    expect(checkSubmission(form, input, { final: false })).toEqual([]);
    const problems = checkSubmission(form, input, { final: true });
    expect(problems).toEqual([{ code: 'FIGURES_MISSING', keys: ['studied', 'sessions'], labels: ['Số đảng viên được học tập', 'Số hội nghị đã tổ chức'] }]);
    expect(describeProblem(problems[0]!)).toContain('Số đảng viên được học tập');
  });
  it('names an unknown figure and an unknown section', () => {
    const problems = checkSubmission(form, { figures: { total: 1, members: 3 }, narrative: { content: 'x' } }, { final: false });
    expect(problems).toEqual([{ code: 'FIGURE_UNKNOWN', key: 'members' }, { code: 'SECTION_UNKNOWN', key: 'content' }]);
    expect(describeProblem(problems[0]!)).toBe('Chỉ tiêu "members" không có trong biểu mẫu của báo cáo này.');
  });
  it('refuses a part larger than its whole, and negative or fractional figures', () => {
    expect(checkSubmission(form, { figures: { total: 20, studied: 21 }, narrative: {} }, { final: false })).toEqual([
      { code: 'FIGURE_EXCEEDS_WHOLE', key: 'studied', label: 'Số đảng viên được học tập', whole: 'total', wholeLabel: 'Tổng số đảng viên' },
    ]);
    expect(checkSubmission(form, { figures: { total: -1, sessions: 1.5 }, narrative: {} }, { final: false }).map((p) => p.code)).toEqual(['FIGURE_INVALID', 'FIGURE_INVALID']);
  });
  it('accepts the default section when the form has none', () => {
    expect(checkSubmission(readForm({}), { figures: {}, narrative: { content: 'Báo cáo' } }, { final: true })).toEqual([]);
  });
});

describe('reminderStep', () => {
  const due = d('2022-03-31');
  it('reminds 7 and 1 days before, on the day, and weekly when overdue', () => {
    expect(reminderStep(due, d('2022-03-23'))).toBeNull();
    expect(reminderStep(due, d('2022-03-24'))).toEqual({ kind: 'before', threshold: 7, daysLeft: 7, key: 'd-7' });
    expect(reminderStep(due, d('2022-03-29'))?.key).toBe('d-7');
    expect(reminderStep(due, d('2022-03-30'))).toEqual({ kind: 'before', threshold: 1, daysLeft: 1, key: 'd-1' });
    expect(reminderStep(due, d('2022-03-31'))).toEqual({ kind: 'due_day', key: 'd0' });
    expect(reminderStep(due, d('2022-04-01'))).toEqual({ kind: 'overdue', daysLate: 1, key: 'overdue:2022-04-01' });
    expect(reminderStep(due, d('2022-04-02'))?.key).toBe('overdue:2022-04-01');
    expect(reminderStep(due, d('2022-04-03'))).toBeNull();
    expect(reminderStep(due, d('2022-04-07'))).toBeNull();
    expect(reminderStep(due, d('2022-04-08'))?.key).toBe('overdue:2022-04-08');
  });
  it('follows the plan\'s own reminder days', () => {
    expect(reminderStep(due, d('2022-03-17'), [14, 3])?.key).toBe('d-14');
    expect(reminderStep(due, d('2022-03-28'), [14, 3])?.key).toBe('d-3');
    expect(reminderStep(due, d('2022-03-16'), [14, 3])).toBeNull();
    expect(reminderStep(due, d('2022-03-30'), [])).toBeNull();
  });
  it('crosses a year end', () => {
    expect(reminderStep(d('2023-01-02'), d('2022-12-26'))?.key).toBe('d-7');
    expect(reminderStep(d('2022-12-31'), d('2023-01-01'))?.key).toBe('overdue:2023-01-01');
  });
  it('gives every day at most one step, and each overdue window one key (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 60 }), fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }), (offset, days) => {
        const today = addDays(due, offset);
        const step = reminderStep(due, today, days);
        if (offset > 0 && (offset - 1) % OVERDUE_REPEAT_DAYS >= OVERDUE_CATCH_UP_DAYS) {
          expect(step).toBeNull();
        } else if (offset > 0) {
          expect(step?.kind).toBe('overdue');
          const windowStart = step!.key.slice('overdue:'.length);
          expect(windowStart <= today).toBe(true);
          expect(addDays(windowStart as IsoDate, OVERDUE_REPEAT_DAYS) > today).toBe(true);
        } else if (offset === 0) {
          expect(step?.key).toBe('d0');
        } else if (step) {
          expect(step.kind).toBe('before');
          if (step.kind === 'before') expect(days).toContain(step.threshold);
        } else {
          expect(days.every((n) => n < -offset)).toBe(true);
        }
      }),
    );
  });
});
