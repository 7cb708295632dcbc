import { describe, expect, it } from 'vitest';
import { RoundCreateSchema } from '#shared/personal-plans.ts';
import type { PlanFormView } from '#shared/personal-plans.ts';
import { emptyLaunch, formOptions, launchInput } from './launch-form.ts';

const UNIT = '11111111-1111-4111-8111-111111111111';
const PLAN = '22222222-2222-4222-8222-222222222222';
const TASK = '33333333-3333-4333-8333-333333333333';
const FORM = '44444444-4444-4444-8444-444444444444';
const SCHOOL = '55555555-5555-4555-8555-555555555555';

const form = (id: string, label: string, scope: 'term' | 'year', unit: string | null = null): PlanFormView => ({
  id, unitId: unit, unitName: unit ? 'Đoàn xã' : null, code: label.toLowerCase(), label, title: `Kế hoạch ${label}`, scope, sections: [], source: null,
});

describe('launching a round', () => {
  it('sends a personal plan round with its rules, year and step deadlines, and the schema accepts it', () => {
    const v = {
      ...emptyLaunch('2026-01-10'),
      planId: PLAN, taskId: TASK, title: 'Đăng ký kế hoạch cá nhân năm 2026', submitBy: '2026-02-28', sendUpBy: '2026-03-31',
      rows: [{ key: 1, formId: FORM, categories: ['party_full', 'party_probationary'], units: [{ id: SCHOOL, name: 'Chi bộ Trường Tiểu học' }] }],
    };
    const input = launchInput(UNIT, v);
    expect(input).toEqual({
      kind: 'personal_plan', unitId: UNIT, planId: PLAN, taskId: TASK, title: 'Đăng ký kế hoạch cá nhân năm 2026', submitBy: '2026-02-28',
      scope: 'year', year: 2026, assignments: [{ formId: FORM, categories: ['party_full', 'party_probationary'], unitIds: [SCHOOL] }], confirmBy: null, sendUpBy: '2026-03-31',
    });
    expect(RoundCreateSchema.safeParse(input).success).toBe(true);
  });

  it('sends a pledge with its text and signers only', () => {
    const v = { ...emptyLaunch('2026-01-10'), kind: 'pledge' as const, planId: PLAN, taskId: TASK, title: 'Ký cam kết', submitBy: '2026-02-28', pledgeText: 'Tôi xin cam kết…' };
    const input = launchInput(UNIT, v);
    expect(input).toEqual({ kind: 'pledge', unitId: UNIT, planId: PLAN, taskId: TASK, title: 'Ký cam kết', submitBy: '2026-02-28', pledgeText: 'Tôi xin cam kết…', categories: ['party_full', 'party_probationary'] });
    expect(RoundCreateSchema.safeParse(input).success).toBe(true);
  });

  it('leaves a missing plan, task, form or deadline for the schema to refuse at its field', () => {
    const parsed = RoundCreateSchema.safeParse(launchInput(UNIT, emptyLaunch('2026-01-10')));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['planId', 'taskId', 'title', 'submitBy', 'assignments.0.formId']));
  });

  it('offers the forms of the round’s scope, the seed’s before a unit’s own', () => {
    const forms = [form('a', 'Mẫu 02', 'year'), form('b', 'Mẫu 01', 'term'), form('c', 'Đoàn 01', 'year', UNIT), form('d', 'Mẫu 04', 'year')];
    expect(formOptions(forms, 'year').map((o) => o.value)).toEqual(['a', 'd', 'c']);
    expect(formOptions(forms, 'year')[2]!.label).toBe('Đoàn 01 — Kế hoạch Đoàn 01 (Đoàn xã)');
    expect(formOptions(forms, 'term').map((o) => o.value)).toEqual(['b']);
  });
});
