/** A line of the clean text with its offsets (end excludes the line break). */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** Splits a text into lines, keeping each line's offsets. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push({ text: text.slice(start, end), start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}

/** True when the line has letters and none of them is lower-case ("T/M BAN THƯỜNG VỤ"). */
export function isUpperLine(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A separator line such as "-----", "***", "*", "____". */
export function isSeparator(s: string): boolean {
  return /^[\s\-_=*–—~.·]+$/.test(s) && /[-_=*–—~]/.test(s);
}

/** The span of a trimmed line inside the text. */
export function trimmedSpan(l: Line): { start: number; end: number } {
  const lead = l.text.length - l.text.trimStart().length;
  const trail = l.text.length - l.text.trimEnd().length;
  return { start: l.start + lead, end: l.end - trail };
}
