import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSpans } from '#core/extract/align-spans.ts';
import { extractWithSpans } from '#core/extract/extract.ts';
import { buildPlanDraft } from '#core/extract/plan-draft.ts';

const SEEDS = join(import.meta.dirname, '../fixtures/extraction/seeds');
const seedFile = (prefix: string) => readdirSync(SEEDS).find((f) => f.startsWith(prefix)) as string;
const seed = (prefix: string) => readFileSync(join(SEEDS, seedFile(prefix)), 'utf8');

describe('buildPlanDraft on seed 001 (48-KH/ĐUK)', () => {
  const text = seed('001_');
  const { extraction, spans } = extractWithSpans(text, { fileName: seedFile('001_') });
  const draft = buildPlanDraft(text, extraction, spans);

  it('has the report obligation due 31/3/2022 to the bloc standing committee via its propaganda department', () => {
    const o = draft.obligations.find(
      (x) => x.toText === 'Ban Thường vụ Đảng ủy Khối' && x.viaText === 'Ban Tuyên giáo Đảng ủy Khối' && x.due.some((d) => d.type === 'date' && d.value === '2022-03-31'),
    );
    expect(o).toBeDefined();
    expect(o!.title).toBe('Báo cáo kết quả học tập, quán triệt Kết luận, Quy định');
    expect(o!.fromText).toBe('Các chi, đảng bộ cơ sở');
    expect(text.slice(o!.sourceStart!, o!.sourceEnd!)).toContain('trước ngày 31/3/2022');
  });

  it('titles a report of results asked with "kết quả …" and falls back to "Báo cáo gửi …"', () => {
    expect(draft.obligations.map((o) => o.title)).toContain('Báo cáo kết quả đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị');
    expect(draft.obligations[0]!.title).toBe('Báo cáo gửi Ban Thường vụ Đảng ủy Khối');
  });

  it('makes the study deadline a task, with the paragraph it completes and the lead of its section', () => {
    const study = draft.tasks.find((t) => t.dueText === 'Hoàn thành trong tháng 3 năm 2022');
    expect(study).toBeDefined();
    expect(study!.due).toEqual({ type: 'month', value: '2022-03' });
    expect(study!.text).toMatch(/^Các các chi, đảng bộ cơ sở chưa kết nối .* Hoàn thành trong tháng 3 năm 2022\.$/u);
    expect(study!.leadText).toEqual(['Cấp ủy chi, đảng bộ cơ sở', 'đồng chí Bí thư chi bộ']);
    expect(study!.kind).toBe('task');
  });

  it('leaves out report deadlines and work already done, numbers tasks in document order', () => {
    expect(draft.tasks.some((t) => t.dueText === 'trước ngày 31/3/2022')).toBe(false);
    expect(draft.tasks.some((t) => /Đã hoàn thành/u.test(t.dueText ?? ''))).toBe(false);
    expect(draft.tasks.map((t) => t.ord)).toEqual(draft.tasks.map((_, i) => i + 1));
    const starts = draft.tasks.map((t) => t.sourceStart!);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('says what a "Thời gian tổ chức" item is about from its section', () => {
    const monthly = draft.tasks.find((t) => t.dueText === 'hằng tháng');
    expect(monthly!.text.startsWith('Tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn đảng và hệ thống chính trị: Trong các kỳ sinh hoạt')).toBe(true);
  });
});

describe('buildPlanDraft on other documents', () => {
  it('marks items that ask for an own plan, and drops a parenthesised deadline standing alone at the end', () => {
    const text = [
      'KẾ HOẠCH',
      'Triển khai',
      '',
      '1- Các chi bộ xây dựng kế hoạch thực hiện Kết luận này, hoàn thành trong tháng 4/2022.',
      '',
      '2- Tổ chức hội nghị quán triệt cho toàn thể đảng viên (hoàn thành trước ngày 30/4/2022).',
      '',
      'Nơi nhận:',
      '- Các chi bộ,',
    ].join('\n');
    const { extraction, spans } = extractWithSpans(text, { fileName: 'x.txt' });
    const draft = buildPlanDraft(text, extraction, spans);
    expect(draft.tasks.map((t) => [t.kind, t.text])).toEqual([
      ['own_plan', 'Các chi bộ xây dựng kế hoạch thực hiện Kết luận này, hoàn thành trong tháng 4/2022.'],
      ['task', 'Tổ chức hội nghị quán triệt cho toàn thể đảng viên'],
    ]);
  });

  it('takes the lead from a label naming a body under "Tổ chức thực hiện"', () => {
    const text = [
      'KẾ HOẠCH',
      'Triển khai',
      '',
      'II- TỔ CHỨC THỰC HIỆN',
      '',
      '1- Các ban, Văn phòng Đảng ủy Khối',
      '',
      '- Ban Tuyên giáo Đảng ủy Khối: Hướng dẫn đội ngũ báo cáo viên, hoàn thành trong quý II/2022.',
      '',
      '2- Các chi, đảng bộ cơ sở',
      '',
      '- Tổ chức quán triệt cho đảng viên trong tháng 5/2022.',
    ].join('\n');
    const { extraction, spans } = extractWithSpans(text, { fileName: 'x.txt' });
    const draft = buildPlanDraft(text, extraction, spans);
    expect(draft.tasks.map((t) => t.leadText)).toEqual([['Ban Tuyên giáo Đảng ủy Khối'], ['Các chi, đảng bộ cơ sở']]);
  });

  it('builds from an edited structure through aligned spans', () => {
    const text = seed('001_');
    const proposed = extractWithSpans(text, { fileName: 'x' });
    const edited = structuredClone(proposed.extraction);
    edited.deadlines = edited.deadlines.map((d) => (d.text === 'hằng năm' ? { ...d, what: 'report' as const } : d));
    edited.deadlines.unshift({ text: 'trong quý II/2022', due: { type: 'quarter', value: '2022-Q2' }, what: 'task' });
    edited.reports = edited.reports.map((r, i) => (i === 1 ? { ...r, via: null } : r));
    const aligned = alignSpans(text, edited, proposed);
    expect(aligned.deadlines[0]).toBeNull();
    expect(aligned.deadlines[1]).toEqual(proposed.spans.deadlines[0]);
    expect(aligned.reports[1]).toEqual(proposed.spans.reports[1]);
    const draft = buildPlanDraft(text, edited, aligned);
    expect(draft.tasks.some((t) => t.dueText === 'hằng năm')).toBe(false);
    expect(draft.tasks.at(-1)).toMatchObject({ text: 'trong quý II/2022', sourceStart: null });
    expect(draft.obligations[1]!.title).toBe('Báo cáo kết quả học tập, quán triệt Kết luận, Quy định');
  });

  it('finds the places of edited items by their text', () => {
    const text = seed('004_');
    const proposed = extractWithSpans(text, { fileName: 'x' });
    const edited = structuredClone(proposed.extraction);
    const d = edited.deadlines[0]!;
    edited.deadlines[0] = { ...d, what: d.what === 'task' ? 'event' : 'task' };
    edited.recipients = [...edited.recipients].reverse();
    const aligned = alignSpans(text, edited, proposed);
    expect(aligned.deadlines[0]).toEqual(proposed.spans.deadlines[0]);
    edited.recipients.forEach((r, i) => expect(text.slice(aligned.recipients[i]!.start, aligned.recipients[i]!.end)).toContain(r.replace(/,$/u, '').slice(0, 10)));
  });
});

const seeds = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const WORDS = ['Kế hoạch', 'số', '48-KH/ĐUK', 'ngày', '31/3/2022', 'tháng', 'quý', 'II', 'năm', '2022', 'hằng', 'thường xuyên', 'trước',
  'Báo cáo', 'kết quả', 'với', 'Ban Thường vụ', 'qua', 'chủ trì', 'phối hợp', 'Nơi nhận:', '- ', '1-', '1.1-', 'II-', 'a)', '(', ')', ':',
  '*', '**', '\n', '\n\n', ' ', 'KẾ HOẠCH', 'Thời gian:', 'xây dựng kế hoạch', 'TỔ CHỨC THỰC HIỆN', 'Đã hoàn thành', 'T/M BAN THƯỜNG VỤ'];
const vietnameseish = fc.array(fc.constantFrom(...WORDS), { maxLength: 150 }).map((ws) => ws.join(' '));
const fragment = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.nat(), fc.nat({ max: 5000 })).map(([i, a, len]) => {
  const s = seeds[i] as string;
  const start = a % Math.max(1, s.length);
  return s.slice(start, start + len);
});
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), vietnameseish, fragment);

describe('buildPlanDraft on arbitrary text', () => {
  it('never throws, and every task and obligation is well formed', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { extraction, spans } = extractWithSpans(text, { fileName: 'x.txt' });
        const draft = buildPlanDraft(text, extraction, spans);
        expect(draft.tasks.map((t) => t.ord)).toEqual(draft.tasks.map((_, i) => i + 1));
        for (const t of draft.tasks) {
          expect(t.text.length).toBeGreaterThan(0);
          if (t.sourceStart !== null) expect(0 <= t.sourceStart && t.sourceStart <= t.sourceEnd! && t.sourceEnd! <= text.length).toBe(true);
        }
        expect(draft.obligations).toHaveLength(extraction.reports.length);
        for (const o of draft.obligations) expect(o.title).toMatch(/^Báo cáo/u);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on spans that do not fit the text or the lists', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const x = extractWithSpans(a, { fileName: 'a' });
        const y = extractWithSpans(b, { fileName: 'b' });
        buildPlanDraft(b, x.extraction, y.spans);
        buildPlanDraft(a, x.extraction, alignSpans(a, y.extraction, x));
      }),
      { numRuns: 200 },
    );
  });
});
