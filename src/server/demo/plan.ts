import type { IsoDate } from '#core/ids.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import { hoChiMinhParty, hoChiMinhYouth } from './ho-chi-minh.ts';
import { kyAnh } from './ky-anh.ts';
import { demoUuid } from './names.ts';
import type { PeopleContext, PlannedPerson } from './people.ts';
import { generatePeople } from './people.ts';
import type { DemoTree, UnitSpec } from './spec.ts';
import { TERM_FROM } from './spec.ts';
import { traVinh } from './tra-vinh.ts';
import { tuyenQuang } from './tuyen-quang.ts';

/** The organisations of the demo, in the order they are loaded. */
export const DEMO_TREES: readonly DemoTree[] = [tuyenQuang, traVinh, kyAnh, hoChiMinhParty, hoChiMinhYouth];

/** The term of office of the committees of the demo (approximate dates of the 2020 - 2025 congresses). */
export const DEMO_TERM = { label: '2020 - 2025', start: TERM_FROM, end: '2025-09-30' as IsoDate };

export interface PlannedUnit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  validFrom: IsoDate;
  term: { label: string; start: IsoDate; end: IsoDate | null } | null;
}

/** A restructuring step with every unit named by id. */
export type PlannedStep =
  | { kind: 'create'; on: IsoDate; units: PlannedUnit[]; people: PlannedPerson[] }
  | { kind: 'move'; on: IsoDate; unitIds: string[]; to: string; note: string }
  | { kind: 'merge'; on: IsoDate; sourceIds: string[]; into: string; keepLeadersOf: string | null; note: string }
  | { kind: 'rename'; on: IsoDate; unitId: string; name: string; shortName?: string | null }
  | { kind: 'dissolve'; on: IsoDate; unitId: string; note: string };

export interface DemoPlan {
  /** The trees as they stood from the start of the term, parents before children. */
  units: PlannedUnit[];
  people: PlannedPerson[];
  /** The restructuring since, in the order it is applied. */
  steps: PlannedStep[];
  /** Unit id by ref. */
  refs: Map<string, string>;
  /** People by unit id, in the order generated (leaders first). */
  peopleByUnit: Map<string, PlannedPerson[]>;
}

/**
 * Builds the whole demo as plain data: no database, no clock, no randomness beyond seeded
 * generators, so two calls return the same plan.
 */
export function planDemo(): DemoPlan {
  const plan: DemoPlan = { units: [], people: [], steps: [], refs: new Map(), peopleByUnit: new Map() };
  const cards = new Map<string, number>();

  const place = (tree: DemoTree, ctx: PeopleContext, spec: UnitSpec, parent: { id: string; key: string } | null, from: IsoDate, units: PlannedUnit[], people: PlannedPerson[]) => {
    const key = spec.ref ?? `${parent?.key ?? tree.key}/${spec.name}`;
    const id = demoUuid(key);
    if (plan.refs.has(key) || units.some((u) => u.id === id) || plan.units.some((u) => u.id === id)) {
      throw new Error(`Demo: duplicate unit "${key}"`);
    }
    plan.refs.set(key, id);
    units.push({
      id,
      parentId: parent?.id ?? null,
      kind: spec.kind,
      name: spec.name,
      shortName: spec.shortName ?? null,
      validFrom: from,
      term: spec.term ? (from === TERM_FROM ? DEMO_TERM : { label: DEMO_TERM.label, start: from, end: DEMO_TERM.end < from ? null : DEMO_TERM.end }) : null,
    });
    if (spec.people) {
      const generated = generatePeople(
        { id, key, kind: spec.kind, name: spec.name, profile: spec.people, size: spec.size, rapporteurs: spec.rapporteurs, validFrom: from },
        ctx,
      );
      people.push(...generated);
      plan.peopleByUnit.set(id, generated);
    }
    for (const child of spec.children ?? []) place(tree, ctx, child, { id, key }, from, units, people);
  };

  const contexts = new Map<DemoTree, PeopleContext>();
  for (const tree of DEMO_TREES) {
    const ctx: PeopleContext = {
      region: tree.region,
      families: tree.families ?? [],
      nextCard: () => {
        const n = (cards.get(tree.cardPrefix) ?? 0) + 1;
        cards.set(tree.cardPrefix, n);
        return `${tree.cardPrefix}${String(n).padStart(6, '0')}`;
      },
    };
    contexts.set(tree, ctx);
    place(tree, ctx, tree.root, null, TERM_FROM, plan.units, plan.people);
  }

  const ref = (r: string): string => {
    const id = plan.refs.get(r);
    if (!id) throw new Error(`Demo: unknown unit "${r}"`);
    return id;
  };
  for (const tree of DEMO_TREES) {
    for (const step of tree.reform) {
      switch (step.kind) {
        case 'create': {
          const units: PlannedUnit[] = [];
          const people: PlannedPerson[] = [];
          place(tree, contexts.get(tree)!, step.unit, { id: ref(step.parent), key: step.parent }, step.on, units, people);
          plan.steps.push({ kind: 'create', on: step.on, units, people });
          break;
        }
        case 'move':
          plan.steps.push({ kind: 'move', on: step.on, unitIds: step.units.map(ref), to: ref(step.to), note: step.note });
          break;
        case 'merge':
          plan.steps.push({
            kind: 'merge',
            on: step.on,
            sourceIds: step.sources.map(ref),
            into: ref(step.into),
            keepLeadersOf: step.keepLeadersOf ? ref(step.keepLeadersOf) : null,
            note: step.note,
          });
          break;
        case 'rename':
          plan.steps.push({ kind: 'rename', on: step.on, unitId: ref(step.unit), name: step.name, ...(step.shortName !== undefined ? { shortName: step.shortName } : {}) });
          break;
        case 'dissolve':
          plan.steps.push({ kind: 'dissolve', on: step.on, unitId: ref(step.unit), note: step.note });
          break;
      }
    }
  }
  return plan;
}

/** The unit id of a ref of the demo data. */
export function demoUnitId(ref: string): string {
  return demoUuid(ref);
}
