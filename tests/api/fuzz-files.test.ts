/**
 * The fuzz suite over the file readers, through the API as a user would upload: a good .docx,
 * .pdf and .xlsx (and the same as files attached to a task as evidence), then the same files cut short, with bytes flipped, with a zip entry replaced by
 * noise, and plain noise behind each format's signature. Whatever is sent, the answer is 201 or a
 * 4xx with a code and a Vietnamese message — never a 5xx — a refusal stores nothing, and the
 * server answers /api/health after every upload. The seed is fixed; FUZZ_SEED and FUZZ_RUNS
 * change it.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, PASSWORD } from '../support/factories.ts';
import { docxOf, pdfOfPages, xlsxOfRows } from '../support/hostile-files.ts';
import { multipartUpload } from '../support/multipart.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const VIETNAMESE = /[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;
let sec1: string;
const good: Record<'docx' | 'pdf' | 'xlsx', Buffer> = { docx: Buffer.alloc(0), pdf: Buffer.alloc(0), xlsx: Buffer.alloc(0) };


let task = '';
const upload = (kind: 'docx' | 'pdf' | 'xlsx', bytes: Buffer, as: 'read' | 'attach' = 'read'): Promise<LightMyRequestResponse> =>
  as === 'attach'
    ? t.request(sec1, { method: 'POST', url: `/api/task-instances/${task}/attachments`, ...multipartUpload(`minh-chung.${kind}`, 'application/octet-stream', bytes) })
    : kind === 'xlsx'
    ? t.request(sec1, { method: 'POST', url: `/api/units/${tree.units.c1}/members/import?mode=all`, ...multipartUpload('danh-sach.xlsx', XLSX_TYPE, bytes) })
    : t.request(staff, { method: 'POST', url: '/api/documents/import', ...multipartUpload(`ke-hoach.${kind}`, 'application/octet-stream', bytes, { unitId: tree.units.bloc }) });

/** What a refusal must leave as it was. */
async function stored(): Promise<string> {
  const r = await t.database.db.execute<{ f: string }>(sql`
    SELECT concat_ws('|', (SELECT count(*) FROM document), (SELECT count(*) FROM document_file), (SELECT count(*) FROM person),
                          (SELECT count(*) FROM membership), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM attachment)) AS f`);
  return r.rows[0]!.f;
}

/** A zip whose entry number `index` (of the sorted names) is replaced by `noise`. */
async function withEntryReplaced(zip: Buffer, index: number, noise: Uint8Array): Promise<Buffer> {
  const z = await JSZip.loadAsync(zip);
  const names = Object.keys(z.files).filter((n) => !z.files[n]!.dir).sort();
  z.file(names[index % names.length]!, noise);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const SIGNATURE = { docx: Buffer.from('PK\u0003\u0004', 'latin1'), xlsx: Buffer.from('PK\u0003\u0004', 'latin1'), pdf: Buffer.from('%PDF-1.7\n', 'latin1') };

/** A damaged file of `kind`, as a sequence of steps (so that fast-check can show the smallest one). */
const damaged = (kind: 'docx' | 'pdf' | 'xlsx') =>
  fc.oneof(
    fc.nat().map((cut) => ({ how: 'cut', make: async () => good[kind].subarray(0, cut % good[kind].length) })),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((flips) => ({
      how: `flip ${flips.length}`,
      make: async () => {
        const b = Buffer.from(good[kind]);
        for (const [at, byte] of flips) b[at % b.length] = byte;
        return b;
      },
    })),
    fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 4096 })).map(([i, noise]) => ({
      how: 'entry replaced',
      make: async () => (kind === 'pdf' ? Buffer.concat([good.pdf.subarray(0, 200), noise]) : withEntryReplaced(good[kind], i, noise)),
    })),
    fc.uint8Array({ maxLength: 8192 }).map((noise) => ({ how: 'noise', make: async () => Buffer.concat([SIGNATURE[kind], noise]) })),
  );

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(t.database.db);
  staff = await t.login('staff', PASSWORD);
  sec1 = await t.login('sec1', PASSWORD);
  task = (await publishPlanFixture(t.database.db, { issuerId: tree.units.grassroots, audience: [tree.units.c1], task: { text: 'Tổ chức học tập' } })).task(tree.units.c1);
  good.docx = docxOf('ĐẢNG BỘ KHỐI\nKẾ HOẠCH\nTổ chức học tập, quán triệt Nghị quyết\n1. Các chi bộ tổ chức học tập trước ngày 31/3/2022.');
  good.pdf = pdfOfPages(2, 10);
  good.xlsx = await xlsxOfRows(5);
}, 120_000);
afterAll(() => t?.close());

describe('fuzzing the file readers', () => {
  for (const [kind, as] of [['docx', 'read'], ['pdf', 'read'], ['xlsx', 'read'], ['docx', 'attach'], ['pdf', 'attach'], ['xlsx', 'attach']] as const) {
    it(`answers every damaged .${kind}${as === 'attach' ? ' attached as evidence' : ''} with 201 or a Vietnamese 4xx, stores nothing when it refuses, and keeps answering health`, async () => {
      // The good file is read (the member list's rows then checked one by one), so that what the
      // damaged ones get is the readers' own answer; attached, it is stored as it came.
      // Each kind starts with the task holding no file, so that its files meet the type checks rather than the count.
      if (as === 'attach') await t.database.db.execute(sql`DELETE FROM attachment WHERE task_instance_id = ${task}`);
      const first = await upload(kind, good[kind], as);
      if (kind === 'xlsx' && as === 'read') expect(first.json().error.code).toBe('IMPORT_ROWS_INVALID');
      else expect(first.statusCode, first.body).toBeLessThan(300);
      const problems: string[] = [];
      const answers = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(damaged(kind), async ({ how, make }) => {
          const bytes = await make();
          const before = await stored();
          const res = await upload(kind, bytes, as);
          answers.set(res.statusCode, (answers.get(res.statusCode) ?? 0) + 1);
          const what = `.${kind} ${how} (${bytes.length} B) → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) problems.push(what);
          else if (res.statusCode >= 400) {
            const error = (JSON.parse(res.body) as { error?: { code?: string; message?: string } }).error;
            if (!error?.code || !VIETNAMESE.test(error.message ?? '')) problems.push(`no Vietnamese refusal: ${what}`);
            if ((await stored()) !== before) problems.push(`refused but stored: ${what}`);
          }
          const health = await t.request(null, { method: 'GET', url: '/api/health' });
          if (health.statusCode !== 200) problems.push(`health ${health.statusCode} after ${what}`);
          return true;
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(problems).toEqual([]);
      // The damage was seen: most damaged files are refused.
      expect([...answers].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(0);
    }, 300_000);
  }
});
