/**
 * A derived text (NFC, markup removed) that remembers, for every character, the range of the
 * original input it came from, so that items found in the clean text can be reported as spans
 * and exact substrings of the original.
 */
export interface TextView {
  readonly text: string;
  /** Original start offset of each character of `text`. */
  readonly starts: Int32Array;
  /** Original end offset (exclusive) of each character of `text`. */
  readonly ends: Int32Array;
  readonly original: string;
}

class Builder {
  private chars: string[] = [];
  private s: number[] = [];
  private e: number[] = [];
  push(str: string, start: number, end: number): void {
    for (let i = 0; i < str.length; i++) {
      this.chars.push(str[i] as string);
      this.s.push(start);
      this.e.push(end);
    }
  }
  build(original: string): TextView {
    return { text: this.chars.join(''), starts: Int32Array.from(this.s), ends: Int32Array.from(this.e), original };
  }
}

function identity(text: string): TextView {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends, original: text };
}

/**
 * NFC-normalises `input`, keeping the map back to it. Each base character with its combining
 * marks is normalised as one cluster, so a composed letter maps to the whole decomposed cluster.
 */
export function nfcView(input: string): TextView {
  if (input === input.normalize('NFC')) return identity(input);
  const b = new Builder();
  const clusters = /\P{M}\p{M}*|\p{M}+/gsu;
  let m: RegExpExecArray | null;
  while ((m = clusters.exec(input)) !== null) {
    b.push(m[0].normalize('NFC'), m.index, m.index + m[0].length);
  }
  return b.build(input);
}

// Markup left over from conversions: HTML tags, markdown emphasis, table pipes, carriage returns.
const MARKUP = /<\/?(?:p|br|div|tr|li|ul|ol)\b[^>]{0,80}>|<\/?[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,80}>|\*+|_{2,}|\||\r|\t|\u00a0|\u200b|\ufeff/g;

/**
 * Removes markup remnants from a view: `<p>`/`<br>` and table pipes become line breaks (a table cell
 * reads as its own line), other tags and `*`/`__` emphasis disappear, tabs and no-break spaces
 * become spaces.
 */
export function cleanView(view: TextView): TextView {
  const src = view.text;
  const b = new Builder();
  let last = 0;
  const pushRange = (from: number, to: number) => {
    for (let i = from; i < to; i++) b.push(src[i] as string, view.starts[i] as number, view.ends[i] as number);
  };
  MARKUP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKUP.exec(src)) !== null) {
    pushRange(last, m.index);
    const tok = m[0];
    const os = view.starts[m.index] as number;
    const oe = view.ends[m.index + tok.length - 1] as number;
    if (tok === '|' || /^<\/?(?:p|br|div|tr|li|ul|ol)\b/i.test(tok)) b.push('\n', os, oe);
    else if (tok === '\t' || tok === '\u00a0') b.push(' ', os, oe);
    last = m.index + tok.length;
  }
  pushRange(last, src.length);
  return b.build(view.original);
}

/** NFC plus markup cleaning: the text every rule of the extractor reads. */
export function prepareText(input: string): TextView {
  return cleanView(nfcView(input));
}

/** Maps a span [start, end) of the view's text to a span of the original input. */
export function originalSpan(view: TextView, start: number, end: number): { start: number; end: number } {
  if (view.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), view.text.length - 1);
  const e = Math.min(Math.max(end, s + 1), view.text.length);
  return { start: view.starts[s] as number, end: view.ends[e - 1] as number };
}

/** The exact original substring behind a span of the view's text. */
export function originalText(view: TextView, start: number, end: number): string {
  const o = originalSpan(view, start, end);
  return view.original.slice(o.start, o.end);
}
