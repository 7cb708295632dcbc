import { AlignmentType, Paragraph, type Table } from 'docx';
import type { IsoDate } from '#core/ids.ts';
import { breakLine, partyOrganisationName } from '#core/documents-out/issuer.ts';
import { toRoman } from '#core/documents-out/model.ts';
import { PROFILE_CONVENTIONS } from '#core/documents-out/profiles.ts';
import { POSITIONS } from '#core/org-tree/kinds.ts';
import { EXAMPLE_GROUPS, PLAN_AREAS, type ExampleGroup, type PlanArea } from '#core/personal-plans/forms.ts';
import { formatViDate, formatViDateLine, formatViLongDate } from '#core/text/dates.ts';
import type { PersonalPlanView, PlanVersion } from '#shared/personal-plans.ts';
import { bodyParagraph, line, mark, packDocument, pageLayout, run, signatureSpace, twoColumns, type Child, type Ctx } from './render-document.ts';

/**
 * A member's personal plan printed as its form (seed 003 §2.3, Mẫu 01–04; docs/decisions/020): the
 * form's label at the top right, the Party header (the Party organisation and the managing unit |
 * "ĐẢNG CỘNG SẢN VIỆT NAM", place and date), "KẾ HOẠCH CÁ NHÂN" with the topic and year, who writes
 * it, each section the member fills with its items numbered, the year-end look back, and the
 * confirmation block (the cell's secretary | the member). Laid out with the helpers and the dated
 * Party rule of the outgoing documents (docs/decisions/004).
 */
export interface PersonalPlanPrint {
  readonly view: PersonalPlanView;
  /** The unit that manages the member now (its secretary confirms the plan). */
  readonly managingUnit: string;
  /** The unit that launched the round: named above the managing unit when the two differ. */
  readonly roundUnit: string;
  /** The place of the date line ("Kỳ Anh"). */
  readonly place: string;
  /** The date of the date line. */
  readonly date: IsoDate;
  /** The header's issuer lines when the caller has them from the tree (issuerLines); default: from the two names. */
  readonly issuer?: { readonly superior: readonly string[]; readonly body: readonly string[] };
}

const LOOK_BACK_WORDS = { done: 'Hoàn thành', partly: 'Hoàn thành một phần', not_done: 'Chưa hoàn thành' } as const;
const DOTS = '…………………………………………………………………………………………';

const upper = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');

/**
 * The version a printed plan shows: the last confirmed one when there is one (a plan being amended
 * still prints what the cell confirmed), else the current one; null when nothing was written yet.
 */
export function printedVersion(view: Pick<PersonalPlanView, 'versions'>): PlanVersion | null {
  const confirmed = view.versions.filter((v) => v.confirmedOn !== null);
  return confirmed[confirmed.length - 1] ?? view.versions[view.versions.length - 1] ?? null;
}

/** The sentence saying which version is printed and where it stands. */
export function versionLine(view: Pick<PersonalPlanView, 'versions'>): string {
  const v = printedVersion(view);
  if (!v) return 'Kế hoạch chưa được lập: bản in để ghi tay.';
  const parts = [`Bản số ${v.version}`];
  if (v.confirmedOn) parts.push(`đã được xác nhận ngày ${formatViDate(v.confirmedOn)}`);
  else if (v.submittedOn) parts.push(`đã nộp ngày ${formatViDate(v.submittedOn)}${v.late ? ' (nộp muộn)' : ''}, chưa được xác nhận`);
  else if (v.returnedAt) parts.push('đã được trả lại để sửa, chưa được xác nhận');
  else parts.push('đang soạn, chưa nộp');
  if (v.onBehalf) parts.push('do chi bộ nhập thay từ bản giấy');
  const current = view.versions[view.versions.length - 1];
  const text = `${parts.join(', ')}.`;
  if (current && current.version !== v.version) return `${text} Bản điều chỉnh số ${current.version} đang được lập, chưa được xác nhận.`;
  return text;
}

function issuerLines(p: PersonalPlanPrint): { superior: readonly string[]; body: readonly string[] } {
  if (p.issuer) return p.issuer;
  const body = breakLine(upper(p.managingUnit));
  const superior = p.roundUnit.trim() && upper(p.roundUnit) !== upper(p.managingUnit) ? breakLine(upper(partyOrganisationName(p.roundUnit)), 30) : [];
  return { superior, body };
}

function header(ctx: Ctx, p: PersonalPlanPrint): Child[] {
  const r = ctx.rule;
  const left = Math.round(ctx.width * r.headerSplit);
  const right = ctx.width - left;
  const lines = issuerLines(p);
  const issuer: Paragraph[] = [...lines.superior.map((t) => line(ctx, t, r.superior)), ...lines.body.map((t) => line(ctx, t, r.issuer)), mark(ctx, r.issuerMark, left)];
  const heading = PROFILE_CONVENTIONS.party.headingLines.map((t, i) => line(ctx, t, r.heading[i] ?? r.heading[0] ?? { size: 15, bold: true }));
  return [
    // The form's label stands alone at the top right, above the header.
    line(ctx, p.view.form.label, { size: 13, bold: true, italic: true }, AlignmentType.RIGHT),
    twoColumns(
      [
        [issuer, heading],
        [[], [line(ctx, formatViDateLine(p.place, p.date), r.dateLine)]],
      ],
      left,
      right,
    ),
  ];
}

/** "Thực hiện chủ đề năm 2026" / "Thực hiện chuyên đề toàn khóa (từ năm 2026)". */
function topicLine(view: PersonalPlanView): string {
  const scope = view.round.scope ?? view.form.scope;
  const year = view.round.year;
  if (scope === 'year') return year ? `Thực hiện chủ đề năm ${year}` : 'Thực hiện chủ đề năm';
  return year ? `Thực hiện chuyên đề toàn khóa (từ năm ${year})` : 'Thực hiện chuyên đề toàn khóa';
}

function titleBlock(ctx: Ctx, view: PersonalPlanView): Paragraph[] {
  const r = ctx.rule;
  const out = [line(ctx, 'KẾ HOẠCH CÁ NHÂN', r.kind, AlignmentType.CENTER, 360), line(ctx, topicLine(view), r.title)];
  if (r.titleMark) out.push(mark(ctx, r.titleMark, ctx.width));
  out.push(line(ctx, `(${view.form.label}: ${view.form.title})`, { size: 12, italic: true }, AlignmentType.CENTER, 120));
  return out;
}

function field(ctx: Ctx, label: string, value: string): Paragraph {
  return bodyParagraph(ctx, [run(ctx, `${label}: `, ctx.rule.body, { bold: true }), run(ctx, value, ctx.rule.body)], { indent: false });
}

function who(ctx: Ctx, view: PersonalPlanView): Paragraph[] {
  const positions = view.person.positions.map((p) => POSITIONS[p]?.vi ?? p).join(', ');
  return [
    field(ctx, 'Họ và tên', view.person.fullName),
    field(ctx, 'Đơn vị', view.person.unitName),
    ...(positions ? [field(ctx, 'Chức vụ', positions)] : []),
    bodyParagraph(ctx, [run(ctx, versionLine(view), ctx.rule.body, { italic: true })], { indent: false }),
  ];
}

function heading(ctx: Ctx, n: number, text: string): Paragraph {
  return bodyParagraph(ctx, [run(ctx, `${toRoman(n)}. ${upper(text)}`, ctx.rule.headings[0])], { indent: false, keepNext: true });
}

/** What an item is about, after its text: "(Lĩnh vực: Tư tưởng chính trị)", "(Nhóm: Việc đột phá, …)". */
function itemNote(item: { area?: string | null; group?: string | null }): string | null {
  const notes: string[] = [];
  if (item.group && item.group in EXAMPLE_GROUPS) notes.push(`Nhóm: ${EXAMPLE_GROUPS[item.group as ExampleGroup].vi}`);
  if (item.area && item.area in PLAN_AREAS) notes.push(`Lĩnh vực: ${PLAN_AREAS[item.area as PlanArea].vi}`);
  return notes.length > 0 ? `(${notes.join('; ')})` : null;
}

/** A paragraph of the body, told whether it is the last one (which keeps with the confirmation block). */
type Lazy = (last: boolean) => Paragraph;

function sections(ctx: Ctx, view: PersonalPlanView, v: PlanVersion | null): { blocks: Lazy[]; next: number } {
  const out: Lazy[] = [];
  let n = 0;
  for (const s of view.form.sections) {
    if (!view.filled.includes(s.key)) continue;
    n += 1;
    out.push(() => heading(ctx, n, s.title));
    const items = v?.sections[s.key] ?? [];
    if (items.length === 0) {
      // Nothing written: numbered lines to fill in by hand, as many as the section asks for.
      for (let i = 1; i <= Math.max(1, s.minItems); i++) out.push((last) => bodyParagraph(ctx, [run(ctx, `${i}. ${DOTS}`, ctx.rule.body)], { keepNext: last }));
      continue;
    }
    items.forEach((item, i) => {
      const note = itemNote(item);
      const text = item.text.trim() || DOTS;
      const runs = [run(ctx, `${i + 1}. ${text}`, ctx.rule.body), ...(note ? [run(ctx, ` ${note}`, ctx.rule.body, { italic: true })] : [])];
      out.push((last) => bodyParagraph(ctx, runs, { keepNext: last }));
    });
  }
  return { blocks: out, next: n + 1 };
}

function lookBack(ctx: Ctx, view: PersonalPlanView, v: PlanVersion | null, n: number): Lazy[] {
  const entries = view.lookBack.filter((l) => l.result !== null || l.account.trim() !== '' || l.comment.trim() !== '');
  if (entries.length === 0) return [];
  const titles = new Map(view.form.sections.map((s) => [s.key, s.title]));
  const several = new Set(entries.map((e) => e.section)).size > 1;
  const out: Lazy[] = [() => heading(ctx, n, 'Tự đánh giá kết quả thực hiện')];
  for (const e of entries) {
    const text = v?.sections[e.section]?.[e.item - 1]?.text.trim() ?? '';
    const where = several ? `${titles.get(e.section) ?? e.section}, nội dung ${e.item}` : `Nội dung ${e.item}`;
    out.push(() => bodyParagraph(ctx, [run(ctx, `${where}${text ? `: ${text}` : ''}`, ctx.rule.body, { bold: true })], { indent: false, keepNext: true }));
    const self = [e.result ? LOOK_BACK_WORDS[e.result] : null, e.account.trim() || null].filter(Boolean).join('. ');
    if (self) out.push((last) => bodyParagraph(ctx, [run(ctx, 'Tự đánh giá: ', ctx.rule.body, { italic: true }), run(ctx, self, ctx.rule.body)], { keepNext: last }));
    const comment = e.comment.trim();
    if (comment) out.push((last) => bodyParagraph(ctx, [run(ctx, 'Nhận xét của chi bộ: ', ctx.rule.body, { italic: true }), run(ctx, comment, ctx.rule.body)], { keepNext: last }));
  }
  return out;
}

/** The cell's secretary confirms on the left (the day, or "(chưa xác nhận)"); the member signs on the right. */
function confirmation(ctx: Ctx, view: PersonalPlanView, v: PlanVersion | null): Table {
  const r = ctx.rule;
  const half = Math.round(ctx.width / 2);
  const confirmedOn = v?.confirmedOn ?? null;
  const left = [
    line(ctx, 'XÁC NHẬN CỦA CHI BỘ', r.signatureCapacity),
    line(ctx, 'BÍ THƯ', r.signatureTitle),
    line(ctx, confirmedOn ? formatViLongDate(confirmedOn as IsoDate).replace(/^n/, 'N') : '(chưa xác nhận)', r.dateLine),
    signatureSpace(ctx),
    ...(confirmedOn && v?.confirmedBy ? [line(ctx, v.confirmedBy, r.signatureName)] : []),
  ];
  const right = [
    line(ctx, 'NGƯỜI LẬP KẾ HOẠCH', r.signatureTitle),
    line(ctx, '(Ký, ghi rõ họ tên)', { ...r.dateLine, size: 13 }),
    // A blank line for the left column's date, so the two names stand on one line.
    line(ctx, '', r.dateLine),
    signatureSpace(ctx),
    line(ctx, view.person.fullName, r.signatureName),
  ];
  return twoColumns([[left, right]], half, ctx.width - half);
}

/** Renders the member's plan (the version `printedVersion` picks) as .docx in the Party format. */
export async function renderPersonalPlanDocx(p: PersonalPlanPrint): Promise<Buffer> {
  const layout = pageLayout('party', p.date);
  const { ctx } = layout;
  const v = printedVersion(p.view);
  const plan = sections(ctx, p.view, v);
  // The last paragraph keeps with the confirmation block, so the signatures never stand alone on a page.
  const body = [...plan.blocks, ...lookBack(ctx, p.view, v, plan.next)];
  return packDocument(layout, { title: `Kế hoạch cá nhân - ${p.view.person.fullName}`, description: p.view.form.label }, [
    ...header(ctx, p),
    ...titleBlock(ctx, p.view),
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(ctx, '', ctx.rule.body)] }),
    ...who(ctx, p.view),
    ...body.map((para, i) => para(i === body.length - 1)),
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 0 }, children: [] }),
    confirmation(ctx, p.view, v),
  ]);
}
