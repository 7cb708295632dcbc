import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, extractWithSpans, type Extraction } from '#core/extract/extract.ts';
import { score } from '#core/extract/score.ts';
import { ExtractionSchema } from '#shared/extraction.ts';

const DIR = join(import.meta.dirname, '../fixtures/extraction');
const golds = readdirSync(join(DIR, 'gold')).filter((f) => f.endsWith('.json')).sort();
const load = (g: string) => {
  const gold = JSON.parse(readFileSync(join(DIR, 'gold', g), 'utf8')) as Extraction;
  const text = readFileSync(join(DIR, 'seeds', gold.doc), 'utf8');
  return { gold, text };
};

describe('the five seed plans', () => {
  const items = golds.map(load).map(({ gold, text }) => ({ gold, text, extracted: extractDocument(text, { fileName: gold.doc }) }));

  it('reaches the quality bar: micro-F1 ≥ 0.95 and every scalar right', () => {
    const s = score(items);
    expect(s.overall.f1).toBeGreaterThanOrEqual(0.95);
    for (const v of Object.values(s.scalarAccuracy)) expect(v).toBe(1);
  });

  it.each(golds)('%s gives schema-valid output whose deadline texts and spans are in the input', (g) => {
    const { gold, text } = load(g);
    const { extraction, spans } = extractWithSpans(text, { fileName: gold.doc });
    expect(ExtractionSchema.safeParse(extraction).success).toBe(true);
    extraction.deadlines.forEach((d, i) => expect(text.slice(spans.deadlines[i]!.start, spans.deadlines[i]!.end)).toBe(d.text));
    expect(ExtractionSchema.safeParse(gold).success).toBe(true);
  });
});
