/**
 * Files built to hurt a reader, made in memory and kept small: a .docx whose document.xml inflates
 * to hundreds of megabytes, an .xlsx of a million rows under the member import's 5 MB, a PDF of
 * twenty thousand pages sharing one content stream, a PDF whose one page's content inflates to
 * hundreds of megabytes. Used by the hostile-file tests and the
 * benchmark; the zip writer also builds archives that lie about their sizes.
 */
import zlib from 'node:zlib';

/** An entry's data already deflated (raw deflate), with the size and CRC of what it inflates to. */
export interface Deflated {
  raw: Buffer;
  size: number;
  crc: number;
}

export interface ZipEntry {
  name: string;
  /** Stored as deflate; a Buffer is deflated here. */
  data: Buffer | Deflated;
  /** Sizes written in the headers instead of the true ones (an archive that lies). */
  declare?: { size?: number; compressed?: number };
}

const deflated = (d: Buffer | Deflated): Deflated =>
  Buffer.isBuffer(d) ? { raw: zlib.deflateRawSync(d), size: d.length, crc: zlib.crc32(d) } : d;

/** A zip archive of deflated entries, in the order given (local headers, central directory, end record). */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const d = deflated(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declare?.size ?? d.size;
    const compressed = e.declare?.compressed ?? d.raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(d.crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(d.crc >>> 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, d.raw);
    centrals.push(central, name);
    offset += local.length + name.length + d.raw.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `head`, then `chunk` `times` over, then `tail`, deflated without ever holding the whole: each
 * copy of the chunk is one byte-aligned block of its own, so the compressed copy is repeated.
 */
export function deflateRepeated(head: string, chunk: string, times: number, tail: string): Deflated {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const h = Buffer.from(head);
  const c = Buffer.from(chunk);
  const t = Buffer.from(tail);
  const block = zlib.deflateRawSync(c, flush);
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i++) crc = zlib.crc32(c, crc);
  crc = zlib.crc32(t, crc);
  const raw = Buffer.concat([zlib.deflateRawSync(h, flush), ...Array.from({ length: times }, () => block), zlib.deflateRawSync(t)]);
  return { raw, size: h.length + c.length * times + t.length, crc };
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES_DOCX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS_DOCX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx of one paragraph repeated: `inflatedMb` megabytes of document.xml, a few hundred KB of file. */
export function docxBomb(inflatedMb: number): Buffer {
  const paragraph = `<w:p><w:r><w:t>Kế hoạch triển khai thực hiện nghị quyết của Ban Chấp hành.</w:t></w:r></w:p>`;
  const chunk = paragraph.repeat(Math.ceil(2 ** 20 / Buffer.byteLength(paragraph)));
  const document = deflateRepeated(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`, chunk, inflatedMb, '</w:body></w:document>');
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES_DOCX) },
    { name: '_rels/.rels', data: Buffer.from(RELS_DOCX) },
    { name: 'word/document.xml', data: document },
  ]);
}

/** A small, honest .docx with `text` as its paragraphs. */
export function docxOf(text: string): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES_DOCX) },
    { name: '_rels/.rels', data: Buffer.from(RELS_DOCX) },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ]);
}

const XLSX_PARTS = {
  types: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  rels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  workbook: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  workbookRels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  sharedStrings: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Họ và tên</t></si><si><t>Loại thành viên</t></si></sst>`,
};

/**
 * A member list of `rows` data rows below the template's two required headers, each row one
 * number in "Họ và tên": a million rows fit in under 5 MB. The sheet is deflated as it is written
 * and comes before the shared strings, as Excel orders its parts.
 */
export async function xlsxOfRows(rows: number): Promise<Buffer> {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`;
  const tail = '</sheetData></worksheet>';
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = (s: string) => {
    const b = Buffer.from(s);
    crc = zlib.crc32(b, crc);
    size += b.length;
    deflate.write(b);
  };
  write(head);
  for (let start = 2; start <= rows + 1; start += 10_000) {
    let s = '';
    for (let r = start; r < Math.min(start + 10_000, rows + 2); r++) s += `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`;
    write(s);
    // Let the deflater drain, so that memory stays at one batch of rows.
    await new Promise((r) => setImmediate(r));
  }
  write(tail);
  deflate.end();
  await done;
  const sheet: Deflated = { raw: Buffer.concat(out), size, crc };
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(XLSX_PARTS.types) },
    { name: '_rels/.rels', data: Buffer.from(XLSX_PARTS.rels) },
    { name: 'xl/workbook.xml', data: Buffer.from(XLSX_PARTS.workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(XLSX_PARTS.workbookRels) },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(XLSX_PARTS.sharedStrings) },
  ]);
}

/** A PDF of the given objects (numbered from 1 in order, the first the catalog), with its cross-reference table. */
function pdfOf(objects: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const count = offsets.length + 1;
  const xref = [`xref\n0 ${count}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * A one-page PDF whose content stream (FlateDecode) inflates to `inflatedMb` megabytes of text
 * operators: about a megabyte of file for 400 MB.
 */
export function pdfStreamBomb(inflatedMb: number): Buffer {
  const chunk = 'BT /F1 11 Tf 72 800 Td (Nhiem vu trien khai) Tj ET\n'.repeat(Math.ceil(2 ** 20 / 50));
  const raw = deflateRepeated('', chunk, inflatedMb, '');
  // FlateDecode is deflate behind a zlib header; the checksum after it is left out, as readers do not check it.
  const stream = Buffer.concat([Buffer.from([0x78, 0x9c]), raw.raw]);
  return pdfOf([
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Count 1 /Kids [4 0 R] >>'),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ]);
}

/**
 * A PDF of `pages` pages that all draw one shared content stream of text: a few megabytes for
 * twenty thousand pages, each of which a reader lays out again.
 */
export function pdfOfPages(pages: number, linesPerPage = 40): Buffer {
  const lines = Array.from({ length: linesPerPage }, (_, i) => `(- Nhiem vu ${i + 1}: trien khai thuc hien nghi quyet.) Tj 0 -14 Td`).join('\n');
  const content = `BT /F1 11 Tf 72 800 Td\n${lines}\nET`;
  const first = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>';
  const parts: string[] = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const add = (n: number, body: string) => {
    const s = `${n} 0 obj\n${body}\nendobj\n`;
    offsets.push(at);
    parts.push(s);
    at += Buffer.byteLength(s, 'latin1');
  };
  objects.forEach((o, i) => add(i + 1, o));
  for (let i = 0; i < pages; i++) add(first + i, page);
  const count = offsets.length + 1;
  const xref = [`xref\n0 ${count}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(xref, `trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}
