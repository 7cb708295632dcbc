import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractWithSpans } from '#core/extract/extract.ts';
import { buildPlanDraft } from '#core/extract/plan-draft.ts';
import { buildUnitNameIndex } from '#core/org-tree/match-unit-names.ts';
import { assignDraftObligations } from '#core/plans/draft-obligations.ts';

const SEEDS = join(import.meta.dirname, '../fixtures/extraction/seeds');
const seedFile = (prefix: string) => readdirSync(SEEDS).find((f) => f.startsWith(prefix)) as string;

// The Khối under its Tỉnh ủy, with the departments the seeds name.
const index = buildUnitNameIndex('duk', [
  { id: 'tu', name: 'Tỉnh ủy', parentId: null },
  { id: 'duk', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', parentId: 'tu' },
  { id: 'btg', name: 'Ban Tuyên giáo Đảng ủy Khối', parentId: 'duk' },
  { id: 'btc', name: 'Ban Tổ chức Đảng ủy Khối', parentId: 'duk' },
]);

function draftOf(prefix: string) {
  const text = readFileSync(join(SEEDS, seedFile(prefix)), 'utf8');
  const { extraction, spans } = extractWithSpans(text, { fileName: seedFile(prefix) });
  return { extraction, obligations: assignDraftObligations(text, buildPlanDraft(text, extraction, spans).obligations, index) };
}

describe('the report obligations of a plan drafted from 48-KH/ĐUK', () => {
  const { extraction, obligations } = draftOf('001_');

  it('makes the Khối\'s reports to the Tỉnh ủy its own, to the Tỉnh ủy, and the others its audience\'s', () => {
    const own = obligations.filter((o) => o.audience.scope === 'self');
    expect(own.map((o) => [o.toText, o.viaText, o.due.map((d) => (d as { value: string }).value)])).toEqual([
      ['Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', ['2022-03-31']],
      ['Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', ['2022-05-30', '2022-11-30']],
    ]);
    expect(own[0]!.title).toBe('Báo cáo kết quả triển khai nghiên cứu, học tập, quán triệt Kết luận, Quy định của Hội nghị Trung ương 4 (khóa XIII)');
    for (const o of obligations.filter((x) => x.audience.scope !== 'self')) expect(o.toText).not.toMatch(/Tỉnh ủy/u);
    expect(obligations.find((o) => o.fromText === 'Ban Tuyên giáo Đảng ủy Khối')!.audience).toEqual({ scope: 'units', unitIds: ['btg'] });
  });

  it('keeps one report of each recipient, channel and deadline, with titles saying what is sent', () => {
    expect(extraction.reports.length).toBeGreaterThan(obligations.length);
    const keys = obligations.map((o) => JSON.stringify([o.audience, o.toText, o.viaText, o.due]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(obligations.map((o) => o.ord)).toEqual(obligations.map((_, i) => i + 1));
    expect(obligations.some((o) => o.title.startsWith('Báo cáo gửi'))).toBe(false);
    expect(obligations.map((o) => o.title)).toContain('Báo cáo tổng hợp kết quả thực hiện kế hoạch');
  });
});

describe('the report obligations of a plan drafted from 60-KH/ĐUK', () => {
  it('sends the department\'s upward report to the Tỉnh ủy\'s department only, as the Khối\'s own, titled by what it reports', () => {
    const { obligations } = draftOf('004_');
    expect(obligations.map((o) => [o.audience.scope, o.toText, o.title])).toEqual([
      ['grassroots', 'Ban Thường vụ Đảng ủy Khối', 'Báo cáo kết quả tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng'],
      ['self', 'Ban Tuyên giáo Tỉnh ủy', 'Báo cáo kết quả triển khai đợt sinh hoạt chính trị'],
    ]);
  });
});

const seeds = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const fragment = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.nat(), fc.nat({ max: 6000 })).map(([i, a, len]) => {
  const s = seeds[i] as string;
  const start = a % Math.max(1, s.length);
  return s.slice(start, start + len);
});

describe('the report obligations of a plan drafted from any text', () => {
  it('never throws; numbered in order, one of each, every title says a report or a plan, every audience well formed', () => {
    fc.assert(
      fc.property(fc.oneof(fragment, fc.string({ maxLength: 300 })), (text) => {
        const { extraction, spans } = extractWithSpans(text, { fileName: 'x.txt' });
        const before = buildPlanDraft(text, extraction, spans).obligations;
        const out = assignDraftObligations(text, before, index);
        expect(out.length).toBeLessThanOrEqual(before.length);
        expect(out.map((o) => o.ord)).toEqual(out.map((_, i) => i + 1));
        for (const o of out) {
          expect(o.title).toMatch(/^(?:Báo cáo|Kế hoạch)/u);
          expect(['self', 'grassroots', 'units']).toContain(o.audience.scope);
          if (o.audience.scope === 'units') expect(o.audience.unitIds!.every((id) => id === 'btg' || id === 'btc')).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
