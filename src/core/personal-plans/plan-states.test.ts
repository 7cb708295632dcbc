import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanAction, PlanActor, PlanState } from './plan-states.ts';
import { isLate, PLAN_STATES, stepPlan } from './plan-states.ts';

const go = (state: PlanState, action: PlanAction, actor: PlanActor = 'member') => stepPlan(state, action, actor);

describe('the life of a personal plan', () => {
  it('goes draft → submitted → returned → submitted → confirmed, as in the seed', () => {
    expect(go('draft', { kind: 'save' })).toEqual({ ok: true, state: 'draft', newVersion: false });
    expect(go('draft', { kind: 'submit' })).toMatchObject({ ok: true, state: 'submitted' });
    expect(go('submitted', { kind: 'return', comment: 'Nội dung 2 chưa cụ thể' }, 'secretary')).toMatchObject({ ok: true, state: 'returned' });
    expect(go('returned', { kind: 'save' })).toMatchObject({ ok: true, state: 'returned' });
    expect(go('returned', { kind: 'submit' })).toMatchObject({ ok: true, state: 'submitted' });
    expect(go('submitted', { kind: 'confirm' }, 'secretary')).toMatchObject({ ok: true, state: 'confirmed' });
  });

  it('lets a secretary enter and submit a paper plan on a member\'s behalf', () => {
    expect(go('draft', { kind: 'submit' }, 'secretary')).toMatchObject({ ok: true, state: 'submitted' });
  });

  it('never changes a confirmed plan: an amendment is a new version', () => {
    expect(go('confirmed', { kind: 'save' })).toEqual({ ok: false, message: 'Kế hoạch đã được xác nhận, không sửa được; hãy lập bản điều chỉnh.' });
    expect(go('confirmed', { kind: 'amend' })).toEqual({ ok: true, state: 'draft', newVersion: true });
    expect(go('draft', { kind: 'amend' })).toMatchObject({ ok: false });
  });

  it('refuses a member the confirmation and a return without its reason', () => {
    expect(go('submitted', { kind: 'confirm' })).toEqual({ ok: false, message: 'Chỉ bí thư (người xác nhận) được trả lại hoặc xác nhận kế hoạch.' });
    expect(go('submitted', { kind: 'return', comment: ' ' }, 'secretary')).toEqual({ ok: false, message: 'Hãy ghi lý do trả lại để đảng viên sửa.' });
  });

  it('from any state, by any sequence of actions, only ever reaches a known state, and leaves "confirmed" only by an amendment', () => {
    const action = fc.oneof(
      fc.constant<PlanAction>({ kind: 'save' }), fc.constant<PlanAction>({ kind: 'submit' }), fc.constant<PlanAction>({ kind: 'confirm' }),
      fc.constant<PlanAction>({ kind: 'amend' }), fc.string().map<PlanAction>((comment) => ({ kind: 'return', comment })),
    );
    fc.assert(fc.property(fc.array(fc.tuple(action, fc.constantFrom<PlanActor>('member', 'secretary')), { maxLength: 30 }), (steps) => {
      let state: PlanState = 'draft';
      for (const [a, who] of steps) {
        const next = stepPlan(state, a, who);
        if (!next.ok) {
          expect(next.message).toMatch(/[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i);
          continue;
        }
        expect(PLAN_STATES).toContain(next.state);
        if (state === 'confirmed') expect(a.kind).toBe('amend');
        expect(next.newVersion).toBe(a.kind === 'amend');
        state = next.state;
      }
    }));
  });

  it('marks a submission after the deadline late, the deadline day on time', () => {
    expect(isLate('2022-03-31', '2022-03-31')).toBe(false);
    expect(isLate('2022-04-01', '2022-03-31')).toBe(true);
    expect(isLate('2023-01-01', null)).toBe(false);
  });
});
