import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { IsoDate } from '#core/ids.ts';
import { formatRuleFor, mmToTwips, type FormatRule, type Mark, type TextStyle } from '#core/documents-out/format-rules.ts';
import type { OutgoingProfile } from '#core/documents-out/profiles.ts';
import {
  assertDocumentComplete,
  cellText,
  headingLabels,
  headingText,
  printedParts,
  type Block,
  type OutgoingDocument,
  type RichText,
} from '#core/documents-out/model.ts';

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
export type Child = Paragraph | Table;

const A4 = { width: 11906, height: 16838 };
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const CELL_NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Layout context: the rule in force and the text width in twips. */
export interface Ctx {
  readonly rule: FormatRule;
  readonly width: number;
}

export function run(ctx: Ctx, text: string, style: TextStyle, extra: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: ctx.rule.font,
    size: style.size * 2,
    bold: extra.bold ?? style.bold ?? false,
    italics: extra.italic ?? style.italic ?? false,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

/** A single-spaced line of the header, title or signature block. */
export function line(ctx: Ctx, text: string, style: TextStyle, alignment: Align = AlignmentType.CENTER, spacingBefore = 0): Paragraph {
  return new Paragraph({ alignment, spacing: { before: spacingBefore, after: 0 }, children: [run(ctx, text, style)] });
}

/**
 * A short centred horizontal rule (Nghị định 30: under the issuer name and the title, 1/3 to 1/2
 * of the text above). A paragraph border narrowed by indents draws it in Word and LibreOffice alike.
 */
function rule(ctx: Ctx, widthMm: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - mmToTwips(widthMm)) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 80, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: LINE },
    children: [new TextRun({ text: '', font: ctx.rule.font, size: 2 })],
  });
}

export function mark(ctx: Ctx, m: Mark, cellWidth: number): Paragraph {
  return m.kind === 'text' ? line(ctx, m.text, m.style) : rule(ctx, m.widthMm, cellWidth);
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_NO_BORDERS,
    verticalAlign: VerticalAlignTable.TOP,
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

/** A borderless two-column table: the header and the closing block are laid out this way. */
export function twoColumns(rows: Array<[Paragraph[], Paragraph[]]>, left: number, right: number): Table {
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(([l, r]) => new TableRow({ cantSplit: true, children: [cell(l, left), cell(r, right)] })),
  });
}

function header(ctx: Ctx, doc: OutgoingDocument): Table {
  const { rule: r } = ctx;
  const p = printedParts(doc);
  const left = Math.round(ctx.width * r.headerSplit);
  const right = ctx.width - left;
  const issuer: Paragraph[] = [
    ...doc.issuer.superior.map((t) => line(ctx, t, r.superior)),
    ...doc.issuer.body.map((t) => line(ctx, t, r.issuer)),
    mark(ctx, r.issuerMark, left),
  ];
  const heading = p.heading.map((t, i) => line(ctx, t, r.heading[i] ?? r.heading[0] ?? { size: 14, bold: true }));
  const numberBlock = [line(ctx, p.number, r.number)];
  if (p.summary) numberBlock.push(line(ctx, p.summary, r.summary, AlignmentType.CENTER, 60));
  const dateBlock = [line(ctx, p.dateLine, r.dateLine)];
  // Row 1: issuer | heading; row 2: number | place and date, so the two stand on one line.
  return twoColumns(
    [
      [issuer, heading],
      [numberBlock, dateBlock],
    ],
    left,
    right,
  );
}

function titleBlock(ctx: Ctx, doc: OutgoingDocument): Paragraph[] {
  const { rule: r } = ctx;
  const p = printedParts(doc);
  const out: Paragraph[] = [];
  if (p.kind) {
    out.push(line(ctx, p.kind, r.kind, AlignmentType.CENTER, 360));
    p.title.forEach((t) => out.push(line(ctx, t, r.title)));
    if (r.titleMark) out.push(r.titleMark.kind === 'text' ? line(ctx, r.titleMark.text, r.titleMark.style) : rule(ctx, r.titleMark.widthMm, ctx.width));
  }
  const to = doc.addressees?.map((a) => a.trim().replace(/[;.]+$/, '')).filter(Boolean) ?? [];
  if (to.length === 1) {
    out.push(line(ctx, `Kính gửi: ${to[0]}.`, r.addressee, AlignmentType.CENTER, 240));
  } else if (to.length > 1) {
    // "Kính gửi:" then the addressees one under the other, aligned after the label.
    const label = mmToTwips(24);
    const left = Math.round(ctx.width * 0.2) + label;
    to.forEach((a, i) => {
      const text = `- ${a}${i === to.length - 1 ? '.' : ';'}`;
      out.push(
        new Paragraph({
          indent: { left, hanging: i === 0 ? label : 0 },
          spacing: { before: i === 0 ? 240 : 0, after: 0 },
          children: i === 0 ? [run(ctx, 'Kính gửi:', r.addressee), new TextRun({ children: [new Tab()] }), run(ctx, text, r.addressee)] : [run(ctx, text, r.addressee)],
        }),
      );
    });
  }
  // Space between the title block and the body.
  out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(ctx, '', r.body)] }));
  return out;
}

function spans(ctx: Ctx, text: RichText, style: TextStyle): TextRun[] {
  if (typeof text === 'string') return [run(ctx, text, style)];
  return text.map((s) => run(ctx, s.text, style, { bold: s.bold ?? style.bold, italic: s.italic ?? style.italic }));
}

export function bodyParagraph(ctx: Ctx, children: TextRun[], opts: { indent?: boolean; keepNext?: boolean } = {}): Paragraph {
  const b = ctx.rule.body;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: opts.keepNext ?? false,
    indent: opts.indent === false ? undefined : { firstLine: mmToTwips(b.firstLineIndentMm) },
    spacing: { before: b.spacingBeforePt * 20, after: 0, line: b.lineSpacingPt * 20, lineRule: LineRuleType.EXACT },
    children,
  });
}

function dataTable(ctx: Ctx, block: Extract<Block, { type: 'table' }>): Table {
  const style = ctx.rule.table;
  const cols = block.header[0]?.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.span ?? 1)), 0) ?? 1;
  const weights = block.widths && block.widths.length === cols ? block.widths : Array.from({ length: cols }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((ctx.width * w) / total));
  const borders = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
  const para = (text: string, align: Align, bold: boolean) =>
    new Paragraph({ alignment: align, spacing: { before: 40, after: 40 }, children: [run(ctx, text, style, { bold })] });
  const headerRows = block.header.map((row) => {
    let col = 0;
    return new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: row.map((c) => {
        const text = typeof c === 'string' ? c : c.text;
        const span = typeof c === 'string' ? 1 : (c.span ?? 1);
        const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new TableCell({
          width: { size: w, type: WidthType.DXA },
          columnSpan: span,
          verticalAlign: VerticalAlignTable.CENTER,
          children: [para(text, AlignmentType.CENTER, true)],
        });
      }),
    });
  });
  const bodyRows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((c, i) => {
          const t = cellText(c);
          return new TableCell({
            width: { size: widths[i] ?? widths[widths.length - 1] ?? ctx.width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: [para(t.text, ALIGN[t.align], t.bold)],
          });
        }),
      }),
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [...headerRows, ...bodyRows],
  });
}

/**
 * The body blocks. Headings keep with what follows, and the last paragraph keeps with the closing
 * block, so a signature never stands alone on the last page.
 */
function body(ctx: Ctx, blocks: readonly Block[]): Child[] {
  const labels = headingLabels(blocks);
  const out: Child[] = [];
  const last = blocks.length - 1;
  blocks.forEach((b, i) => {
    switch (b.type) {
      case 'heading': {
        const style = ctx.rule.headings[b.level - 1] ?? ctx.rule.body;
        out.push(bodyParagraph(ctx, [run(ctx, headingText(labels.get(i) ?? null, b.text), style)], { keepNext: true }));
        break;
      }
      case 'paragraph':
        out.push(bodyParagraph(ctx, spans(ctx, b.text, ctx.rule.body), { indent: b.indent, keepNext: i === last }));
        break;
      case 'bullets': {
        const marker = `${b.marker ?? '-'} `;
        b.items.forEach((item, k) => {
          const runs = spans(ctx, item, ctx.rule.body);
          out.push(bodyParagraph(ctx, [run(ctx, marker, ctx.rule.body), ...runs], { keepNext: i === last && k === b.items.length - 1 }));
        });
        break;
      }
      case 'table':
        out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(ctx, '', ctx.rule.table)] }));
        out.push(dataTable(ctx, b));
        break;
    }
  });
  return out;
}

/** Room for a signature and the seal, between the signer's title and their name. */
export function signatureSpace(ctx: Ctx): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 1400, lineRule: LineRuleType.EXACT }, children: [run(ctx, '', ctx.rule.signatureName)] });
}

function closing(ctx: Ctx, doc: OutgoingDocument): Table {
  const { rule: r } = ctx;
  const p = printedParts(doc);
  const left = Math.round(ctx.width * 0.45);
  const right = ctx.width - left;
  const recipients = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      // The words are underlined, the colon is not.
      children: [run(ctx, 'Nơi nhận', r.recipientsLabel), run(ctx, ':', { ...r.recipientsLabel, underline: false })],
    }),
    ...p.recipients.map((t) => line(ctx, t, r.recipients, AlignmentType.LEFT)),
  ];
  const s = doc.signature;
  const signature: Paragraph[] = [];
  if (s.capacity) signature.push(line(ctx, s.capacity, r.signatureCapacity));
  if (s.signingFor) signature.push(line(ctx, s.signingFor, r.signatureCapacity));
  signature.push(line(ctx, s.title, r.signatureTitle));
  signature.push(signatureSpace(ctx));
  signature.push(line(ctx, s.name, r.signatureName));
  return twoColumns([[recipients, signature]], left, right);
}

function pageNumberHeader(ctx: Ctx): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: ctx.rule.font, size: ctx.rule.pageNumber.size * 2 })],
      }),
    ],
  });
}

/** The page of a document of `profile` dated `date`: the rule in force, its margins and the text width. */
export function pageLayout(profile: OutgoingProfile, date: IsoDate): { ctx: Ctx; margin: { top: number; bottom: number; left: number; right: number } } {
  const rule = formatRuleFor(profile, date);
  const m = rule.page.marginMm;
  const margin = { top: mmToTwips(m.top), bottom: mmToTwips(m.bottom), left: mmToTwips(m.left), right: mmToTwips(m.right) };
  return { ctx: { rule, width: A4.width - margin.left - margin.right }, margin };
}

/**
 * The .docx of one section laid out by `pageLayout`: A4, the rule's margins and font, page numbers
 * at the top centre from page 2 on.
 */
export async function packDocument(layout: ReturnType<typeof pageLayout>, meta: { title: string; description?: string }, children: Child[]): Promise<Buffer> {
  const { ctx, margin } = layout;
  const rule = ctx.rule;
  const document = new Document({
    creator: 'trienkhai',
    title: meta.title,
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    styles: {
      default: {
        document: { run: { font: rule.font, size: rule.body.size * 2 } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...margin, header: mmToTwips(rule.page.headerMm), footer: mmToTwips(10), gutter: 0 },
          },
        },
        headers: {
          default: pageNumberHeader(ctx),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * Renders an outgoing document as .docx in the format of its profile and date
 * (formatRuleFor): A4, the rule's margins, Times New Roman; the header as a borderless two-column
 * table (issuer, number | heading, place and date), kind and title centred bold, the body, and a
 * closing borderless table (Nơi nhận | signature). Page numbers stand at the top centre from
 * page 2 on. Throws DomainError DOCUMENT_INCOMPLETE when a required part is missing.
 */
export async function renderDocx(doc: OutgoingDocument): Promise<Buffer> {
  assertDocumentComplete(doc);
  const layout = pageLayout(doc.profile, doc.date);
  const { ctx } = layout;
  const p = printedParts(doc);
  return packDocument(
    layout,
    { title: [p.kind ?? p.summary ?? '', ...p.title].join(' ').trim(), description: p.number },
    [header(ctx, doc), ...titleBlock(ctx, doc), ...body(ctx, doc.body), new Paragraph({ keepNext: true, children: [] }), closing(ctx, doc)],
  );
}
