import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument, type Extraction } from '#core/extract/extract.ts';
import { LIST_FIELDS, SCALAR_FIELDS, score, type Score } from '#core/extract/score.ts';
import { readDocumentText } from '#server/readers/document-text.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const DEFAULT_DOCS = join(ROOT, 'tests/fixtures/extraction/seeds');
const DEFAULT_GOLD = join(ROOT, 'tests/fixtures/extraction/gold');

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const f3 = (n: number) => n.toFixed(3);

/** The printed table of an evaluation. */
export function formatScore(s: Score, verbose: boolean): string {
  const out: string[] = [];
  out.push(`Số văn bản: ${s.docs.length}`, '');
  out.push(`${'trường'.padEnd(14)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   TP  FP  FN`);
  for (const f of LIST_FIELDS) {
    const x = s.fields[f];
    out.push(`${f.padEnd(14)} ${f3(x.precision).padStart(6)} ${f3(x.recall).padStart(6)} ${f3(x.f1).padStart(6)} ${String(x.tp).padStart(4)}${String(x.fp).padStart(4)}${String(x.fn).padStart(4)}`);
  }
  out.push(`deadlines: due đúng trong số khớp vị trí = ${f3(s.dueCorrect)}`, '');
  out.push('Độ chính xác trường đơn:');
  for (const f of SCALAR_FIELDS) out.push(`  ${f.padEnd(13)} ${f3(s.scalarAccuracy[f])}`);
  const o = s.overall;
  out.push('', `TỔNG (micro-F1 deadlines+references+reports+assignments+recipients): P=${f3(o.precision)} R=${f3(o.recall)} F1=${f3(o.f1)}`);
  if (verbose) {
    for (const d of s.docs) {
      out.push('', `== ${d.doc}${d.mismatches.length ? '' : ': khớp hoàn toàn'}`);
      for (const m of d.mismatches) out.push(`  ${m}`);
    }
  }
  return out.join('\n') + '\n';
}

/** `trienkhai eval-extract [--docs DIR --gold DIR] [--verbose]`: scores the extractor against gold answers. */
export async function run(args: string[]): Promise<number> {
  const docsDir = resolve(arg(args, '--docs') ?? DEFAULT_DOCS);
  const goldDir = resolve(arg(args, '--gold') ?? DEFAULT_GOLD);
  let goldFiles: string[];
  try {
    goldFiles = (await readdir(goldDir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    process.stderr.write(`Không đọc được thư mục đáp án: ${goldDir}\n`);
    return 2;
  }
  const items: Array<{ extracted: Extraction; gold: Extraction; text: string }> = [];
  for (const g of goldFiles) {
    const gold = JSON.parse(await readFile(join(goldDir, g), 'utf8')) as Extraction;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(docsDir, gold.doc));
    } catch {
      process.stderr.write(`Thiếu văn bản ${gold.doc} trong ${docsDir}\n`);
      return 2;
    }
    const { text } = await readDocumentText(bytes, gold.doc);
    items.push({ extracted: extractDocument(text, { fileName: gold.doc }), gold, text });
  }
  process.stdout.write(formatScore(score(items), args.includes('--verbose')));
  return 0;
}
