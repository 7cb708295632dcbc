import type { Due } from '#core/deadline/types.ts';
import type { AudienceScope } from '#core/plans/audience.ts';
import { foldForSearch } from '#core/text/fold.ts';
import type { Confidentiality, PlanUnitProposals, PlanView, TaskKind } from '#shared/plans.ts';
import type { UnitRef } from '../../components/unit-queries.ts';

/**
 * The plan editor's working copy of a draft: what the person sees and types, turned into the
 * `PlanDraft` of shared/plans.ts only when saving. Units carry their names so the fields can show
 * them; figures refer to their whole by a local id, so renaming a figure keeps the "of" link.
 */
export interface AudienceForm {
  scope: AudienceScope;
  kinds: string[];
  units: UnitRef[];
}

export interface TaskForm {
  uid: string;
  id?: string;
  text: string;
  kind: TaskKind;
  lead: UnitRef[];
  support: UnitRef[];
  /** Lead and support units as the document writes them, kept while the chosen units are unchanged. */
  leadText: string[];
  supportText: string[];
  due: Due | null;
  dueText: string | null;
  audience: AudienceForm;
  responsible: string;
  responsibility: string;
  authority: string;
  output: string;
  parentTaskId: string | null;
  /** Fields whose units were proposed from the document's names and are not yet confirmed or changed. */
  proposed: ('lead' | 'support')[];
}

export interface FigureForm {
  uid: string;
  /** The stored key ("so_dang_vien_hoc_tap"); null while new: derived from the label when saving. */
  key: string | null;
  label: string;
  unit: string;
  /** The uid of the figure this one is a part of. */
  ofUid: string | null;
}

export interface SectionForm {
  uid: string;
  key: string | null;
  title: string;
}

export interface ObligationForm {
  uid: string;
  id?: string;
  title: string;
  fromText: string;
  to: UnitRef | null;
  via: UnitRef | null;
  /** The recipient and channel as the document writes them, kept while no unit is chosen. */
  toText: string;
  viaText: string;
  due: Due[];
  cutoffDay: number | null;
  figures: FigureForm[];
  sections: SectionForm[];
  audience: AudienceForm;
  /** Fields whose unit was proposed from the document's names and is not yet confirmed or changed. */
  proposed: ('to' | 'via')[];
}

export interface DocRef {
  id: string;
  label: string;
}

export interface PlanForm {
  unitId: string;
  unitName: string;
  number: string;
  title: string;
  issuedOn: string | null;
  implementsDocs: DocRef[];
  parentPlanId: string | null;
  confidentiality: Confidentiality;
  /** Typed as "7, 1". */
  reminderDays: string;
  sessionNoticeDays: number | null;
  /** One recipient per line. */
  recipients: string;
  tasks: TaskForm[];
  obligations: ObligationForm[];
}

let counter = 0;
/** A local id for a row of the form (React keys, figure links). */
export function newUid(prefix = 'x'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function emptyAudience(scope: AudienceScope = 'grassroots'): AudienceForm {
  return { scope, kinds: [], units: [] };
}

export function emptyTask(): TaskForm {
  return {
    uid: newUid('t'),
    text: '',
    kind: 'task',
    lead: [],
    support: [],
    leadText: [],
    supportText: [],
    due: null,
    dueText: null,
    audience: emptyAudience(),
    responsible: '',
    responsibility: '',
    authority: '',
    output: '',
    parentTaskId: null,
    proposed: [],
  };
}

export function emptyFigure(label = ''): FigureForm {
  return { uid: newUid('f'), key: null, label, unit: '', ofUid: null };
}

export function emptySection(title = ''): SectionForm {
  return { uid: newUid('s'), key: null, title };
}

/** A new report obligation, sent by default to the plan's own unit. */
export function emptyObligation(to: UnitRef | null): ObligationForm {
  return {
    uid: newUid('o'), title: '', fromText: '', to, via: null, toText: '', viaText: '', due: [], cutoffDay: null, figures: [], sections: [],
    audience: emptyAudience(), proposed: [],
  };
}

export function emptyPlan(unit: UnitRef): PlanForm {
  return {
    unitId: unit.id,
    unitName: unit.name,
    number: '',
    title: '',
    issuedOn: null,
    implementsDocs: [],
    parentPlanId: null,
    confidentiality: 'normal',
    reminderDays: '7, 1',
    sessionNoticeDays: null,
    recipients: '',
    tasks: [],
    obligations: [],
  };
}

/** Pairs ids with the names written beside them when both lists match; otherwise names are looked up later. */
function refs(ids: readonly string[], names: readonly string[]): UnitRef[] {
  return ids.map((id, i) => ({ id, name: ids.length === names.length ? (names[i] ?? '') : '' }));
}

function audienceOf(a: PlanView['tasks'][number]['audience']): AudienceForm {
  return { scope: a.scope, kinds: [...(a.kinds ?? [])], units: (a.unitIds ?? []).map((id) => ({ id, name: '' })) };
}

const docLabel = (d: PlanView['implements'][number]) => [d.number ?? d.kind, d.title].filter(Boolean).join(' — ');

/** The working copy of a saved draft. */
export function formFromView(p: PlanView): PlanForm {
  return {
    unitId: p.unitId,
    unitName: p.unitName,
    number: p.number ?? '',
    title: p.title,
    issuedOn: p.issuedOn,
    implementsDocs: p.implements.map((d) => ({ id: d.id, label: docLabel(d) })),
    parentPlanId: p.parentPlanId,
    confidentiality: p.confidentiality,
    reminderDays: p.reminderDays.join(', '),
    sessionNoticeDays: p.sessionNoticeDays,
    recipients: p.recipients.join('\n'),
    tasks: p.tasks.map((x) => ({
      uid: newUid('t'),
      id: x.id,
      text: x.text,
      kind: x.kind,
      lead: refs(x.leadUnitIds, x.leadText),
      support: refs(x.supportUnitIds, x.supportText),
      leadText: x.leadText,
      supportText: x.supportText,
      due: (x.due as Due | null) ?? null,
      dueText: x.dueText,
      audience: audienceOf(x.audience),
      responsible: x.responsible ?? '',
      responsibility: x.responsibility ?? '',
      authority: x.authority ?? '',
      output: x.output ?? '',
      parentTaskId: x.parentTaskId,
      proposed: [],
    })),
    obligations: p.obligations.map((o) => {
      const uids = new Map(o.form.figures.map((f) => [f.key, newUid('f')]));
      return {
        uid: newUid('o'),
        id: o.id,
        title: o.title,
        fromText: o.fromText ?? '',
        to: o.toUnitId ? { id: o.toUnitId, name: o.toText ?? '' } : null,
        via: o.viaUnitId ? { id: o.viaUnitId, name: o.viaText ?? '' } : null,
        toText: o.toUnitId ? '' : (o.toText ?? ''),
        viaText: o.viaUnitId ? '' : (o.viaText ?? ''),
        due: o.due as Due[],
        cutoffDay: o.cutoffDay,
        figures: o.form.figures.map((f) => ({ uid: uids.get(f.key)!, key: f.key, label: f.label, unit: f.unit ?? '', ofUid: f.of ? (uids.get(f.of) ?? null) : null })),
        sections: o.form.sections.map((s) => ({ uid: newUid('s'), key: s.key, title: s.title })),
        audience: audienceOf(o.audience),
        proposed: [],
      };
    }),
  };
}

/**
 * A form key from a label: no diacritics, lower case, words joined by "_" ("Số đảng viên được
 * học tập" → "so_dang_vien_duoc_hoc_tap"), unique among `taken` (a suffix _2, _3 … when needed).
 */
export function keyFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
  let base = foldForSearch(label).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 50).replace(/_+$/, '');
  if (!base) base = fallback;
  if (!/^[a-z]/.test(base)) base = `${fallback}_${base}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Keys for every row: the stored ones kept, new ones derived from their labels. */
function assignKeys<T extends { uid: string; key: string | null }>(rows: readonly T[], labelOf: (r: T) => string, fallback: string): Map<string, string> {
  const taken = new Set(rows.map((r) => r.key).filter((k): k is string => !!k));
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.key) {
      out.set(r.uid, r.key);
      continue;
    }
    const key = keyFromLabel(labelOf(r), taken, fallback);
    taken.add(key);
    out.set(r.uid, key);
  }
  return out;
}

const nullIfBlank = (s: string) => (s.trim() === '' ? null : s.trim());

function audienceDraft(a: AudienceForm) {
  return {
    scope: a.scope,
    ...(a.scope === 'kinds' || (a.kinds.length > 0 && (a.scope === 'grassroots' || a.scope === 'children')) ? { kinds: a.kinds } : {}),
    ...(a.scope === 'units' ? { unitIds: a.units.map((u) => u.id) } : {}),
  };
}

/** Reads "7, 1" as reminder days (unique, largest first); numbers out of range are left for the schema to refuse. */
export function parseDays(text: string): number[] {
  const days = text.split(/[^\d]+/).filter(Boolean).map(Number);
  return [...new Set(days)].sort((a, b) => b - a);
}

/**
 * The request body of POST /api/plans or PUT /api/plans/:id (validate it with PlanDraftSchema).
 * Lead and support names follow the chosen units; the document's wording is kept while no unit is chosen.
 */
export function draftFromForm(f: PlanForm) {
  return {
    unitId: f.unitId,
    number: nullIfBlank(f.number),
    title: f.title,
    issuedOn: f.issuedOn,
    implementsDocumentIds: f.implementsDocs.map((d) => d.id),
    parentPlanId: f.parentPlanId,
    confidentiality: f.confidentiality,
    reminderDays: parseDays(f.reminderDays),
    sessionNoticeDays: f.sessionNoticeDays,
    recipients: f.recipients.split('\n').map((s) => s.trim()).filter(Boolean),
    tasks: f.tasks.map((x) => ({
      ...(x.id ? { id: x.id } : {}),
      text: x.text,
      kind: x.kind,
      leadUnitIds: x.lead.map((u) => u.id),
      supportUnitIds: x.support.map((u) => u.id),
      leadText: x.lead.length > 0 ? x.lead.map((u) => u.name).filter(Boolean) : x.leadText,
      supportText: x.support.length > 0 ? x.support.map((u) => u.name).filter(Boolean) : x.supportText,
      due: x.due,
      dueText: x.dueText,
      audience: audienceDraft(x.audience),
      responsible: nullIfBlank(x.responsible),
      responsibility: nullIfBlank(x.responsibility),
      authority: nullIfBlank(x.authority),
      output: nullIfBlank(x.output),
      parentTaskId: x.parentTaskId,
    })),
    obligations: f.obligations.map((o) => {
      const figureKeys = assignKeys(o.figures, (x) => x.label, 'chi_tieu');
      const sectionKeys = assignKeys(o.sections, (x) => x.title, 'muc');
      return {
        ...(o.id ? { id: o.id } : {}),
        title: o.title,
        fromText: nullIfBlank(o.fromText),
        toText: o.to?.name || nullIfBlank(o.toText),
        viaText: o.via?.name || nullIfBlank(o.viaText),
        toUnitId: o.to?.id ?? null,
        viaUnitId: o.via?.id ?? null,
        due: o.due,
        cutoffDay: o.cutoffDay,
        form: {
          figures: o.figures.map((x) => ({
            key: figureKeys.get(x.uid)!,
            label: x.label,
            unit: nullIfBlank(x.unit),
            of: x.ofUid ? (figureKeys.get(x.ofUid) ?? null) : null,
          })),
          sections: o.sections.map((s) => ({ key: sectionKeys.get(s.uid)!, title: s.title })),
        },
        audience: audienceDraft(o.audience),
      };
    }),
  };
}

/** Every unit id the form shows without a name (a loaded draft keeps only ids of some units). */
export function unnamedUnitIds(f: PlanForm): string[] {
  const out: string[] = [];
  const add = (u: UnitRef | null) => {
    if (u && !u.name) out.push(u.id);
  };
  for (const x of f.tasks) [...x.lead, ...x.support, ...x.audience.units].forEach(add);
  for (const o of f.obligations) [o.to, o.via, ...o.audience.units].forEach(add);
  return [...new Set(out)];
}

/** The form with the names looked up filled in (before saving, so the names written match the units). */
export function fillNames(f: PlanForm, names: ReadonlyMap<string, string>): PlanForm {
  const fill = (u: UnitRef): UnitRef => (u.name ? u : { id: u.id, name: names.get(u.id) ?? '' });
  const fillAudience = (a: AudienceForm): AudienceForm => ({ ...a, units: a.units.map(fill) });
  return {
    ...f,
    tasks: f.tasks.map((x) => ({ ...x, lead: x.lead.map(fill), support: x.support.map(fill), audience: fillAudience(x.audience) })),
    obligations: f.obligations.map((o) => ({
      ...o,
      to: o.to ? fill(o.to) : null,
      via: o.via ? fill(o.via) : null,
      audience: fillAudience(o.audience),
    })),
  };
}

/** What the server proposed for one name the document writes (GET /api/plans/:id/unit-proposals). */
export type NameProposal = PlanUnitProposals['names'][number];

/** The proposals by the name they are for. */
export function proposalsByText(p: PlanUnitProposals | undefined): Map<string, NameProposal> {
  return new Map((p?.names ?? []).map((n) => [n.text, n]));
}

/** The units to pre-select for names written in the document: those proposed for each name, once each. */
function proposedUnits(texts: readonly string[], proposals: ReadonlyMap<string, NameProposal>): UnitRef[] {
  const out: UnitRef[] = [];
  for (const text of texts) for (const u of proposals.get(text)?.selected ?? []) if (!out.some((x) => x.id === u.id)) out.push(u);
  return out;
}

/**
 * The form with the units proposed for the document's names pre-selected where no unit is chosen
 * yet: a task's lead and support, a report's recipient and channel. Each field filled is marked
 * proposed until the person confirms or changes it; fields already chosen are left alone.
 */
export function applyProposals(f: PlanForm, proposals: ReadonlyMap<string, NameProposal>): PlanForm {
  if (proposals.size === 0) return f;
  return {
    ...f,
    tasks: f.tasks.map((x) => {
      const lead = x.lead.length === 0 ? proposedUnits(x.leadText, proposals) : [];
      const support = x.support.length === 0 ? proposedUnits(x.supportText, proposals) : [];
      if (lead.length === 0 && support.length === 0) return x;
      return {
        ...x,
        lead: lead.length > 0 ? lead : x.lead,
        support: support.length > 0 ? support : x.support,
        proposed: [...new Set([...x.proposed, ...(lead.length > 0 ? ['lead' as const] : []), ...(support.length > 0 ? ['support' as const] : [])])],
      };
    }),
    obligations: f.obligations.map((o) => {
      const to = !o.to && o.toText ? (proposedUnits([o.toText], proposals)[0] ?? null) : null;
      const via = !o.via && o.viaText ? (proposedUnits([o.viaText], proposals)[0] ?? null) : null;
      if (!to && !via) return o;
      return {
        ...o,
        to: to ?? o.to,
        via: via ?? o.via,
        proposed: [...new Set([...o.proposed, ...(to ? ['to' as const] : []), ...(via ? ['via' as const] : [])])],
      };
    }),
  };
}

/** The units offered as suggestions for names of the document no unit was pre-selected for (at most `max`). */
export function suggestedUnits(texts: readonly string[], proposals: ReadonlyMap<string, NameProposal>, max = 3): UnitRef[] {
  const out: UnitRef[] = [];
  for (const text of texts) {
    for (const m of proposals.get(text)?.matches ?? []) {
      if (out.length < max && !out.some((x) => x.id === m.id)) out.push({ id: m.id, name: m.name });
    }
  }
  return out;
}

/** The item without the proposed mark on `field`: the person confirmed or changed it. */
export function settled<T extends { proposed: readonly string[] }>(item: T, field: T['proposed'][number]): T {
  return item.proposed.includes(field) ? { ...item, proposed: item.proposed.filter((p) => p !== field) as T['proposed'] } : item;
}
