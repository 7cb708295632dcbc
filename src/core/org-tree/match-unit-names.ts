import { foldDiacritics } from '../text/fold.ts';
import { wordsF1 } from '../text/tokens.ts';

/**
 * Matching the name of a body as a document writes it ("Ban Tuyên giáo Đảng ủy Khối", "BTG
 * ĐUK", "Ban Thường vụ Tỉnh ủy") to the units of the tree around the unit that issues a plan: the
 * unit itself, its departments and its whole subtree, and the units above it.
 *
 * Names are compared in one normal form: no diacritics, lower case, words of letters and digits
 * only, abbreviations spelled out ("ĐUK" → "đảng ủy khối", "VPTU" → "văn phòng tỉnh ủy"), "đảng
 * bộ" read as "đảng ủy" and "chi ủy" as "chi bộ". A document names a department with its
 * committee after it ("Ban Tuyên giáo Đảng ủy Khối" for the unit "Ban Tuyên giáo" under "Đảng ủy
 * Khối …"), and a committee's standing body for the committee ("Ban Thường vụ Đảng ủy Khối" is the
 * Đảng ủy Khối): both are the unit. A name with a context that is not the unit's ("Ban Tuyên giáo
 * Tỉnh ủy" against the Khối's "Ban Tuyên giáo") is not it.
 */

/** Abbreviations that stand alone as a word: none of them is a Vietnamese syllable. */
export const UNIT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  duk: 'dang uy khoi',
  btg: 'ban tuyen giao',
  btc: 'ban to chuc',
  bdv: 'ban dan van',
  bnc: 'ban noi chinh',
  btgdv: 'ban tuyen giao va dan van',
  ubkt: 'uy ban kiem tra',
  vp: 'van phong',
  btv: 'ban thuong vu',
  bch: 'ban chap hanh',
  dtn: 'doan thanh nien',
  cd: 'cong doan',
  ccb: 'cuu chien binh',
  hccb: 'hoi cuu chien binh',
  lhpn: 'lien hiep phu nu',
  xdd: 'xay dung dang',
  mttq: 'mat tran to quoc',
  ubmttq: 'uy ban mat tran to quoc',
  ubmttqvn: 'uy ban mat tran to quoc viet nam',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  uv: 'uy vien',
  tw: 'trung uong',
  tp: 'thanh pho',
};

/** Parts that only occur joined to others ("VPTU", "BTGTU", "VPĐU"): alone they are ordinary words. */
const JOINED_ONLY: Readonly<Record<string, string>> = {
  tu: 'tinh uy',
  hu: 'huyen uy',
  du: 'dang uy',
  dk: 'dang uy khoi',
};

/** Words before a committee's name that mean the committee itself. */
const COMMITTEE_PREFIXES = ['ban thuong vu', 'thuong vu', 'ban chap hanh', 'thuong truc', 'tap the lanh dao'].map((p) => p.split(' '));

/** Words that open the name of many bodies at once ("các chi bộ", "những đơn vị"): no single unit. */
const COLLECTIVE = new Set(['cac', 'nhung', 'moi', 'toan']);

/** Words that say what kind of body it is or where, not which one: a weak match needs another word in common. */
const KIND_WORDS = new Set(
  'dang uy bo chi ban co so cap khoi doan hoi van phong tinh huyen xa phuong thi thanh pho quan truc thuoc cac va cua nhan dan uy vien'.split(' '),
);

/** Words that open a person's title, not a body's name ("đồng chí Bí thư chi bộ"). */
const PERSON = [['dong', 'chi'], ['d', 'c'], ['bi', 'thu'], ['pho', 'bi', 'thu']];

/** Bodies above a plan's unit by their kind of name, when the tree does not hold them. */
const HIGHER_BODIES = /\b(?:tinh uy|thanh uy|thi uy|huyen uy|quan uy|trung uong|bo chinh tri|ban bi thu|tinh doan|thanh doan|trung uong doan|cap tren)\b/u;

const ALL_PARTS: Readonly<Record<string, string>> = { ...UNIT_ABBREVIATIONS, ...JOINED_ONLY };

/** A joined abbreviation split into known parts, longest first ("vptu" → ["vp", "tu"]); null if it does not split. */
function splitJoined(word: string): string[] | null {
  if (word.length === 0) return [];
  for (let n = Math.min(word.length, 8); n >= 2; n--) {
    const head = word.slice(0, n);
    if (!(head in ALL_PARTS)) continue;
    const rest = splitJoined(word.slice(n));
    if (rest) return [head, ...rest];
  }
  return null;
}

/**
 * The normal form of a name, as words: folded, abbreviations spelled out, "đảng bộ" → "đảng
 * ủy", "chi ủy" → "chi bộ". Pure; the same for any case or diacritics of the input.
 */
export function normalizeUnitName(name: string): string[] {
  const words = foldDiacritics(name.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    const whole = UNIT_ABBREVIATIONS[w];
    if (whole) {
      out.push(...whole.split(' '));
      continue;
    }
    const parts = w.length >= 4 ? splitJoined(w) : null;
    if (parts && parts.length >= 2) {
      for (const p of parts) out.push(...(ALL_PARTS[p] as string).split(' '));
      continue;
    }
    out.push(w);
  }
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i] === 'dang' && out[i + 1] === 'bo') out[i + 1] = 'uy';
    else if (out[i] === 'chi' && out[i + 1] === 'uy') out[i + 1] = 'bo';
  }
  return out;
}

/** A unit as the matcher sees it. */
export interface NamedUnit {
  id: string;
  name: string;
  shortName?: string | null | undefined;
  parentId: string | null;
}

export type UnitRelation = 'self' | 'below' | 'above';
export type MatchStrength = 'exact' | 'strong' | 'weak';

export interface UnitNameMatch {
  unitId: string;
  strength: MatchStrength;
  /** 0..1: 1 for an exact match, less the looser it is. */
  score: number;
  /** Where the unit stands from the plan's unit. */
  relation: UnitRelation;
  /** The name named the unit's standing committee or leadership ("Ban Thường vụ …"). */
  committee: boolean;
}

export interface UnitNameProposal {
  text: string;
  /** The unit to pre-select: the one exact match nearest the plan's unit, or the only strong one; null if none is sure. */
  selected: string | null;
  /** True when `selected` equals the name after normalisation (with or without its committee's name after it). */
  exact: boolean;
  /** Every match, best first (at most `MAX_MATCHES`). */
  matches: UnitNameMatch[];
  /** The name reads as many bodies ("các chi bộ"): no unit is proposed. */
  collective: boolean;
}

export const MAX_MATCHES = 5;
const WEAK_AT_LEAST = 0.6;

interface Entry {
  unit: NamedUnit;
  relation: UnitRelation;
  /** Steps from the plan's unit (up or down). */
  distance: number;
  /** Its own names, normal form: the name, the name without the context it repeats, the short name. */
  own: string[][];
  /** The names of its parent, normal form: the context a document writes after its name. */
  contexts: string[][];
}

/** The units around a plan's unit, ready to match names against. */
export interface UnitNameIndex {
  rootId: string;
  entries: Entry[];
}

const startsWith = (a: readonly string[], b: readonly string[]) => b.length <= a.length && b.every((w, i) => a[i] === w);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && startsWith(a, b);

/** A context written after a name: the whole name of a unit above, or its first two words or more ("đảng ủy khối"). */
function isContext(words: readonly string[], contexts: readonly string[][]): boolean {
  return words.length > 0 && contexts.some((c) => startsWith(c, words) && (words.length >= 2 || c.length === 1));
}

/** The name without a context at its end that repeats its parent's ("ban tuyen giao dang uy khoi" → "ban tuyen giao"). */
function bare(name: string[], contexts: readonly string[][]): string[] | null {
  for (let cut = 1; cut < name.length; cut++) {
    if (isContext(name.slice(cut), contexts)) return name.slice(0, cut);
  }
  return null;
}

function namesOf(u: NamedUnit): string[][] {
  const out = [normalizeUnitName(u.name)];
  const short = u.shortName ? normalizeUnitName(u.shortName) : [];
  if (short.length >= 2) out.push(short);
  return out.filter((n) => n.length > 0);
}

/**
 * The index of `units` around the plan's unit `rootId`: the root, units whose chain of parents
 * reaches it (below), and the root's chain of parents (above). Other units are left out.
 */
export function buildUnitNameIndex(rootId: string, units: readonly NamedUnit[]): UnitNameIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const above = new Map<string, number>();
  for (let p = byId.get(rootId)?.parentId ?? null, d = 1; p && byId.has(p) && !above.has(p) && p !== rootId; p = byId.get(p)?.parentId ?? null, d++) above.set(p, d);
  const depthBelow = new Map<string, number>([[rootId, 0]]);
  const below = (id: string): number | null => {
    const seen: string[] = [];
    let cur: string | null = id;
    while (cur && !depthBelow.has(cur) && byId.has(cur) && !seen.includes(cur)) {
      seen.push(cur);
      cur = byId.get(cur)?.parentId ?? null;
    }
    const base = cur ? depthBelow.get(cur) : undefined;
    if (base === undefined) return null;
    seen.reverse().forEach((s, i) => depthBelow.set(s, base + i + 1));
    return depthBelow.get(id) ?? null;
  };
  const contextsOf = (u: NamedUnit): string[][] => {
    const parent = u.parentId && u.parentId !== u.id ? byId.get(u.parentId) : undefined;
    if (!parent) return [];
    const out = namesOf(parent);
    // The parent's name without its own context ("đảng ủy khối" of "Đảng ủy Khối …" named in full).
    const grand = parent.parentId && parent.parentId !== parent.id ? byId.get(parent.parentId) : undefined;
    for (const n of [...out]) {
      const b = grand ? bare(n, namesOf(grand)) : null;
      if (b && b.length > 0) out.push(b);
    }
    return out;
  };
  const entries: Entry[] = [];
  for (const u of units) {
    let relation: UnitRelation;
    let distance: number;
    if (u.id === rootId) [relation, distance] = ['self', 0];
    else if (above.has(u.id)) [relation, distance] = ['above', above.get(u.id) as number];
    else {
      const d = below(u.id);
      if (d === null) continue;
      [relation, distance] = ['below', d];
    }
    const contexts = contextsOf(u);
    const own = namesOf(u);
    for (const n of [...own]) {
      const b = bare(n, contexts);
      if (b && b.length > 0) own.push(b);
    }
    if (own.length > 0) entries.push({ unit: u, relation, distance, own, contexts });
  }
  return { rootId, entries };
}

const RANK: Record<MatchStrength, number> = { exact: 0, strong: 1, weak: 2 };

/** How `words` names the entry's unit, or null when it does not (or names another body's). */
function matchEntry(words: readonly string[], e: Entry): { strength: MatchStrength; score: number } | null {
  let contradicted = false;
  for (const n of e.own) {
    if (same(words, n)) return { strength: 'exact', score: 1 };
    // "Ban Tuyên giáo Đảng ủy Khối" for "Ban Tuyên giáo" under "Đảng ủy Khối …".
    if (startsWith(words, n) && words.length > n.length) {
      if (isContext(words.slice(n.length), e.contexts)) return { strength: 'exact', score: 1 };
      // Unless another of its names fits, the name goes on with another body's: "Ban Tuyên giáo Tỉnh ủy" is not the Khối's.
      contradicted = true;
    }
  }
  if (contradicted) return null;
  let best: { strength: MatchStrength; score: number } | null = null;
  for (const n of e.own) {
    // "Đảng ủy Khối" for "Đảng ủy Khối Dân - Chính - Đảng Thành phố"; "Ban Tuyên giáo" for "Ban Tuyên giáo Đảng ủy Khối".
    // Most words in common, the head word and a word that is more than a kind of body among them.
    const m: { strength: MatchStrength; score: number } | null =
      words.length >= 2 && startsWith(n, words)
        ? { strength: 'strong', score: 0.7 + 0.25 * (words.length / n.length) }
        : n.includes(words[0] as string) && words.some((w) => !KIND_WORDS.has(w) && n.includes(w)) && wordsF1(words, n) >= WEAK_AT_LEAST
          ? { strength: 'weak', score: 0.6 * wordsF1(words, n) }
          : null;
    if (m && (!best || RANK[m.strength] < RANK[best.strength] || (m.strength === best.strength && m.score > best.score))) best = m;
  }
  return best;
}

function rankMatches(words: readonly string[], index: UnitNameIndex, committee: boolean): Array<UnitNameMatch & { distance: number; name: string }> {
  const out: Array<UnitNameMatch & { distance: number; name: string }> = [];
  for (const e of index.entries) {
    const m = matchEntry(words, e);
    if (m) out.push({ unitId: e.unit.id, strength: m.strength, score: m.score, relation: e.relation, committee, distance: e.distance, name: e.unit.name });
  }
  return out;
}

/** Every name a list of bodies holds ("Ban Thường vụ Đảng ủy Khối, Ban Tuyên giáo Tỉnh ủy"). */
export function splitUnitNames(text: string): string[] {
  return text
    .split(/\s*[,;]\s*|\s+và\s+(?=\p{Lu})/u)
    .map((s) => s.replace(/\((?:[^()]*)\)/gu, ' ').replace(/\s+/g, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));
}

/**
 * The units `text` may name, best first, and the one to pre-select. Exact matches come first,
 * nearer the plan's unit before farther; then strong ones (the name is the beginning of the
 * unit's); then weak ones (most of the words in common), offered but never pre-selected.
 * A name of many bodies ("các ban", "các chi, đảng bộ cơ sở") proposes nothing.
 */
export function proposeUnitForName(text: string, index: UnitNameIndex): UnitNameProposal {
  const words = normalizeUnitName(text);
  const none = (collective: boolean): UnitNameProposal => ({ text, selected: null, exact: false, matches: [], collective });
  if (words.length === 0) return none(false);
  if (COLLECTIVE.has(words[0] as string)) return none(true);
  if (PERSON.some((p) => startsWith(words, p))) return none(false);
  const all = rankMatches(words, index, false);
  for (const p of COMMITTEE_PREFIXES) {
    if (startsWith(words, p) && words.length > p.length) {
      const rest = words.slice(p.length);
      for (const m of rankMatches(rest, index, true)) {
        const prev = all.find((x) => x.unitId === m.unitId);
        if (!prev || RANK[m.strength] < RANK[prev.strength] || (m.strength === prev.strength && m.score > prev.score)) {
          if (prev) all.splice(all.indexOf(prev), 1);
          all.push(m);
        }
      }
    }
  }
  all.sort((a, b) => RANK[a.strength] - RANK[b.strength] || b.score - a.score || a.distance - b.distance || a.name.localeCompare(b.name, 'vi') || a.unitId.localeCompare(b.unitId));
  const exact = all.filter((m) => m.strength === 'exact');
  let selected: string | null = null;
  let isExact = false;
  if (exact.length > 0) {
    const nearest = Math.min(...exact.map((m) => m.distance));
    const at = exact.filter((m) => m.distance === nearest);
    if (at.length === 1) [selected, isExact] = [(at[0] as UnitNameMatch).unitId, true];
  } else {
    const strong = all.filter((m) => m.strength === 'strong');
    if (strong.length === 1) selected = (strong[0] as UnitNameMatch).unitId;
  }
  const matches = all.slice(0, MAX_MATCHES).map(({ unitId, strength, score, relation, committee }) => ({ unitId, strength, score: Math.round(score * 100) / 100, relation, committee }));
  return { text, selected, exact: isExact, matches, collective: false };
}

/** Where a named body stands from the plan's unit: the unit or below it, above or outside it, or unknown. */
export type NamedSide = 'inside' | 'outside' | 'unknown';

/**
 * Whether a body named in a document is the plan's unit or below it (`inside`), above it or
 * elsewhere (`outside`: a unit above matched, or a committee of a higher level the tree does not
 * hold, "Tỉnh ủy", "Ban Tuyên giáo Thành ủy"), or cannot be told (`unknown`: "cấp có thẩm quyền").
 */
export function sideOfName(text: string, index: UnitNameIndex): { side: NamedSide; proposal: UnitNameProposal } {
  const proposal = proposeUnitForName(text, index);
  const sure = proposal.matches.filter((m) => m.strength !== 'weak');
  const top = proposal.selected ? proposal.matches.find((m) => m.unitId === proposal.selected) : sure[0];
  if (top) return { side: top.relation === 'above' ? 'outside' : 'inside', proposal };
  if (proposal.collective) return { side: 'inside', proposal };
  if (HIGHER_BODIES.test(normalizeUnitName(text).join(' '))) return { side: 'outside', proposal };
  return { side: 'unknown', proposal };
}

/** The proposal for a text that may list several bodies: the text as one name, else each name of the list. */
export interface UnitListProposal {
  text: string;
  /** Units to pre-select, in the order the text names them. */
  selected: string[];
  /** True when every name of the text gave an exact match. */
  exact: boolean;
  /** Every match of every name, best first within each name, without repeats. */
  matches: UnitNameMatch[];
}

/**
 * Proposes units for a text as a document writes it, whole ("Ban Tuyên giáo Đảng ủy Khối") or as
 * a list ("Ban Tuyên giáo, Văn phòng Đảng ủy Khối"): the whole text first; when it pre-selects
 * nothing and lists several names, each name alone.
 */
export function proposeUnitsForText(text: string, index: UnitNameIndex): UnitListProposal {
  const whole = proposeUnitForName(text, index);
  const parts = splitUnitNames(text);
  if (whole.selected || whole.collective || parts.length < 2) {
    return { text, selected: whole.selected ? [whole.selected] : [], exact: whole.exact, matches: whole.matches };
  }
  const each = parts.map((p) => proposeUnitForName(p, index));
  const selected = [...new Set(each.map((p) => p.selected).filter((x): x is string => !!x))];
  const matches: UnitNameMatch[] = [];
  for (const p of each) for (const m of p.matches) if (!matches.some((x) => x.unitId === m.unitId)) matches.push(m);
  return { text, selected, exact: selected.length > 0 && each.every((p) => p.exact), matches: matches.slice(0, MAX_MATCHES * 2) };
}
