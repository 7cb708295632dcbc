/**
 * The consolidated report (báo cáo tổng hợp) of one report obligation and period over a unit's
 * subtree, from the reports the units below sent: figures summed over the subtree and per direct
 * child unit, the narrative parts gathered under each section of the form with the unit's name,
 * and every unit that owes the report with its state. Every figure and passage names the unit,
 * submission and version it came from. Pure: the caller loads the tree and the reports.
 *
 * What counts (docs/decisions/005-consolidation.md):
 * - Only **accepted** reports are summed. A report submitted and not yet accepted, returned,
 *   drafted or missing is listed with its state and never counted as zero.
 * - Consolidation climbs the tree level by level: a unit that owes the report itself stands for
 *   its whole subtree (its report is its own consolidation of the units below it), so the units
 *   below it are not counted a second time. The reports looked at are the **topmost** ones under
 *   the consolidating unit: those with no reporting unit between them and it. The consolidating
 *   unit's own report is what this consolidation produces, never one of its sources.
 */
import { daysLate } from '../deadline/resolve.ts';
import type { IsoDate } from '../ids.ts';
import type { ReportForm } from '../reports/form.ts';
import { sectionsOf } from '../reports/form.ts';

export interface SubtreeUnit {
  readonly id: string;
  /** The parent in the tree as its path says (null for the root of the data). */
  readonly parentId: string | null;
  readonly name: string;
}

export type StoredInstanceStatus = 'pending' | 'draft' | 'submitted' | 'returned' | 'accepted';

export interface AcceptedVersion {
  readonly submissionId: string;
  readonly version: number;
  readonly figures: Readonly<Record<string, number | null>>;
  readonly narrative: Readonly<Record<string, string>>;
}

/** What one unit owes for the period: its obligation instance and, once accepted, the accepted version. */
export interface OwedReport {
  readonly unitId: string;
  readonly instanceId: string;
  readonly status: StoredInstanceStatus;
  readonly dueDate: IsoDate | null;
  readonly firstSubmittedOn: IsoDate | null;
  /** The accepted version (the current one); null unless `status` is accepted. */
  readonly accepted: AcceptedVersion | null;
}

export interface ConsolidationInput {
  readonly rootId: string;
  /** The units of the root's subtree, the root included; others are ignored. */
  readonly units: readonly SubtreeUnit[];
  /** The reports owed in the subtree for one period, at most one per unit. */
  readonly reports: readonly OwedReport[];
  readonly form: ReportForm;
  readonly today: IsoDate;
}

/** Where a figure or a passage came from. */
export interface Source {
  readonly unitId: string;
  readonly unitName: string;
  readonly submissionId: string;
  readonly version: number;
}

/**
 * The state of a report for the consolidation: accepted (counted), submitted and awaiting review,
 * returned for correction, missing (not submitted, past due), not yet due.
 */
export const UNIT_REPORT_STATES = ['accepted', 'awaiting_review', 'returned', 'missing', 'not_due'] as const;
export type UnitReportState = (typeof UNIT_REPORT_STATES)[number];

export interface UnitReport {
  readonly unitId: string;
  readonly unitName: string;
  /** The direct child of the consolidating unit whose subtree holds this unit (itself when it is one). */
  readonly childId: string;
  readonly instanceId: string;
  readonly dueDate: IsoDate | null;
  readonly state: UnitReportState;
  /** True only for accepted reports: they, and only they, are summed. */
  readonly counted: boolean;
  /** Submitted after the due date (judged on the first submission), or still missing after it. */
  readonly late: boolean;
  /** Days past the due date: of the first submission when it came late, of today while missing. */
  readonly daysLate: number | null;
  readonly submittedOn: IsoDate | null;
  /** The accepted version counted; null when not counted. */
  readonly source: Source | null;
}

export interface FigureTotal {
  readonly key: string;
  readonly label: string;
  readonly unit: string | null;
  readonly of: string | null;
  /** The sum over the counted reports that gave the figure; null when none gave it (never a silent 0). */
  readonly total: number | null;
  readonly sources: readonly (Source & { readonly value: number })[];
  /** Counted reports that left the figure empty. */
  readonly gaps: readonly { readonly unitId: string; readonly unitName: string }[];
}

export interface ChildRow {
  readonly unitId: string;
  readonly name: string;
  /** Reports owed in the child's subtree (the topmost ones). */
  readonly expected: number;
  readonly counted: number;
  /** The sum over the child's counted reports; null for a figure none of them gave. */
  readonly figures: Readonly<Record<string, number | null>>;
}

export interface NarrativePart extends Source {
  readonly text: string;
}

export interface GatheredSection {
  readonly key: string;
  readonly title: string;
  readonly parts: readonly NarrativePart[];
}

export interface ConsolidationSummary {
  readonly expected: number;
  readonly counted: number;
  readonly awaitingReview: number;
  readonly returned: number;
  readonly missing: number;
  readonly notDue: number;
  /** Reports counted or awaiting review that came after the due date. */
  readonly late: number;
}

export interface Consolidation {
  /** Every unit whose report the consolidation looks at, by direct child then by name. */
  readonly reports: readonly UnitReport[];
  readonly figures: readonly FigureTotal[];
  /** One row per direct child with reports owed in its subtree, by name. */
  readonly children: readonly ChildRow[];
  readonly sections: readonly GatheredSection[];
  readonly summary: ConsolidationSummary;
  /** What was counted, as "submissionId@version", sorted: two consolidations with the same basis add up the same. */
  readonly basis: readonly string[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The state of one report on `today` (see UnitReportState). */
export function reportState(r: Pick<OwedReport, 'status' | 'dueDate' | 'firstSubmittedOn' | 'accepted'>, today: IsoDate): UnitReportState {
  if (r.status === 'accepted' && r.accepted) return 'accepted';
  if (r.status === 'submitted' || r.status === 'accepted') return 'awaiting_review';
  if (r.status === 'returned') return 'returned';
  return r.dueDate !== null && today > r.dueDate ? 'missing' : 'not_due';
}

/**
 * Days late: of the first submission when it came after the due date (correcting a report later
 * does not make it late), of today while nothing has been submitted and the due date has passed.
 */
export function reportDaysLate(r: Pick<OwedReport, 'dueDate' | 'firstSubmittedOn'>, today: IsoDate): number | null {
  if (r.dueDate === null) return null;
  if (r.firstSubmittedOn !== null) return r.firstSubmittedOn > r.dueDate ? daysLate(r.dueDate, r.firstSubmittedOn) : null;
  return today > r.dueDate ? daysLate(r.dueDate, today) : null;
}

/**
 * Consolidates the reports of the subtree of `rootId` (see the module comment for what counts).
 * Units are walked from the root: a unit owing a report is taken and its subtree is not entered;
 * a unit owing none is passed through. Throws RangeError when the root is not among the units.
 */
export function consolidate(input: ConsolidationInput): Consolidation {
  const units = new Map(input.units.map((u) => [u.id, u]));
  const root = units.get(input.rootId);
  if (!root) throw new RangeError(`Đơn vị tổng hợp ${input.rootId} không có trong cây đã cho`);
  const kids = new Map<string, SubtreeUnit[]>();
  for (const u of input.units) {
    if (u.id === input.rootId || u.parentId === null) continue;
    const list = kids.get(u.parentId) ?? [];
    list.push(u);
    kids.set(u.parentId, list);
  }
  for (const list of kids.values()) list.sort(byName);
  const owed = new Map(input.reports.map((r) => [r.unitId, r]));

  // The topmost reports under the root, grouped by direct child, in tree order.
  const reports: UnitReport[] = [];
  const take = (u: SubtreeUnit, childId: string) => {
    const r = owed.get(u.id);
    if (r) {
      const state = reportState(r, input.today);
      const days = reportDaysLate(r, input.today);
      const counted = state === 'accepted';
      reports.push({
        unitId: u.id,
        unitName: u.name,
        childId,
        instanceId: r.instanceId,
        dueDate: r.dueDate,
        state,
        counted,
        late: days !== null && days > 0,
        daysLate: days,
        submittedOn: r.firstSubmittedOn,
        source: counted && r.accepted ? { unitId: u.id, unitName: u.name, submissionId: r.accepted.submissionId, version: r.accepted.version } : null,
      });
      return;
    }
    for (const k of kids.get(u.id) ?? []) take(k, childId);
  };
  for (const child of kids.get(root.id) ?? []) take(child, child.id);

  const acceptedOf = (r: UnitReport) => owed.get(r.unitId)?.accepted ?? null;
  const counted = reports.filter((r) => r.counted);

  const figures: FigureTotal[] = input.form.figures.map((f) => {
    const sources: (Source & { value: number })[] = [];
    const gaps: { unitId: string; unitName: string }[] = [];
    for (const r of counted) {
      const v = acceptedOf(r)?.figures[f.key];
      if (typeof v === 'number' && Number.isFinite(v)) sources.push({ ...r.source!, value: v });
      else gaps.push({ unitId: r.unitId, unitName: r.unitName });
    }
    return {
      key: f.key,
      label: f.label,
      unit: f.unit ?? null,
      of: f.of ?? null,
      total: sources.length > 0 ? sources.reduce((s, x) => s + x.value, 0) : null,
      sources,
      gaps,
    };
  });

  const children: ChildRow[] = (kids.get(root.id) ?? [])
    .map((child) => {
      const mine = reports.filter((r) => r.childId === child.id);
      const sums: Record<string, number | null> = {};
      for (const f of input.form.figures) {
        let sum: number | null = null;
        for (const r of mine) {
          const v = r.counted ? acceptedOf(r)?.figures[f.key] : undefined;
          if (typeof v === 'number' && Number.isFinite(v)) sum = (sum ?? 0) + v;
        }
        sums[f.key] = sum;
      }
      return { unitId: child.id, name: child.name, expected: mine.length, counted: mine.filter((r) => r.counted).length, figures: sums };
    })
    .filter((c) => c.expected > 0);

  const sections: GatheredSection[] = sectionsOf(input.form).map((s) => ({
    key: s.key,
    title: s.title,
    parts: counted.flatMap((r) => {
      const text = acceptedOf(r)?.narrative[s.key]?.trim() ?? '';
      return text ? [{ ...r.source!, text }] : [];
    }),
  }));

  const count = (state: UnitReportState) => reports.filter((r) => r.state === state).length;
  return {
    reports,
    figures,
    children,
    sections,
    summary: {
      expected: reports.length,
      counted: counted.length,
      awaitingReview: count('awaiting_review'),
      returned: count('returned'),
      missing: count('missing'),
      notDue: count('not_due'),
      late: reports.filter((r) => r.late && (r.state === 'accepted' || r.state === 'awaiting_review')).length,
    },
    basis: counted.map((r) => `${r.source!.submissionId}@${r.source!.version}`).sort(),
  };
}

/**
 * The units to urge on `today`: past the due date without a report that counts or awaits review —
 * missing, or returned and not yet sent again (a returned report counts as not submitted) — with
 * the days since the due date.
 */
export function unitsToUrge(c: Consolidation, today: IsoDate): (UnitReport & { readonly overdueDays: number })[] {
  return c.reports.flatMap((r) =>
    (r.state === 'missing' || r.state === 'returned') && r.dueDate !== null && today > r.dueDate ? [{ ...r, overdueDays: daysLate(r.dueDate, today) }] : [],
  );
}
