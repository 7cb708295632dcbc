import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractDocument, type Extraction } from '#core/extract/extract.ts';
import { isDomainError } from '#core/errors.ts';
import { DEADLINE_WHAT_LABELS, dueShort } from '#core/deadline/words.ts';
import { formatViDate } from '#core/text/dates.ts';
import { readDocumentText } from '#server/readers/document-text.ts';

const KIND_NAMES: Record<string, string> = {
  KH: 'Kế hoạch', HD: 'Hướng dẫn', BC: 'Báo cáo', CTr: 'Chương trình', NQ: 'Nghị quyết', KL: 'Kết luận', QĐ: 'Quyết định/Quy định',
  QĐi: 'Quy định', CT: 'Chỉ thị', TB: 'Thông báo', CV: 'Công văn', NĐ: 'Nghị định', TT: 'Thông tư/Thông tri',
};

/** The readable Vietnamese summary printed without --json. */
export function summarize(x: Extraction): string {
  const v = (s: string | null) => s ?? '(không có)';
  const out = [
    `Loại văn bản: ${x.kind ? `${KIND_NAMES[x.kind] ?? x.kind} (${x.kind})` : '(không rõ)'}`,
    `Số, ký hiệu: ${v(x.number)}`,
    `Cơ quan ban hành: ${v(x.issuer)}`,
    `Địa danh, ngày: ${v(x.place)}${x.date ? `, ngày ${formatViDate(x.date)}` : ''}`,
    `Trích yếu: ${v(x.title)}`,
    '',
    `Văn bản thực hiện (${x.implements.length}):`,
    ...x.implements.map((r) => `  - ${r.number}${r.date ? `, ngày ${formatViDate(r.date)}` : ''}`),
    `Văn bản được trích dẫn: ${x.references.length}`,
    '',
    `Thời hạn (${x.deadlines.length}):`,
    ...x.deadlines.map((d) => `  - "${d.text}" → ${dueShort(d.due)} [${DEADLINE_WHAT_LABELS[d.what].vi.toLocaleLowerCase('vi')}]`),
    '',
    `Phân công (${x.assignments.length}):`,
    ...x.assignments.map((a) => `  - Chủ trì: ${a.lead.join('; ')}${a.support.length ? ` — phối hợp: ${a.support.join('; ')}` : ''}`),
    `Báo cáo phải gửi (${x.reports.length}):`,
    ...x.reports.map((r) => `  - ${r.from ?? '?'} → ${r.to}${r.via ? ` (qua ${r.via})` : ''}${r.due.length ? `: ${r.due.map((d) => dueShort(d)).join(', ')}` : ''}`),
    '',
    `Nơi nhận (${x.recipients.length}):`,
    ...x.recipients.map((r) => `  - ${r}`),
    `Người ký: ${x.signer ? [x.signer.capacity, x.signer.title, x.signer.name].filter(Boolean).join(' — ') : '(không có)'}`,
  ];
  return out.join('\n') + '\n';
}

/** `trienkhai extract FILE [--json]`: reads a document and prints its structure. */
export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('Cách dùng: trienkhai extract TỆP [--json]\n');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    process.stderr.write(`Không đọc được tệp: ${file}\n`);
    return 2;
  }
  try {
    const { text } = await readDocumentText(bytes, basename(file));
    const x = extractDocument(text, { fileName: basename(file) });
    process.stdout.write(json ? JSON.stringify(x, null, 2) + '\n' : summarize(x));
    return 0;
  } catch (e) {
    if (isDomainError(e)) {
      process.stderr.write(`${basename(file)}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
