import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';

/**
 * Sign-in slips to cut out and hand to each person: one slip per account, two to a row, a page (or
 * more) per unit under the unit's name. Each slip says where to sign in, the user name, the
 * one-time password, until when it is valid, and that it must be changed at the first sign-in.
 */
export interface Slip {
  fullName: string;
  username: string;
  password: string;
  /** "29/03/2022 10:00". */
  validUntil: string;
}

export interface SlipGroup {
  unitName: string;
  slips: readonly Slip[];
}

const A4 = { width: 11906, height: 16838 };
const MARGIN = 850; // 1.5 cm
const FONT = 'Times New Roman';
const CUT: IBorderOptions = { style: BorderStyle.DASHED, size: 6, color: '666666' };

const run = (text: string, o: { bold?: boolean; size?: number; font?: string; italic?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold ?? false, italics: o.italic ?? false, size: (o.size ?? 12) * 2, font: o.font ?? FONT });
const line = (children: TextRun[], o: { center?: boolean; after?: number } = {}) =>
  new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: 0, after: o.after ?? 60 }, children });

function slipCell(s: Slip | null, address: string, unitName: string, width: number): TableCell {
  const margins = { top: 160, bottom: 160, left: 200, right: 200 };
  if (!s) return new TableCell({ width: { size: width, type: WidthType.DXA }, margins, children: [new Paragraph({})] });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins,
    children: [
      line([run('TÀI KHOẢN ĐĂNG NHẬP', { bold: true, size: 13 })], { center: true, after: 100 }),
      line([run('Họ và tên: '), run(s.fullName, { bold: true })]),
      line([run(`Đơn vị: ${unitName}`)]),
      line([run(`Địa chỉ: ${address}`)]),
      line([run('Tên đăng nhập: '), run(s.username, { bold: true, font: 'Courier New', size: 13 })]),
      line([run('Mật khẩu: '), run(s.password, { bold: true, font: 'Courier New', size: 13 })]),
      line([run(`Dùng được đến: ${s.validUntil}`)]),
      line([run('Đổi mật khẩu ở lần đăng nhập đầu.', { italic: true })], { after: 0 }),
    ],
  });
}

/** Renders the slips as .docx: each unit starts a page, its slips two to a row, cut along the dashes. */
export async function renderSlipsDocx(groups: readonly SlipGroup[], address: string): Promise<Buffer> {
  const width = A4.width - 2 * MARGIN;
  const half = Math.floor(width / 2);
  const children: (Paragraph | Table)[] = [];
  groups.forEach((g, gi) => {
    children.push(new Paragraph({ pageBreakBefore: gi > 0, spacing: { before: 0, after: 160 }, children: [run(g.unitName, { bold: true, size: 14 })] }));
    const rows: TableRow[] = [];
    for (let i = 0; i < g.slips.length; i += 2) {
      rows.push(new TableRow({ cantSplit: true, children: [slipCell(g.slips[i]!, address, g.unitName, half), slipCell(g.slips[i + 1] ?? null, address, g.unitName, half)] }));
    }
    children.push(new Table({
      width: { size: half * 2, type: WidthType.DXA },
      columnWidths: [half, half],
      layout: TableLayoutType.FIXED,
      borders: { top: CUT, bottom: CUT, left: CUT, right: CUT, insideHorizontal: CUT, insideVertical: CUT },
      rows,
    }));
  });
  const document = new Document({
    creator: 'trienkhai',
    title: 'Phiếu tài khoản đăng nhập',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } }, children }],
  });
  return Packer.toBuffer(document);
}
