/**
 * Figures written the Vietnamese way, as documents print them: "2.909", "95,56%", "2.909/3.044".
 * Raw counts are stored; these functions only present them. Dates are written by core/text/dates.ts.
 */
const THOUSANDS = '.';
const DECIMAL = ',';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS);
}

/**
 * A number with "." between thousands and "," before decimals: 2909 → "2.909",
 * 1234.5 → "1.234,5", -1200 → "-1.200". With `decimals` the number is rounded (half away
 * from zero) to exactly that many places: formatViNumber(3.14159, { decimals: 2 }) → "3,14".
 * Throws RangeError for NaN and infinities.
 */
export function formatViNumber(n: number, opts: { decimals?: number } = {}): string {
  if (!Number.isFinite(n)) throw new RangeError(`Không định dạng được số ${n}`);
  const negative = n < 0 || Object.is(n, -0);
  const abs = Math.abs(n);
  let text: string;
  if (opts.decimals !== undefined) {
    text = roundHalfAway(abs, opts.decimals);
  } else {
    // Shortest round-tripping form, without exponent notation.
    text = abs.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  }
  const [int = '0', frac] = text.split('.');
  const body = groupThousands(int) + (frac ? DECIMAL + frac : '');
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

function roundHalfAway(abs: number, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) throw new RangeError(`Số chữ số thập phân không hợp lệ: ${decimals}`);
  // toFixed rounds the binary value; nudging by a relative epsilon keeps 1.005 → "1.01".
  const nudged = abs * (1 + Number.EPSILON);
  return nudged.toFixed(decimals);
}

/**
 * Reads a Vietnamese-formatted number back: "2.909" → 2909, "1.234,5" → 1234.5, "-12" → -12.
 * Returns null when the text is not such a number (misplaced separators, letters).
 */
export function parseViNumber(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$/.test(t) && !/^-?\d+(?:,\d+)?$/.test(t)) return null;
  const n = Number(t.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * The share `part / whole` as a Vietnamese percentage with `decimals` places (default 2):
 * formatViPercent(2909, 3044) → "95,56%". The figure is truncated, not rounded, so a share short
 * of the whole never reads as "100,00%" (2999/3000 → "99,96%", 29999/30000 → "99,99%").
 * A whole of 0 gives "—" (there is no share). A part above the whole gives more than 100%.
 * Throws RangeError for negative or non-integer counts.
 */
export function formatViPercent(part: number, whole: number, decimals = 2): string {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError(`Tỷ lệ cần hai số đếm nguyên không âm, nhận ${part}/${whole}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`Số chữ số thập phân không hợp lệ: ${decimals}`);
  if (whole === 0) return '—';
  // Integer arithmetic: floor(part * 100 * 10^decimals / whole), exactly.
  const scaled = BigInt(part) * 100n * 10n ** BigInt(decimals);
  const q = scaled / BigInt(whole);
  const s = q.toString().padStart(decimals + 1, '0');
  const int = s.slice(0, s.length - decimals);
  const frac = decimals > 0 ? DECIMAL + s.slice(s.length - decimals) : '';
  return `${groupThousands(int)}${frac}%`;
}

/** "2.909/3.044" — a count over its whole, as reports write it. */
export function formatViRatio(part: number, whole: number): string {
  return `${formatViNumber(part)}/${formatViNumber(whole)}`;
}
