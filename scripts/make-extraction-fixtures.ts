// Builds .docx versions of seed plans with the `docx` library, and .pdf/.doc copies through
// LibreOffice when it is installed, into tests/fixtures/extraction/files/. Also writes the small
// bad files the reader's tests use. Run: node bin/run-ts.js scripts/make-extraction-fixtures.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'tests/fixtures/extraction/seeds');
const OUT = join(ROOT, 'tests/fixtures/extraction/files');
const NAMES = ['001_49105ae659426032', '004_7956c4d43d58e490'];

function clean(line: string): string {
  return line.replace(/\*\*?|<\/?[a-z]+>/g, '').replace(/\t/g, ' ');
}

/** A Word document: the heading lines centred and bold, each other line a paragraph. DejaVu Serif
 * has every Vietnamese glyph, so LibreOffice draws no letter from a fallback font in the PDF. */
async function toDocx(text: string): Promise<Buffer> {
  const lines = text.split('\n');
  const typeAt = lines.findIndex((l) => /^\s*KẾ HOẠCH\s*$/.test(l));
  const paragraphs = lines.map((raw, i) => {
    const line = clean(raw);
    const heading = i <= typeAt + 2 || /^[IVX]+[.-]/.test(line.trim());
    return new Paragraph({
      alignment: i <= typeAt + 2 ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      children: [new TextRun({ text: line, bold: heading, font: 'DejaVu Serif', size: 26 })],
    });
  });
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return Packer.toBuffer(doc);
}

function soffice(): string | null {
  try {
    return execFileSync('which', ['soffice']).toString().trim() || null;
  } catch {
    return null;
  }
}

function convert(bin: string, file: string, to: 'pdf' | 'doc'): void {
  const work = join(tmpdir(), `trienkhai-fixtures-${process.pid}`);
  mkdirSync(work, { recursive: true });
  execFileSync(bin, ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', to, '--outdir', work, file], { stdio: 'ignore', timeout: 120_000 });
  const base = file.replace(/^.*\//, '').replace(/\.docx$/, `.${to}`);
  renameSync(join(work, base), join(OUT, base));
  rmSync(work, { recursive: true, force: true });
}

/** A PDF with one page and no text layer: what a scanner without OCR produces. */
function imageOnlyPdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>',
  ];
  const stream = '0 0 0 rg 20 20 160 160 re f';
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  offsets.push(pdf.length);
  pdf += `4 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
  const xref = pdf.length;
  pdf += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

mkdirSync(OUT, { recursive: true });
const bin = soffice();
for (const name of NAMES) {
  const text = readFileSync(join(SEEDS, `${name}.txt`), 'utf8');
  const docx = join(OUT, `${name}.docx`);
  writeFileSync(docx, await toDocx(text));
  if (bin) {
    convert(bin, docx, 'pdf');
    convert(bin, docx, 'doc');
  } else if (!existsSync(join(OUT, `${name}.pdf`))) {
    process.stdout.write('soffice not found: .pdf and .doc not made\n');
  }
}
writeFileSync(join(OUT, 'image-only.pdf'), imageOnlyPdf());
process.stdout.write(`fixtures written to ${OUT}\n`);
