import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { IsoDate } from '#core/ids.ts';
import { formatRuleFor, mmToTwips, type TextStyle } from '#core/documents-out/format-rules.ts';
import type { OutgoingProfile } from '#core/documents-out/profiles.ts';

/**
 * An appendix (phụ lục) sent with a document: "PHỤ LỤC", its title, "(Kèm theo Kế hoạch số … ngày …
 * của …)" in italics, then a table whose header row repeats on every page. It carries no header,
 * number or signature of its own: it belongs to the document it names. Page set-up, font and sizes
 * are those of the profile's rule in force on the date (core/documents-out/format-rules.ts).
 */
export interface Appendix {
  readonly profile: OutgoingProfile;
  readonly date: IsoDate;
  /** "PHỤ LỤC" and the appendix's title, upper case, one line each. */
  readonly heading: readonly string[];
  /** "(Kèm theo Kế hoạch số 48-KH/ĐUK, ngày 11/3/2022 của Ban Thường vụ Đảng ủy Khối)". */
  readonly attachedTo: string;
  readonly columns: readonly { readonly header: string; readonly width: number; readonly align?: 'left' | 'center' }[];
  readonly rows: readonly (readonly string[])[];
}

const A4 = { width: 11906, height: 16838 };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Renders the appendix as .docx. Throws RangeError when a row does not have one cell per column. */
export async function renderAppendixDocx(a: Appendix): Promise<Buffer> {
  if (a.rows.some((r) => r.length !== a.columns.length)) throw new RangeError('Mỗi dòng của phụ lục cần đủ ô theo số cột');
  const rule = formatRuleFor(a.profile, a.date);
  const m = rule.page.marginMm;
  const margin = { top: mmToTwips(m.top), bottom: mmToTwips(m.bottom), left: mmToTwips(m.left), right: mmToTwips(m.right) };
  const width = A4.width - margin.left - margin.right;
  const run = (text: string, style: TextStyle, extra: { bold?: boolean; italic?: boolean } = {}) =>
    new TextRun({ text, font: rule.font, size: style.size * 2, bold: extra.bold ?? style.bold ?? false, italics: extra.italic ?? style.italic ?? false });
  const centred = (text: string, style: TextStyle, extra: { bold?: boolean; italic?: boolean } = {}, before = 0) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after: 0 }, children: [run(text, style, extra)] });

  const total = a.columns.reduce((s, c) => s + c.width, 0);
  const widths = a.columns.map((c) => Math.floor((width * c.width) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: header || a.columns[i]?.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 40, after: 40 },
          children: [run(text, rule.table, { bold: header })],
        }),
      ],
    });
  const table = new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: a.columns.map((c, i) => cell(c.header, i, true)) }),
      ...a.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
  const [first, ...rest] = a.heading;
  const document = new Document({
    creator: 'trienkhai',
    title: a.heading.join(' '),
    styles: { default: { document: { run: { font: rule.font, size: rule.body.size * 2 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: A4.width, height: A4.height }, margin: { ...margin, header: mmToTwips(rule.page.headerMm), footer: mmToTwips(10), gutter: 0 } },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: rule.font, size: rule.pageNumber.size * 2 })] })],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: [
          ...(first ? [centred(first, rule.kind)] : []),
          ...rest.map((t) => centred(t, rule.title, { bold: true })),
          centred(a.attachedTo, rule.body, { italic: true, bold: false }, 60),
          new Paragraph({ spacing: { before: 0, after: 120 }, children: [run('', rule.body)] }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
