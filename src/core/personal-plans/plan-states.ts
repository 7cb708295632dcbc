/**
 * The life of one member's personal plan in a round (seed 003 §3): the member writes it (1) and
 * submits it to the cell (2); the cell discusses it (3); the secretary confirms it or returns it
 * with a comment (4). A confirmed plan never changes: an amendment starts a new version, and both
 * are kept. A submission past the step's deadline is accepted and marked late, never refused.
 */
export const PLAN_STATES = ['draft', 'submitted', 'returned', 'confirmed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export type PlanAction =
  | { kind: 'save' }
  | { kind: 'submit' }
  | { kind: 'return'; comment: string }
  | { kind: 'confirm' }
  | { kind: 'amend' };

/** Who acts: the member on their own plan, or the cell's secretary (confirming, or entering a paper plan). */
export type PlanActor = 'member' | 'secretary';

export type PlanStep =
  | { ok: true; state: PlanState; newVersion: boolean }
  | { ok: false; message: string };

const refuse = (message: string): PlanStep => ({ ok: false, message });

/** What `action` by `actor` does to a plan in `state`: its next state, or why it is refused (in Vietnamese). */
export function stepPlan(state: PlanState, action: PlanAction, actor: PlanActor): PlanStep {
  switch (action.kind) {
    case 'save':
    case 'submit':
      if (state === 'submitted') return refuse('Kế hoạch đã gửi, đang chờ chi bộ xem xét; chỉ sửa được khi được trả lại.');
      if (state === 'confirmed') return refuse('Kế hoạch đã được xác nhận, không sửa được; hãy lập bản điều chỉnh.');
      return { ok: true, state: action.kind === 'save' ? state : 'submitted', newVersion: false };
    case 'return':
    case 'confirm':
      if (actor !== 'secretary') return refuse('Chỉ bí thư (người xác nhận) được trả lại hoặc xác nhận kế hoạch.');
      if (state !== 'submitted') return refuse(state === 'confirmed' ? 'Kế hoạch đã được xác nhận.' : 'Kế hoạch chưa được gửi.');
      if (action.kind === 'return' && action.comment.trim() === '') return refuse('Hãy ghi lý do trả lại để đảng viên sửa.');
      return { ok: true, state: action.kind === 'return' ? 'returned' : 'confirmed', newVersion: false };
    case 'amend':
      if (state !== 'confirmed') return refuse('Chỉ lập bản điều chỉnh cho kế hoạch đã được xác nhận.');
      return { ok: true, state: 'draft', newVersion: true };
  }
}

/** True when a submission on `on` comes after the step's deadline (both YYYY-MM-DD; the deadline day itself is on time). */
export function isLate(on: string, deadline: string | null): boolean {
  return deadline !== null && on > deadline;
}
