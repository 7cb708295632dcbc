/**
 * A report the unit could not send (no connection, server away) is kept on this device so nothing
 * typed is lost; the form offers to restore it next time. One draft per obligation instance.
 */
export interface LocalDraft {
  figures: Record<string, number | null>;
  narrative: Record<string, string>;
  /** When it was kept (ISO instant). */
  savedAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'trienkhai.reportDraft.';

function store(s?: Store): Store | null {
  if (s) return s;
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Keeps the draft of `instanceId`; false when the device keeps nothing (private mode, full storage). */
export function keepLocalDraft(instanceId: string, draft: Omit<LocalDraft, 'savedAt'>, now: Date = new Date(), s?: Store): boolean {
  const st = store(s);
  if (!st) return false;
  try {
    st.setItem(PREFIX + instanceId, JSON.stringify({ ...draft, savedAt: now.toISOString() }));
    return true;
  } catch {
    return false;
  }
}

/** The kept draft of `instanceId`, or null (none, or unreadable). */
export function readLocalDraft(instanceId: string, s?: Store): LocalDraft | null {
  const st = store(s);
  if (!st) return null;
  try {
    const raw = st.getItem(PREFIX + instanceId);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof d !== 'object' || d === null || typeof d.savedAt !== 'string') return null;
    const figures: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(d.figures ?? {})) if (v === null || (typeof v === 'number' && Number.isFinite(v))) figures[k] = v;
    const narrative: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.narrative ?? {})) if (typeof v === 'string') narrative[k] = v;
    return { figures, narrative, savedAt: d.savedAt };
  } catch {
    return null;
  }
}

export function dropLocalDraft(instanceId: string, s?: Store): void {
  try {
    store(s)?.removeItem(PREFIX + instanceId);
  } catch {
    // nothing kept, nothing to drop
  }
}

/**
 * The figures a report form starts from: what was saved or sent last, with every figure the system
 * knows (the unit's party members from the member list) filled in where nothing was entered yet.
 */
export function withKnownFigures(figures: Record<string, number | null>, known: Record<string, { value: number }>): Record<string, number | null> {
  const out = { ...figures };
  for (const [key, k] of Object.entries(known)) if (out[key] === undefined || out[key] === null) out[key] = k.value;
  return out;
}
