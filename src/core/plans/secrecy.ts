/**
 * What of a secret ("mật") plan reaches a reader outside its audience (docs/decisions/012-secret-plans.md).
 * A plan says what it is about in its number, its title, the text of its tasks and the titles of
 * its reports; a reader who may not read the plan gets none of them, only words that say there is
 * a secret plan. Every view, list, export, letter and notification passes what it shows of a plan
 * through `maskSecret`, so that the rule is written once.
 */

/** The parts of a plan that say what it is about, each with the words that stand in for it. */
export const SECRET_STAND_INS = {
  plan: 'Kế hoạch mật',
  document: 'Văn bản mật',
  task: 'Nhiệm vụ của kế hoạch mật',
  report: 'Báo cáo của kế hoạch mật',
} as const;
export type SecretPart = keyof typeof SECRET_STAND_INS;

/** How a field names a secret plan: by its number (left out), or by the text of one of its parts. */
export type SecretField = 'number' | SecretPart;

type TextKeys<T> = { [K in keyof T]-?: T[K] extends string | null | undefined ? K : never }[keyof T];
type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];

/** The fields of `T` that name a plan, and how. Only a field that may be null can hold a number: a number is left out, not replaced. */
export type SecretFields<T> = { [K in TextKeys<T>]?: K extends NullableKeys<T> ? SecretField : SecretPart };

/**
 * `value` as a reader sees it. When `hidden` — the plan is secret and the reader may not read it —
 * each field named in `fields` is replaced: a number by null, a text by the words that stand in
 * for its part. Otherwise `value` itself. Other fields (dates, periods, unit names, figures) are
 * kept: they do not say what the plan is about, and the units that carry it out need them.
 */
export function maskSecret<T extends object>(value: T, hidden: boolean, fields: SecretFields<T>): T {
  if (!hidden) return value;
  const out = { ...value } as Record<string, unknown>;
  for (const [key, field] of Object.entries(fields) as [string, SecretField][]) {
    out[key] = field === 'number' ? null : SECRET_STAND_INS[field];
  }
  return out as T;
}

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);

/** The longest task text a sentence quotes. */
const QUOTED_TASK_LENGTH = 160;

/**
 * A task or a report named inside a sentence (a notification, an e-mail): `nhiệm vụ "…"`,
 * `báo cáo "…"`, or, hidden, the words that stand in for it ("báo cáo của kế hoạch mật").
 */
export function itemInSentence(part: 'task' | 'report', text: string, hidden: boolean): string {
  const shown = maskSecret({ text }, hidden, { text: part });
  if (hidden) return lowerFirst(shown.text);
  const quoted = part === 'task' && shown.text.length > QUOTED_TASK_LENGTH ? `${shown.text.slice(0, QUOTED_TASK_LENGTH - 3)}...` : shown.text;
  return `${part === 'task' ? 'nhiệm vụ' : 'báo cáo'} "${quoted}"`;
}

/**
 * A plan named inside a sentence: `Kế hoạch số 48-KH/ĐUK "…"`, `kế hoạch "…"` when it has no
 * number yet, or, hidden, "kế hoạch mật".
 */
export function planInSentence(plan: { number: string | null; title: string }, hidden: boolean): string {
  const shown = maskSecret(plan, hidden, { number: 'number', title: 'plan' });
  if (hidden) return lowerFirst(shown.title);
  const title = shown.title.trim();
  if (shown.number) return title ? `Kế hoạch số ${shown.number} "${title}"` : `Kế hoạch số ${shown.number}`;
  return title ? `kế hoạch "${title}"` : 'kế hoạch';
}

/**
 * Whether a plan may be of the given secrecy while carrying out documents of theirs: a plan is
 * never less secret than what it carries out, since it copies their tasks and cites them by
 * number and title. `inherited`: the plan carried out a secret document before (the copied text
 * stays when the link goes).
 */
export function keepsSecrecy(planSecret: boolean, carriedOutSecret: readonly boolean[], inherited = false): boolean {
  return planSecret || !(inherited || carriedOutSecret.some(Boolean));
}
