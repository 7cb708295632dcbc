import type { PlanStatus } from '#shared/plans.ts';

/** "48-KH/ĐUK — Tổ chức học tập …", or the title alone when the plan has no number yet. */
export function planName(p: { number: string | null; title: string }): string {
  return p.number ? `${p.number} — ${p.title}` : p.title;
}

export const STATUS_COLORS: Record<PlanStatus, string> = { draft: 'yellow', published: 'green', cancelled: 'gray' };
