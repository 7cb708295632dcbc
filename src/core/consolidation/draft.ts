/**
 * The consolidated report as the office edits it before exporting: the title, the opening
 * sentence, one text per section of the form (drafted from the units' passages), figures
 * overridden with a note, the closing sentence, the recipients and the signer. The figures
 * themselves are not typed: they come from the consolidation, and an override keeps its note.
 */
import type { Signature } from '../documents-out/model.ts';
import type { Consolidation, FigureTotal, GatheredSection, Source } from './consolidate.ts';

export interface DraftSection {
  readonly key: string;
  readonly title: string;
  readonly text: string;
}

export interface FigureOverride {
  readonly key: string;
  readonly value: number;
  /** Why the figure differs from the sum of the accepted reports (required). */
  readonly note: string;
}

export interface ConsolidationDraft {
  readonly title: string;
  readonly opening: string;
  readonly sections: readonly DraftSection[];
  readonly overrides: readonly FigureOverride[];
  readonly closing: string;
  readonly recipients: readonly string[];
  readonly signer: { readonly capacity: string; readonly title: string; readonly name: string };
}

/** A figure as the report prints it: the sum, or the office's override with its note. */
export interface EffectiveFigure extends FigureTotal {
  readonly value: number | null;
  readonly overridden: boolean;
  readonly note: string | null;
}

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);
const upperFirst = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);

/** The drafted text of a section: each unit's passage on its own lines, led by the unit's name. */
export function sectionText(section: GatheredSection): string {
  return section.parts.map((p) => `- ${p.unitName}: ${p.text.trim()}`).join('\n');
}

/**
 * The summary (trích yếu) of the report from the obligation's title: "Báo cáo kết quả học tập…"
 * → "Kết quả học tập…". When the obligation has several periods, the period is named.
 */
export function reportTitle(obligationTitle: string, period: { key: string; label: string }, periodCount: number): string {
  const base = upperFirst(obligationTitle.trim().replace(/^báo cáo\s+/iu, ''));
  if (periodCount <= 1 || period.key === 'once') return base;
  return /^\d{4}-\d{2}-\d{2}$/.test(period.key) ? `${base} (kỳ báo cáo ngày ${period.label})` : `${base} ${lowerFirst(period.label)}`;
}

export interface DraftContext {
  readonly obligationTitle: string;
  readonly period: { key: string; label: string };
  readonly periodCount: number;
  /** "Kế hoạch số 48-KH/ĐUK, ngày 11/3/2022 của Ban Thường vụ Đảng ủy Khối … về …": the document the report answers. */
  readonly answers: string;
  /** How the running text names the consolidating body ("Ban Thường vụ Đảng ủy Khối …"). */
  readonly bodyName: string;
  readonly recipients: readonly string[];
  readonly signature: Signature | null;
}

/** The draft trienkhai proposes from a consolidation, before the office edits it. */
export function defaultDraft(c: Consolidation, ctx: DraftContext): ConsolidationDraft {
  const title = reportTitle(ctx.obligationTitle, ctx.period, ctx.periodCount);
  return {
    title,
    opening: `Thực hiện ${ctx.answers}, ${ctx.bodyName} báo cáo kết quả như sau:`,
    sections: c.sections.map((s) => ({ key: s.key, title: s.title, text: sectionText(s) })),
    overrides: [],
    closing: `Trên đây là báo cáo ${lowerFirst(title)} của ${ctx.bodyName}.`,
    recipients: [...ctx.recipients],
    signer: { capacity: ctx.signature?.capacity ?? '', title: ctx.signature?.title ?? '', name: ctx.signature?.name ?? '' },
  };
}

/**
 * A saved draft fitted to today's form and figures: every section of the form is there (a new
 * one drafted from the passages), sections the form no longer has are dropped, and overrides of
 * figures the form no longer has are dropped.
 */
export function fitDraft(saved: ConsolidationDraft, c: Consolidation): ConsolidationDraft {
  const keys = new Set(c.figures.map((f) => f.key));
  return {
    ...saved,
    sections: c.sections.map((s) => {
      const kept = saved.sections.find((x) => x.key === s.key);
      return kept ? { key: s.key, title: s.title, text: kept.text } : { key: s.key, title: s.title, text: sectionText(s) };
    }),
    overrides: saved.overrides.filter((o) => keys.has(o.key)),
  };
}

/** The figures the report prints: overrides replace the sums and keep their notes. */
export function effectiveFigures(c: Consolidation, draft: Pick<ConsolidationDraft, 'overrides'>): EffectiveFigure[] {
  return c.figures.map((f) => {
    const o = draft.overrides.find((x) => x.key === f.key);
    return { ...f, value: o ? o.value : f.total, overridden: !!o, note: o ? o.note : null };
  });
}

/** Every source of the consolidation, once each: what a saved or sent version was made of. */
export function sourcesOf(c: Consolidation): Source[] {
  return c.reports.flatMap((r) => (r.source ? [r.source] : []));
}
