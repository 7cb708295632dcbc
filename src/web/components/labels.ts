import { ROLE_LABELS } from '#core/access/roles.ts';
import type { Role } from '#core/access/roles.ts';
import { MEMBER_CATEGORIES, POSITIONS, UNIT_KINDS } from '#core/org-tree/kinds.ts';
import { useLang } from './use-lang.ts';

type Labelled = Record<string, { vi: string; en: string }>;

function pick(table: Labelled, key: string, lang: 'vi' | 'en'): string {
  return table[key]?.[lang] ?? key;
}

/** Labels of the domain's enumerations (unit kinds, member categories, positions, roles) in the current language. */
export function useLabels() {
  const lang = useLang();
  return {
    lang,
    unitKind: (k: string) => pick(UNIT_KINDS, k, lang),
    category: (k: string) => pick(MEMBER_CATEGORIES, k, lang),
    position: (k: string) => pick(POSITIONS, k, lang),
    role: (k: Role | string) => pick(ROLE_LABELS, k, lang),
    unitKindOptions: () => Object.entries(UNIT_KINDS).map(([value, l]) => ({ value, label: l[lang] })),
    categoryOptions: () => Object.entries(MEMBER_CATEGORIES).map(([value, l]) => ({ value, label: l[lang] })),
    positionOptions: () => Object.entries(POSITIONS).map(([value, l]) => ({ value, label: l[lang] })),
  };
}
