/**
 * One printed line per figure: where it was measured, its name, value, unit, target, the ratio
 * (for targets that are a ratio: speed-up over the naive query, share of the bare route's
 * throughput) and whether the target is met. Figures are printed, never asserted as times.
 *
 *   [postgres] progress roll-up p95, root | 3.21 | ms | ≤ 50 ms | — | met
 */
export type Where = 'pglite' | 'postgres' | 'all';

/** A target: the value must stay at most / at least `limit` (for ratio targets, the ratio does). */
export type Target = { text: string; op: '<=' | '>='; limit: number; on: 'value' | 'ratio' } | null;

export interface Figure {
  where: Where;
  name: string;
  value: number;
  unit: string;
  target: Target;
  /** The measured ratio, for ratio targets; `ratioUnit` is '×' or '%'. */
  ratio?: { value: number; unit: '×' | '%' };
}

export type Verdict = 'met' | 'NOT MET' | 'info';

export function verdict(f: Figure): Verdict {
  if (!f.target) return 'info';
  const x = f.target.on === 'ratio' ? f.ratio?.value : f.value;
  if (x === undefined || !Number.isFinite(x)) return 'NOT MET';
  return (f.target.op === '<=' ? x <= f.target.limit : x >= f.target.limit) ? 'met' : 'NOT MET';
}

/** A number with at most `digits` decimals and no thousands separator (the lines stay machine-readable). */
export function num(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return 'NaN';
  const abs = Math.abs(v);
  const d = abs >= 1000 ? 0 : abs >= 100 ? 1 : digits;
  return v.toFixed(d);
}

export function formatFigure(f: Figure): string {
  const ratio = f.ratio ? `${num(f.ratio.value, f.ratio.unit === '%' ? 1 : 1)}${f.ratio.unit}` : '—';
  return `[${f.where}] ${f.name} | ${num(f.value)} | ${f.unit} | ${f.target?.text ?? '—'} | ${ratio} | ${verdict(f)}`;
}

/** The pattern every printed figure line matches (the CI smoke test checks it). */
export const FIGURE_LINE = /^\[(pglite|postgres|all)\] ([^|]+?) \| (-?\d+(?:\.\d+)?) \| ([^|\s]+) \| ([^|]+?) \| (—|\d+(?:\.\d+)?[×%]) \| (met|NOT MET|info)$/;
