/**
 * The consolidated report as an outgoing document (BÁO CÁO) in the format of the issuing unit's
 * profile: the opening sentence, the figures (sentences, then a table per direct child unit with
 * the total), each section of the form, the units that reported late or not at all, and the
 * closing; the header, number, Nơi nhận and signature come from the issuing unit.
 */
import { formatViNumber, formatViPercent, formatViRatio } from '../documents-out/format-vi.ts';
import type { Block, OutgoingDocument, TableCell } from '../documents-out/model.ts';
import type { DocumentHeader } from '../documents-out/issuer.ts';
import type { Consolidation, UnitReport } from './consolidate.ts';
import type { ConsolidationDraft, EffectiveFigure } from './draft.ts';
import { effectiveFigures } from './draft.ts';

const withUnit = (text: string, unit: string | null) => (unit ? `${text} ${unit}` : text);

/** "Số đảng viên được học tập: 2.909/3.044 người, đạt 95,56%"; "…: chưa có số liệu" when nothing counted gave it. */
export function figureSentence(f: EffectiveFigure, all: readonly EffectiveFigure[]): string {
  if (f.value === null) return `${f.label}: chưa có số liệu`;
  const whole = f.of ? all.find((x) => x.key === f.of)?.value ?? null : null;
  if (whole !== null && whole > 0) return `${f.label}: ${withUnit(formatViRatio(f.value, whole), f.unit)}, đạt ${formatViPercent(f.value, whole)}`;
  return `${f.label}: ${withUnit(formatViNumber(f.value), f.unit)}`;
}

const count = (v: number | null | undefined, bold = false): TableCell => (typeof v === 'number' ? { count: v, bold } : { text: '—', align: 'right', bold });
const share = (part: number | null | undefined, whole: number | null | undefined, bold = false): TableCell =>
  typeof part === 'number' && typeof whole === 'number' && whole > 0 ? { percent: { part, whole }, bold } : { text: '—', align: 'right', bold };

/** The table of figures: one row per direct child unit, then the total (overrides included). */
export function figuresTable(c: Consolidation, figures: readonly EffectiveFigure[]): Extract<Block, { type: 'table' }> {
  const header: string[] = ['STT', 'Đơn vị'];
  for (const f of figures) {
    header.push(f.unit ? `${f.label} (${f.unit})` : f.label);
    if (f.of) header.push('Tỷ lệ');
  }
  const rowOf = (values: Readonly<Record<string, number | null>>, bold: boolean): TableCell[] =>
    figures.flatMap((f) => {
      const cells: TableCell[] = [count(values[f.key], bold)];
      if (f.of) cells.push(share(values[f.key], values[f.of], bold));
      return cells;
    });
  const total: Record<string, number | null> = Object.fromEntries(figures.map((f) => [f.key, f.value]));
  const rest = header.length - 2;
  return {
    type: 'table',
    header: [header],
    widths: [8, 36, ...Array.from({ length: rest }, () => Math.max(8, Math.floor(56 / Math.max(rest, 1))))],
    rows: [
      ...c.children.map((ch, i) => [{ text: String(i + 1), align: 'center' as const }, ch.name, ...rowOf(ch.figures, false)]),
      [{ text: '' }, { text: 'Tổng cộng', bold: true }, ...rowOf(total, true)],
    ],
  };
}

const names = (rs: readonly UnitReport[], detail: (r: UnitReport) => string | null) =>
  rs.map((r) => {
    const d = detail(r);
    return d ? `${r.unitName} (${d})` : r.unitName;
  }).join('; ');

/** Sentences on who reported: counted, late, awaiting review, returned, missing, not yet due. */
export function reportingStatus(c: Consolidation): Block[] {
  const s = c.summary;
  const blocks: Block[] = [];
  if (s.expected === 0) return [{ type: 'paragraph', text: 'Không có đơn vị cấp dưới nào phải gửi báo cáo này.' }];
  blocks.push({
    type: 'paragraph',
    text: `Có ${formatViNumber(s.expected)} đơn vị phải báo cáo; ${formatViNumber(s.counted)} đơn vị đã báo cáo và được tiếp nhận, được đưa vào tổng hợp.`,
  });
  const items: string[] = [];
  const late = c.reports.filter((r) => r.late && (r.state === 'accepted' || r.state === 'awaiting_review'));
  if (late.length > 0) items.push(`Báo cáo trễ hạn: ${names(late, (r) => `trễ ${r.daysLate} ngày`)}.`);
  const by = (state: UnitReport['state']) => c.reports.filter((r) => r.state === state);
  if (by('awaiting_review').length > 0) items.push(`Đã gửi, đang chờ tiếp nhận (chưa đưa vào tổng hợp): ${names(by('awaiting_review'), () => null)}.`);
  if (by('returned').length > 0) items.push(`Báo cáo bị trả lại, chưa gửi lại (chưa đưa vào tổng hợp): ${names(by('returned'), () => null)}.`);
  if (by('missing').length > 0) items.push(`Chưa báo cáo: ${names(by('missing'), (r) => `quá hạn ${r.daysLate} ngày`)}.`);
  if (by('not_due').length > 0) items.push(`Chưa đến hạn báo cáo: ${names(by('not_due'), () => null)}.`);
  if (items.length === 0) blocks.push({ type: 'paragraph', text: 'Tất cả các đơn vị đã báo cáo đúng hạn.' });
  else blocks.push({ type: 'bullets', items });
  return blocks;
}

/** Each non-empty line of a text as a paragraph. */
export function textBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ type: 'paragraph' as const, text: l }));
}

/**
 * The consolidated report of `c` as edited in `draft`, issued under `header`. The signer and the
 * recipients are the draft's; renderDocx refuses the document while they are missing.
 */
export function buildConsolidatedReport(header: DocumentHeader, c: Consolidation, draft: ConsolidationDraft): OutgoingDocument {
  const figures = effectiveFigures(c, draft);
  const body: Block[] = [...textBlocks(draft.opening)];
  body.push({ type: 'heading', level: 1, text: 'KẾT QUẢ THỰC HIỆN' });
  if (figures.length > 0) {
    body.push({ type: 'heading', level: 2, text: 'Số liệu tổng hợp' });
    body.push({
      type: 'paragraph',
      text: `Tổng hợp từ báo cáo đã được tiếp nhận của ${formatViNumber(c.summary.counted)}/${formatViNumber(c.summary.expected)} đơn vị:`,
    });
    body.push({ type: 'bullets', items: figures.map((f) => figureSentence(f, figures)) });
    if (c.children.length > 0) body.push(figuresTable(c, figures));
    for (const f of figures.filter((x) => x.overridden)) {
      const sum = f.total === null ? 'chưa có số liệu' : formatViNumber(f.total);
      body.push({ type: 'paragraph', text: [{ text: `Ghi chú: số liệu “${f.label}” đã được điều chỉnh (tổng của các báo cáo được tiếp nhận: ${sum}): ${f.note ?? ''}`, italic: true }] });
    }
  }
  for (const s of draft.sections) {
    const blocks = textBlocks(s.text);
    if (blocks.length === 0) continue;
    body.push({ type: 'heading', level: 2, text: s.title });
    body.push(...blocks);
  }
  body.push({ type: 'heading', level: 1, text: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ' });
  body.push(...reportingStatus(c));
  body.push(...textBlocks(draft.closing));
  const signer = draft.signer;
  return {
    ...header,
    kind: 'BC',
    title: draft.title,
    body,
    recipients: draft.recipients,
    signature: { ...(signer.capacity.trim() ? { capacity: signer.capacity.trim() } : {}), title: signer.title.trim(), name: signer.name.trim() },
  };
}
