import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractWithSpans } from '#core/extract/extract.ts';
import { parseDue } from '#core/deadline/parse.ts';
import { ExtractionSchema } from '#shared/extraction.ts';

const SEEDS = join(import.meta.dirname, '../fixtures/extraction/seeds');
const seeds = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8'));

const WORDS = ['Kế hoạch', 'số', '48-KH/ĐUK', 'ngày', '31/3/2022', 'tháng', 'quý', 'II', 'năm', '2022', 'hằng', 'thường xuyên',
  'trước', 'từ', 'đến', 'cuối', 'Ban Thường vụ', 'báo cáo', 'về', 'qua', 'Giao', 'chủ trì', 'phối hợp', 'Nơi nhận:', '- ', '·',
  'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Văn A', '(', ')', '*', '**', '<p>', '|', ';', ',', '.', '\n', ' ', 'KẾ HOẠCH', 'Số:',
  '594/KH-UBND', 'định kỳ', '6 tháng', 'đầu', 'và', 'những năm tiếp theo', 'năm thứ', 'nhiệm kỳ', '15 giờ 00'];
const vietnameseish = fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((ws) => ws.join(' '));
const fragment = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.nat(), fc.nat({ max: 4000 }))
  .map(([i, a, len]) => {
    const s = seeds[i] as string;
    const start = a % Math.max(1, s.length);
    return s.slice(start, start + len);
  });
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), vietnameseish, fragment, fragment.map((s) => s.normalize('NFD')));

describe('extractWithSpans on arbitrary text', () => {
  it('never throws, matches the schema, and every deadline text is a substring at its span', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { extraction, spans } = extractWithSpans(text, { fileName: 'x.txt' });
        expect(ExtractionSchema.safeParse(extraction).success).toBe(true);
        extraction.deadlines.forEach((d, i) => {
          expect(text.includes(d.text)).toBe(true);
          expect(text.slice(spans.deadlines[i]!.start, spans.deadlines[i]!.end)).toBe(d.text);
        });
        extraction.recipients.forEach((_, i) => expect(spans.recipients[i]!.end).toBeLessThanOrEqual(text.length));
      }),
      { numRuns: 300 },
    );
  });
  it('parseDue never throws', () => {
    fc.assert(fc.property(anyText, (t) => void parseDue(t, { year: 2022 })), { numRuns: 300 });
  });
});
