import { ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_STATUSES, OBSERVER_ROLES, SESSION_LENGTHS } from '#core/meetings/kinds.ts';
import { CHECK_LABELS } from '#core/meetings/quality.ts';
import { useLang } from '../../components/use-lang.ts';

type Labelled = Record<string, { vi: string; en: string }>;

/** Labels of the meetings module's enumerations in the current language. */
export function useMeetingLabels() {
  const lang = useLang();
  const pick = (table: Labelled) => (k: string) => table[k]?.[lang] ?? k;
  const options = (table: Labelled) => () => Object.entries(table).map(([value, l]) => ({ value, label: l[lang] }));
  return {
    kind: pick(MEETING_KINDS),
    status: pick(MEETING_STATUSES),
    attendance: pick(ATTENDANCE_STATUSES),
    observer: pick(OBSERVER_ROLES),
    length: pick(SESSION_LENGTHS),
    check: pick(CHECK_LABELS),
    kindOptions: options(MEETING_KINDS),
    lengthOptions: options(SESSION_LENGTHS),
  };
}

/** "28/30 (93%)": who studied of those who had to. */
export function coverageText(c: { studied: number; mustStudy: number; percent: number | null }): string {
  return `${c.studied}/${c.mustStudy}${c.percent === null ? '' : ` (${c.percent}%)`}`;
}

/** A saved meeting's notice, with the warning the server gave when the notice was late. */
export function withNoticeWarning(text: string, saved: { notice: { warning: boolean; message: string | null } }): string {
  return saved.notice.warning && saved.notice.message ? `${text} ${saved.notice.message}` : text;
}
