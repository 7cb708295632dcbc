import type { Position } from '../org-tree/kinds.ts';
import type { ExampleGroup, FormSection, PlanArea, PlanForm } from './forms.ts';
import { PLAN_AREAS, sectionsFor } from './forms.ts';

/** One item a member writes: its text, the area it is about, and for a leader's item its group. */
export interface PlanItem {
  text: string;
  area?: PlanArea | null;
  group?: ExampleGroup | null;
}

/** A problem of a plan, with where it is: the section and, for an item, its number (1-based). */
export interface PlanIssue {
  section: string;
  item: number | null;
  message: string;
}

export const ITEM_MAX_LENGTH = 2_000;

function countMessage(form: PlanForm, s: FormSection): string {
  const bounds = s.minItems === s.maxItems ? `${s.minItems}` : `từ ${s.minItems} đến ${s.maxItems}`;
  if (s.grouped) return `Nội dung đăng ký nêu gương cần ${bounds} việc cụ thể`;
  return `Kế hoạch ${form.scope === 'term' ? 'toàn khóa' : 'năm'} cần ${bounds} nội dung`;
}

/**
 * Every problem of a plan written on `form` by a member holding `positions`, in Vietnamese: the
 * number of items of each section the member fills within its bounds, no empty or overlong item,
 * an area the section allows, a group for each of a leader's items, and the areas a section
 * requires each touched. An empty list means the plan may be submitted; a draft may hold problems.
 */
export function checkPlan(form: PlanForm, positions: readonly Position[], sections: Readonly<Record<string, readonly PlanItem[]>>): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const filled = sectionsFor(form, positions);
  for (const key of Object.keys(sections)) {
    if (!filled.some((s) => s.key === key) && (sections[key]?.length ?? 0) > 0) {
      issues.push({ section: key, item: null, message: form.sections.some((s) => s.key === key) ? 'Phần này chỉ dành cho lãnh đạo chủ chốt, người đứng đầu' : 'Mẫu không có phần này' });
    }
  }
  for (const s of filled) {
    const items = sections[s.key] ?? [];
    if (items.length < s.minItems || items.length > s.maxItems) issues.push({ section: s.key, item: null, message: countMessage(form, s) });
    items.forEach((it, i) => {
      const at = { section: s.key, item: i + 1 };
      const text = it.text.trim();
      if (text === '') issues.push({ ...at, message: `Nội dung ${i + 1} còn trống` });
      else if (text.length > ITEM_MAX_LENGTH) issues.push({ ...at, message: `Nội dung ${i + 1} dài quá ${ITEM_MAX_LENGTH} ký tự` });
      if (it.area && s.areas.length > 0 && !s.areas.includes(it.area)) issues.push({ ...at, message: `Nội dung ${i + 1}: lĩnh vực "${PLAN_AREAS[it.area].vi}" không thuộc phần này` });
      if (s.grouped && !it.group) issues.push({ ...at, message: `Việc nêu gương ${i + 1}: hãy chọn nhóm công việc` });
    });
    for (const area of s.requiredAreas) {
      if (!items.some((it) => it.area === area)) issues.push({ section: s.key, item: null, message: `Cần ít nhất một nội dung về "${PLAN_AREAS[area].vi}"` });
    }
  }
  return issues;
}
