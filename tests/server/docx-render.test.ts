// The document builder, read back from the generated .docx XML: every part of the format stands
// where the guidance puts it (header table, number, date line, title, Nơi nhận, signature), in
// Times New Roman at the guidance's sizes, on A4 with the rule's margins.
import { describe, it, expect, beforeAll } from 'vitest';
import JSZip from 'jszip';
import type { IsoDate } from '#core/ids.ts';
import type { OutgoingDocument } from '#core/documents-out/model.ts';
import { renderDocx } from '#server/writers/docx/render-document.ts';
import { consolidatedReport, statePlan, urgingLetter, youthPlan } from '../support/docx-fixtures.ts';

// ---- a small reader for WordprocessingML (no nested tables in what we generate) ----

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: string | null;
  size: number | null;
  font: string | null;
}
interface Para {
  text: string;
  align: string | null;
  runs: Run[];
  xml: string;
}
interface Cell {
  paras: Para[];
  text: string;
}
interface Tbl {
  rows: Cell[][];
  xml: string;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** On/off property: present without w:val, or with a true value. */
const onOff = (rPr: string, tag: string): boolean => {
  const m = new RegExp(`<${tag}(\\s[^>]*)?/>`).exec(rPr);
  if (!m) return false;
  const v = /w:val="([^"]*)"/.exec(m[1] ?? '')?.[1];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
};

function parseRun(xml: string): Run {
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? '';
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[1] ?? ''))).join('');
  const u = /<w:u\s[^>]*w:val="([^"]*)"/.exec(rPr)?.[1] ?? null;
  const sz = /<w:sz\s[^>]*w:val="(\d+)"/.exec(rPr)?.[1];
  return {
    text,
    bold: onOff(rPr, 'w:b'),
    italic: onOff(rPr, 'w:i'),
    underline: u && u !== 'none' ? u : null,
    size: sz ? Number(sz) : null,
    font: /<w:rFonts\s[^>]*w:ascii="([^"]*)"/.exec(rPr)?.[1] ?? null,
  };
}

function parsePara(xml: string): Para {
  const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => parseRun(m[0]));
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
  return { text: runs.map((r) => r.text).join(''), align: /<w:jc\s[^>]*w:val="([^"]*)"/.exec(pPr)?.[1] ?? null, runs, xml };
}

const paras = (xml: string): Para[] => [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => parsePara(m[0]));

function parseTable(xml: string): Tbl {
  const rows = [...xml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => {
      const ps = paras(c[0]);
      return { paras: ps, text: ps.map((p) => p.text).join('\n') };
    }),
  );
  return { rows, xml };
}

interface Docx {
  xml: string;
  /** Top-level body children in order. */
  body: Array<{ kind: 'p'; p: Para } | { kind: 'tbl'; t: Tbl }>;
  tables: Tbl[];
  headers: { default: string; first: string };
}

async function readDocx(buf: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const bodyXml = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  const body: Docx['body'] = [];
  for (const m of bodyXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    if (m[0].startsWith('<w:tbl>')) body.push({ kind: 'tbl', t: parseTable(m[0]) });
    else body.push({ kind: 'p', p: parsePara(m[0]) });
  }
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const headerOf = async (type: string) => {
    const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(xml)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    return target ? await zip.file(`word/${target}`)!.async('string') : '';
  };
  return {
    xml,
    body,
    tables: body.flatMap((b) => (b.kind === 'tbl' ? [b.t] : [])),
    headers: { default: await headerOf('default'), first: await headerOf('first') },
  };
}

const textRuns = (p: Para) => p.runs.filter((r) => r.text.trim() !== '');
const lines = (c: Cell) => c.paras.map((p) => p.text).filter((t) => t.trim() !== '');
const only = <T,>(xs: T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
};
const paraIn = (c: Cell, text: string): Para => only(c.paras.filter((p) => p.text === text));
const style = (p: Para) => {
  const rs = textRuns(p);
  return { bold: rs.every((r) => r.bold), italic: rs.every((r) => r.italic), underline: rs.every((r) => r.underline === 'single'), sizes: [...new Set(rs.map((r) => r.size))] };
};
const topLevelIndex = (d: Docx, pred: (b: Docx['body'][number]) => boolean) => d.body.findIndex(pred);

function expectTimesEverywhere(d: Docx) {
  const runs = [...d.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => parseRun(m[0])).filter((r) => r.text.trim() !== '');
  expect(runs.length).toBeGreaterThan(20);
  for (const r of runs) {
    expect(r.font, r.text).toBe('Times New Roman');
    expect(r.size, r.text).not.toBeNull();
  }
}

function expectBorderless(t: Tbl) {
  const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(t.xml)?.[1] ?? '';
  for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
    expect(new RegExp(`<w:${side}\\s[^>]*w:val="(none|nil)"`).test(borders), side).toBe(true);
  }
}

// ---- the Party profile: a consolidated report of the Trà Vinh ĐUK ----

describe('renderDocx — Party document (36-HD/VPTW)', () => {
  let d: Docx;
  beforeAll(async () => {
    d = await readDocx(await renderDocx(consolidatedReport));
  });

  it('is A4 with the margins of the guidance (top 20, bottom 20, left 30, right 15 mm)', () => {
    expect(d.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const pgMar = /<w:pgMar ([^>]*)\/>/.exec(d.xml)?.[1] ?? '';
    expect(pgMar).toContain('w:top="1134"');
    expect(pgMar).toContain('w:bottom="1134"');
    expect(pgMar).toContain('w:left="1701"');
    expect(pgMar).toContain('w:right="850"');
  });

  it('sets every run in Times New Roman with an explicit size', () => {
    expectTimesEverywhere(d);
    expect(d.xml).not.toMatch(/Calibri|Arial/);
  });

  it('opens with the borderless two-column header: issuer lines at left, "ĐẢNG CỘNG SẢN VIỆT NAM" bold and underlined at right', () => {
    expect(d.body[0]?.kind).toBe('tbl');
    const header = d.tables[0]!;
    expectBorderless(header);
    const [left, right] = header.rows[0]!;
    expect(lines(left!)).toEqual(['ĐẢNG BỘ TỈNH TRÀ VINH', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'VÀ DOANH NGHIỆP', '*']);
    // Superior body upright, issuing body bold, both 14 pt, centred in the column.
    expect(style(paraIn(left!, 'ĐẢNG BỘ TỈNH TRÀ VINH'))).toMatchObject({ bold: false, sizes: [28] });
    expect(style(paraIn(left!, 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN'))).toMatchObject({ bold: true, sizes: [28] });
    expect(style(paraIn(left!, 'VÀ DOANH NGHIỆP'))).toMatchObject({ bold: true, sizes: [28] });
    expect(paraIn(left!, 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN').align).toBe('center');
    const title = paraIn(right!, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(style(title)).toEqual({ bold: true, italic: false, underline: true, sizes: [30] });
    expect(title.align).toBe('center');
  });

  it('puts the number under the issuer and the place-and-date line, italic, on the same row at right', () => {
    const [left, right] = d.tables[0]!.rows[1]!;
    expect(lines(left!)).toEqual(['Số 60-BC/ĐUK']);
    expect(style(paraIn(left!, 'Số 60-BC/ĐUK'))).toMatchObject({ bold: false, italic: false, sizes: [28] });
    const date = paraIn(right!, 'Trà Vinh, ngày 18 tháng 4 năm 2022');
    expect(style(date)).toMatchObject({ italic: true, bold: false, sizes: [28] });
    expect(date.align).toBe('center');
  });

  it('centres the kind and the title in bold under the header', () => {
    const kindAt = topLevelIndex(d, (b) => b.kind === 'p' && b.p.text === 'BÁO CÁO');
    expect(kindAt).toBe(1);
    const kind = (d.body[kindAt] as { p: Para }).p;
    expect(kind.align).toBe('center');
    expect(style(kind)).toMatchObject({ bold: true, sizes: [32] });
    const t1 = (d.body[kindAt + 1] as { p: Para }).p;
    const t2 = (d.body[kindAt + 2] as { p: Para }).p;
    expect([t1.text, t2.text]).toEqual(['kết quả tổ chức đợt sinh hoạt chính trị về', 'xây dựng, chỉnh đốn Đảng và hệ thống chính trị']);
    for (const t of [t1, t2]) {
      expect(t.align).toBe('center');
      expect(style(t)).toMatchObject({ bold: true, sizes: [28] });
    }
    expect((d.body[kindAt + 3] as { p: Para }).p.text).toBe('-----');
  });

  it('numbers the headings I., II. and 1., justifies the body in 14 pt', () => {
    const texts = d.body.flatMap((b) => (b.kind === 'p' ? [b.p] : []));
    const h1 = only(texts.filter((p) => p.text === 'I. KẾT QUẢ THỰC HIỆN'));
    const h2 = only(texts.filter((p) => p.text === 'II. NHIỆM VỤ THỜI GIAN TỚI'));
    const h11 = only(texts.filter((p) => p.text === '1. Công tác lãnh đạo, chỉ đạo'));
    for (const h of [h1, h2, h11]) expect(style(h)).toMatchObject({ bold: true, sizes: [28] });
    const para = only(texts.filter((p) => p.text.startsWith('Thực hiện Kế hoạch số 60-KH/ĐUK')));
    expect(para.align).toBe('both');
    expect(style(para)).toMatchObject({ bold: false, sizes: [28] });
    expect(para.xml).toMatch(/<w:ind w:firstLine="567"\/>/);
    const mixed = only(texts.filter((p) => p.text.includes('2.909/3.044 đảng viên')));
    expect(mixed.runs.find((r) => r.text.includes('2.909/3.044'))?.bold).toBe(true);
    expect(only(texts.filter((p) => p.text.startsWith('- Chỉ đạo các chi'))).align).toBe('both');
  });

  it('writes the table of figures with header row, Vietnamese numbers right-aligned and computed shares', () => {
    const table = d.tables[1]!;
    expect(table.xml).toContain('<w:tblHeader/>');
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['STT', 'Đơn vị', 'Số đảng viên', 'Đã tham gia', 'Tỷ lệ']);
    expect(table.rows[0]!.every((c) => c.paras.every((p) => style(p).bold))).toBe(true);
    expect(table.rows[1]!.map((c) => c.text)).toEqual(['1', 'Đảng bộ Sở Giáo dục và Đào tạo', '412', '398', '96,60%']);
    expect(table.rows[1]!.map((c) => c.paras[0]!.align)).toEqual(['center', 'left', 'right', 'right', 'right']);
    const total = table.rows.at(-1)!;
    expect(total.map((c) => c.text)).toEqual(['', 'Tổng cộng', '3.044', '2.909', '95,56%']);
    expect(total.slice(1).every((c) => style(c.paras[0]!).bold)).toBe(true);
    expect(total[2]!.paras[0]!.align).toBe('right');
    expect(total[1]!.paras[0]!.align).toBe('left');
    expect(style(total[2]!.paras[0]!).sizes).toEqual([26]);
    expect(table.xml).toMatch(/<w:insideH w:val="single"/);
  });

  it('ends with a borderless table: "Nơi nhận:" and the list at left, the signature block at right', () => {
    const last = d.body.at(-1);
    expect(last?.kind).toBe('tbl');
    const closing = (last as { t: Tbl }).t;
    expectBorderless(closing);
    expect(closing.rows).toHaveLength(1);
    const [left, right] = closing.rows[0]!;
    const label = left!.paras[0]!;
    expect(label.text).toBe('Nơi nhận:');
    const word = label.runs.find((r) => r.text === 'Nơi nhận')!;
    expect(word).toMatchObject({ underline: 'single', size: 28, italic: false });
    expect(lines(left!).slice(1)).toEqual(['- Ban Tuyên giáo Tỉnh ủy;', '- Thường trực Đảng ủy Khối;', '- Các chi, đảng bộ cơ sở;', '- Lưu Văn phòng ĐUK.']);
    for (const p of left!.paras.slice(1)) expect(style(p).sizes).toEqual([24]);
    expect(lines(right!)).toEqual(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn Minh']);
    for (const t of ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn Minh']) {
      const p = paraIn(right!, t);
      expect(p.align).toBe('center');
      expect(style(p)).toMatchObject({ bold: true, sizes: [28] });
    }
    // Room for the signature and the seal between the title and the name.
    const gap = right!.paras.findIndex((p) => p.text === 'PHÓ BÍ THƯ') + 1;
    expect(right!.paras[gap]!.xml).toMatch(/w:line="\d{4}" w:lineRule="exact"/);
  });

  it('numbers pages at the top centre from page 2, not on page 1', () => {
    expect(d.xml).toContain('<w:titlePg/>');
    expect(d.headers.default).toMatch(/PAGE/);
    expect(d.headers.default).toMatch(/<w:jc w:val="center"\/>/);
    expect(d.headers.first).not.toMatch(/PAGE/);
  });
});

// ---- the state profile: a UBND plan ----

describe('renderDocx — state document (Nghị định 30/2020/NĐ-CP)', () => {
  let d: Docx;
  beforeAll(async () => {
    d = await readDocx(await renderDocx(statePlan));
  });

  it('is A4 with margins inside the decree\'s ranges', () => {
    expect(d.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(d.xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expectTimesEverywhere(d);
  });

  it('heads with the issuer and its short rule at left, the national name and the underlined motto at right', () => {
    const header = d.tables[0]!;
    expectBorderless(header);
    const [left, right] = header.rows[0]!;
    expect(lines(left!)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH TRÀ VINH']);
    expect(style(paraIn(left!, 'TỈNH TRÀ VINH'))).toMatchObject({ bold: true, sizes: [26] });
    expect(left!.paras.at(-1)!.xml).toMatch(/<w:pBdr><w:top w:val="single"/);
    expect(lines(right!)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(style(paraIn(right!, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toMatchObject({ bold: true, underline: false, sizes: [24] });
    expect(style(paraIn(right!, 'Độc lập - Tự do - Hạnh phúc'))).toMatchObject({ bold: true, underline: true, sizes: [26] });
  });

  it('prints "Số: 594/KH-UBND" and the date with leading zeros for the day and February', () => {
    const [left, right] = d.tables[0]!.rows[1]!;
    expect(lines(left!)).toEqual(['Số: 594/KH-UBND']);
    expect(style(left!.paras[0]!).sizes).toEqual([26]);
    expect(style(paraIn(right!, 'Trà Vinh, ngày 08 tháng 02 năm 2022'))).toMatchObject({ italic: true, sizes: [28] });
  });

  it('centres "KẾ HOẠCH" and the title in bold, with a short rule under the title', () => {
    const i = topLevelIndex(d, (b) => b.kind === 'p' && b.p.text === 'KẾ HOẠCH');
    expect(i).toBe(1);
    const kind = (d.body[i] as { p: Para }).p;
    expect(kind.align).toBe('center');
    expect(style(kind)).toMatchObject({ bold: true, sizes: [28] });
    expect(style((d.body[i + 1] as { p: Para }).p)).toMatchObject({ bold: true, sizes: [28] });
    expect((d.body[i + 3] as { p: Para }).p.xml).toMatch(/<w:pBdr><w:top w:val="single"/);
  });

  it('closes with "Nơi nhận:" bold italic 12 pt, the list in 11 pt, and TM. / KT. / title / name', () => {
    const [left, right] = d.tables.at(-1)!.rows[0]!;
    const label = left!.paras[0]!;
    expect(label.text).toBe('Nơi nhận:');
    expect(style(label)).toMatchObject({ bold: true, italic: true, underline: false, sizes: [24] });
    expect(lines(left!).at(-1)).toBe('- Lưu: VT, NC.');
    expect(style(left!.paras[1]!).sizes).toEqual([22]);
    expect(lines(right!)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Văn Hẳn']);
    expect(style(paraIn(right!, 'KT. CHỦ TỊCH'))).toMatchObject({ bold: true, sizes: [28] });
  });
});

// ---- the Youth Union profile ----

describe('renderDocx — Youth Union document (29-HD/TWĐTN-VP)', () => {
  let d: Docx;
  beforeAll(async () => {
    d = await readDocx(await renderDocx(youthPlan));
  });

  it('heads with "ĐOÀN TNCS HỒ CHÍ MINH" bold and underlined at right, the issuer and "***" at left', () => {
    expectTimesEverywhere(d);
    const [left, right] = d.tables[0]!.rows[0]!;
    expect(lines(left!)).toEqual(['THÀNH ĐOÀN TP. HỒ CHÍ MINH', 'BCH ĐOÀN KHỐI', 'DÂN - CHÍNH - ĐẢNG TP', '***']);
    expect(style(paraIn(left!, 'THÀNH ĐOÀN TP. HỒ CHÍ MINH')).bold).toBe(false);
    expect(style(paraIn(left!, 'BCH ĐOÀN KHỐI'))).toMatchObject({ bold: true, sizes: [28] });
    expect(style(paraIn(right!, 'ĐOÀN TNCS HỒ CHÍ MINH'))).toMatchObject({ bold: true, underline: true, sizes: [30] });
  });

  it('prints "Số: 133-KH/TĐTN-BCNLĐ", the italic date line, the kind and "TM. BAN THƯỜNG VỤ"', () => {
    const [left, right] = d.tables[0]!.rows[1]!;
    expect(lines(left!)).toEqual(['Số: 133-KH/TĐTN-BCNLĐ']);
    expect(style(paraIn(right!, 'TP. Hồ Chí Minh, ngày 27 tháng 4 năm 2022')).italic).toBe(true);
    expect((d.body[1] as { p: Para }).p.text).toBe('KẾ HOẠCH');
    const [recipients, signature] = d.tables.at(-1)!.rows[0]!;
    expect(recipients!.paras[0]!.text).toBe('Nơi nhận:');
    expect(lines(signature!)).toEqual(['TM. BAN THƯỜNG VỤ', 'BÍ THƯ', 'Trần Thị Thu']);
    expect(d.xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/);
  });
});

// ---- a công văn and the dated rule ----

describe('renderDocx — công văn đôn đốc', () => {
  it('prints no kind line, the "V/v" summary under the number in italic 12 pt, and "Kính gửi:"', async () => {
    const d = await readDocx(await renderDocx(urgingLetter));
    const [left] = d.tables[0]!.rows[1]!;
    expect(lines(left!)).toEqual(['Số 07-CV/ĐUK', 'V/v đôn đốc báo cáo kết quả đợt sinh hoạt chính trị']);
    expect(style(paraIn(left!, 'V/v đôn đốc báo cáo kết quả đợt sinh hoạt chính trị'))).toMatchObject({ italic: true, bold: false, sizes: [24] });
    const top = d.body.flatMap((b) => (b.kind === 'p' ? [b.p.text] : []));
    expect(top).not.toContain('CÔNG VĂN');
    expect(top.find((t) => t.startsWith('Kính gửi:'))).toBe('Kính gửi:\t- Đảng bộ Bưu điện tỉnh;');
    expect(top).toContain('- Chi bộ Sở Tư pháp.');
    expect(d.tables[1]!.rows[1]!.map((c) => c.text)).toEqual(['1', 'Đảng bộ Bưu điện tỉnh', '30/4/2022', '3']);
  });
});

describe('renderDocx — state công văn', () => {
  it('prints "Số: 123/UBND-VX" and the "V/v" summary upright under it', async () => {
    const cv: OutgoingDocument = {
      ...statePlan,
      kind: 'CV',
      number: '123/UBND-VX',
      title: 'đôn đốc báo cáo kết quả thực hiện Kế hoạch số 594/KH-UBND',
      addressees: ['Sở Y tế'],
      body: [{ type: 'paragraph', text: 'Ủy ban nhân dân tỉnh đề nghị Sở Y tế báo cáo trước ngày 10/5/2022.' }],
    };
    const d = await readDocx(await renderDocx(cv));
    const [left] = d.tables[0]!.rows[1]!;
    expect(lines(left!)).toEqual(['Số: 123/UBND-VX', 'V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 594/KH-UBND']);
    expect(style(left!.paras[1]!)).toMatchObject({ italic: false, bold: false, sizes: [24] });
    const top = d.body.flatMap((b) => (b.kind === 'p' ? [b.p.text] : []));
    expect(top).toContain('Kính gửi: Sở Y tế.');
    expect(top).not.toContain('KẾ HOẠCH');
  });
});

describe('renderDocx — dated rules and checks', () => {
  it('renders a Party document dated after 05-HD/VPTW with the layout kept from 36-HD/VPTW', async () => {
    const later: OutgoingDocument = { ...consolidatedReport, date: '2026-06-01' as IsoDate };
    const d = await readDocx(await renderDocx(later));
    expect(d.xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(lines(d.tables[0]!.rows[1]![1]!)).toEqual(['Trà Vinh, ngày 01 tháng 6 năm 2026']);
  });

  it('refuses a document without recipients or signer', async () => {
    await expect(renderDocx({ ...consolidatedReport, recipients: [] })).rejects.toMatchObject({ code: 'DOCUMENT_INCOMPLETE' });
    await expect(renderDocx({ ...consolidatedReport, signature: { title: 'BÍ THƯ', name: ' ' } })).rejects.toMatchObject({ code: 'DOCUMENT_INCOMPLETE' });
  });

  it('escapes text safely into the XML', async () => {
    const d = await readDocx(await renderDocx({ ...consolidatedReport, body: [{ type: 'paragraph', text: 'Tỷ lệ < 50% & "chưa đạt"' }] }));
    expect(d.body.some((b) => b.kind === 'p' && b.p.text === 'Tỷ lệ < 50% & "chưa đạt"')).toBe(true);
  });
});
