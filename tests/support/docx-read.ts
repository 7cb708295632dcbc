/**
 * A small reader of the .docx files the app produces (WordprocessingML without nested tables): the
 * paragraphs and tables of the body in order, with their text, alignment and run styles, so tests
 * check where each part of the format stands, not only that a file exists.
 */
import JSZip from 'jszip';

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  size: number | null;
  font: string | null;
}
export interface DocxPara {
  text: string;
  align: string | null;
  runs: DocxRun[];
}
export interface DocxTable {
  /** Rows of cells, each cell its paragraphs. */
  rows: DocxPara[][][];
}
export interface DocxBody {
  xml: string;
  body: Array<{ kind: 'p'; p: DocxPara } | { kind: 'tbl'; t: DocxTable }>;
  tables: DocxTable[];
  /** Every paragraph's text, tables included, in document order. */
  text: string[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const onOff = (rPr: string, tag: string): boolean => {
  const m = new RegExp(`<${tag}(\\s[^>]*)?/>`).exec(rPr);
  if (!m) return false;
  const v = /w:val="([^"]*)"/.exec(m[1] ?? '')?.[1];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
};

function run(xml: string): DocxRun {
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? '';
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[1] ?? ''))).join('');
  const sz = /<w:sz\s[^>]*w:val="(\d+)"/.exec(rPr)?.[1];
  return { text, bold: onOff(rPr, 'w:b'), italic: onOff(rPr, 'w:i'), size: sz ? Number(sz) : null, font: /<w:rFonts\s[^>]*w:ascii="([^"]*)"/.exec(rPr)?.[1] ?? null };
}

function para(xml: string): DocxPara {
  const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => run(m[0]));
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
  return { text: runs.map((r) => r.text).join(''), align: /<w:jc\s[^>]*w:val="([^"]*)"/.exec(pPr)?.[1] ?? null, runs };
}

const paras = (xml: string) => [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => para(m[0]));

function table(xml: string): DocxTable {
  return {
    rows: [...xml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paras(c[0]))),
  };
}

/** The lines of text of a table cell (empty paragraphs left out). */
export const cellLines = (cell: DocxPara[] | undefined): string[] => (cell ?? []).map((p) => p.text).filter((t) => t.trim() !== '');

/** Reads word/document.xml of a .docx. Throws when the file is not a zip holding it. */
export async function readDocx(buf: Buffer | Uint8Array): Promise<DocxBody> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  const xml = await file.async('string');
  const bodyXml = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  const body: DocxBody['body'] = [];
  for (const m of bodyXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    if (m[0].startsWith('<w:tbl>')) body.push({ kind: 'tbl', t: table(m[0]) });
    else body.push({ kind: 'p', p: para(m[0]) });
  }
  const text = body.flatMap((b) => (b.kind === 'p' ? [b.p.text] : b.t.rows.flatMap((r) => r.flatMap((c) => c.map((p) => p.text)))));
  return { xml, body, tables: body.flatMap((b) => (b.kind === 'tbl' ? [b.t] : [])), text };
}
