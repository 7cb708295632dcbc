// Times extractDocument over the seed plans and over a 25 KB plan. Figures are printed, never asserted.
// Run directly: node bin/run-ts.js bench/extract.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractDocument } from '#core/extract/extract.ts';

const SEEDS = join(import.meta.dirname, '../tests/fixtures/extraction/seeds');

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

function time(text: string, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    extractDocument(text, { fileName: 'bench.txt' });
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

/** Median and p95 of extractDocument over the seeds and over a 25 KB plan, in milliseconds. */
export async function benchExtract(): Promise<Array<{ name: string; value: number; unit: string; target: string }>> {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  for (const s of seeds) time(s, 3); // warm-up
  const all = seeds.flatMap((s) => time(s, 50)).sort((a, b) => a - b);
  // A 25 KB plan: the largest seed, padded with sections of the others to 25,000 characters.
  let big = seeds.reduce((a, b) => (b.length > a.length ? b : a));
  for (let i = 0; big.length < 25_000; i++) big += '\n' + (seeds[i % seeds.length] as string).slice(2000, 6000);
  big = big.slice(0, 25_000);
  const large = time(big, 50);
  return [
    { name: 'extract: seed plan, median', value: quantile(all, 0.5), unit: 'ms', target: '< 20 ms' },
    { name: 'extract: seed plan, p95', value: quantile(all, 0.95), unit: 'ms', target: '< 50 ms' },
    { name: 'extract: 25 KB plan, median', value: quantile(large, 0.5), unit: 'ms', target: '< 20 ms' },
    { name: 'extract: 25 KB plan, p95', value: quantile(large, 0.95), unit: 'ms', target: '< 100 ms' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchExtract()) process.stdout.write(`${r.name}: ${r.value.toFixed(2)} ${r.unit} (target ${r.target})\n`);
}
