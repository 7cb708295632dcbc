import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GradeInput } from './grade-proposal.ts';
import { proposeGrade, refusalLines } from './grade-proposal.ts';
import type { Grade } from './rule-sets.ts';
import { GRADES, RULE_SETS } from './rule-sets.ts';

const s366 = RULE_SETS.find((s) => s.id === 'qd-366-2025')!;
const s124 = RULE_SETS.find((s) => s.id === 'qd-124-2023')!;

/** `counted` tasks, `late` of them late, `notDone` not done, the rest on time; `exceeding` among the done ones. */
const tasks = (counted: number, o: { late?: number; notDone?: number; exceeding?: number } = {}): GradeInput['tasks'] => {
  const late = o.late ?? 0;
  const notDone = o.notDone ?? 0;
  return { counted, onTime: counted - late - notDone, late, notDone, exceeding: o.exceeding ?? 0 };
};

describe('proposing a grade under 366-QĐ/TW', () => {
  it('allows HTXSNV to a member at 91 points with every task on time and 35% exceeding', () => {
    const p = proposeGrade(s366, { points: 91, tasks: tasks(20, { exceeding: 7 }) });
    expect(p).toEqual({ ruleSetId: 'qd-366-2025', grade: 'htxsnv', allowed: ['htxsnv', 'httnv', 'htnv', 'khtnv'], refused: [], note: null });
  });

  it('gives HTNV to a member at 91 points with one task of 20 late: "every task on time" fails HTXSNV and HTTNV alike, 5% late is within HTNV\'s 20%', () => {
    const p = proposeGrade(s366, { points: 91, tasks: tasks(20, { late: 1, exceeding: 7 }) });
    expect(p.grade).toBe('htnv');
    expect(p.allowed).toEqual(['htnv', 'khtnv']);
    expect(p.refused).toEqual([
      { grade: 'htxsnv', reasons: ['Còn 1 nhiệm vụ hoàn thành chậm'] },
      { grade: 'httnv', reasons: ['Còn 1 nhiệm vụ hoàn thành chậm'] },
    ]);
    expect(refusalLines(p)).toEqual([
      'Không đủ điều kiện Hoàn thành xuất sắc nhiệm vụ (HTXSNV): Còn 1 nhiệm vụ hoàn thành chậm.',
      'Không đủ điều kiện Hoàn thành tốt nhiệm vụ (HTTNV): Còn 1 nhiệm vụ hoàn thành chậm.',
    ]);
  });

  it('gives HTTNV, not HTXSNV, at 91 points with 25% exceeding', () => {
    const p = proposeGrade(s366, { points: 91, tasks: tasks(20, { exceeding: 5 }) });
    expect(p.grade).toBe('httnv');
    expect(p.refused).toEqual([{ grade: 'htxsnv', reasons: ['Tỷ lệ nhiệm vụ vượt mức 25% (cần ≥ 30%)'] }]);
  });

  it('gives HTTNV to a member at 95 points who misses a condition of HTXSNV: the band "70 to under 90" is no ceiling', () => {
    expect(proposeGrade(s366, { points: 95, tasks: tasks(10, { exceeding: 2 }) }).grade).toBe('httnv');
  });

  it('gives KHTNV at 95 points with 30% of tasks late, and at 45 points whatever the tasks', () => {
    const late = proposeGrade(s366, { points: 95, tasks: tasks(10, { late: 3, exceeding: 5 }) });
    expect(late.grade).toBe('khtnv');
    expect(late.refused.at(-1)).toEqual({ grade: 'htnv', reasons: ['Tỷ lệ nhiệm vụ hoàn thành chậm 30% (cần ≤ 20%)'] });
    const low = proposeGrade(s366, { points: 45, tasks: tasks(10, { exceeding: 5 }) });
    expect(low.grade).toBe('khtnv');
    expect(low.refused.map((r) => r.reasons)).toEqual([['Đạt 45 điểm (cần từ 90 điểm)'], ['Đạt 45 điểm (cần từ 70 điểm)'], ['Đạt 45 điểm (cần từ 50 điểm)']]);
  });

  it('refuses HTNV when a task is not done, even at 100 points', () => {
    const p = proposeGrade(s366, { points: 100, tasks: tasks(10, { notDone: 1, exceeding: 9 }) });
    expect(p.grade).toBe('khtnv');
    expect(p.refused.find((r) => r.grade === 'htnv')?.reasons).toEqual(['Còn 1 nhiệm vụ chưa hoàn thành']);
  });

  it('refuses HTXSNV to a collective with a subordinate organisation or member disciplined, and only that', () => {
    const p = proposeGrade(s366, { points: 93, tasks: tasks(10, { exceeding: 4 }), disciplined: 1 });
    expect(p.grade).toBe('httnv');
    expect(p.refused).toEqual([{ grade: 'htxsnv', reasons: ['Có 1 tổ chức đảng trực thuộc hoặc đảng viên bị kỷ luật trong kỳ'] }]);
  });

  it('refuses HTXSNV when no task counted (no share exceeding), and every graded grade before the points are in', () => {
    expect(proposeGrade(s366, { points: 92, tasks: tasks(0) }).refused).toEqual([{ grade: 'htxsnv', reasons: ['Không có nhiệm vụ nào được tính trong kỳ để xét tỷ lệ vượt mức'] }]);
    const unscored = proposeGrade(s366, { points: null, tasks: tasks(10, { exceeding: 5 }) });
    expect(unscored.grade).toBe('khtnv');
    expect(unscored.refused.every((r) => r.reasons[0] === 'Chưa chấm điểm')).toBe(true);
  });

  it('allows exactly the grades whose conditions, as the regulation writes them, hold (random figures)', () => {
    const input = fc.record({
      // Biased towards the edges that matter: high points, no task late or left undone.
      points: fc.option(fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 170, max: 200 })).map((n) => n / 2), { nil: null }),
      counted: fc.nat(30),
      a: fc.oneof(fc.constant(0), fc.nat(30)),
      b: fc.oneof(fc.constant(0), fc.nat(30)),
      e: fc.nat(30),
      disciplined: fc.option(fc.oneof(fc.constant(0), fc.nat(3)), { nil: null }),
    }).map(({ points, counted, a, b, e, disciplined }) => {
      const late = counted === 0 ? 0 : a % (counted + 1);
      const notDone = counted - late === 0 ? 0 : b % (counted - late + 1);
      const done = counted - notDone;
      return { points, tasks: { counted, onTime: done - late, late, notDone, exceeding: done === 0 ? 0 : e % (done + 1) }, disciplined };
    });
    fc.assert(fc.property(input, (i) => {
      const t = i.tasks;
      const p = i.points ?? -1;
      const holds: Record<Grade, boolean> = {
        htxsnv: p >= 90 && t.late === 0 && t.notDone === 0 && t.counted > 0 && t.exceeding * 10 >= t.counted * 3 && !(i.disciplined && i.disciplined > 0),
        httnv: p >= 70 && t.late === 0 && t.notDone === 0,
        htnv: p >= 50 && t.notDone === 0 && t.late * 5 <= t.counted,
        khtnv: true,
      };
      const proposal = proposeGrade(s366, i);
      expect(proposal.allowed).toEqual(GRADES.filter((g) => holds[g]));
      expect(proposal.grade).toBe(GRADES.find((g) => holds[g]));
      for (const r of proposal.refused) expect(holds[r.grade]).toBe(false);
    }), { numRuns: 1000 });
  });
});

describe('proposing a grade under 124-QĐ/TW', () => {
  it('allows every grade, proposes none and says the people decide', () => {
    const p = proposeGrade(s124, { points: null, tasks: tasks(10, { late: 5 }) });
    expect(p).toEqual({
      ruleSetId: 'qd-124-2023',
      grade: null,
      allowed: ['htxsnv', 'httnv', 'htnv', 'khtnv'],
      refused: [],
      note: 'Quy định 124-QĐ/TW không chấm điểm và không đặt điều kiện số liệu cho từng mức: tập thể, cá nhân tự xếp loại, cấp có thẩm quyền xem xét, quyết định.',
    });
  });
});
