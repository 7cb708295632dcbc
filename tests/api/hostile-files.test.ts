/**
 * No upload can stop the server: a .docx that inflates to 400 MB, a PDF of 20,000 pages sharing
 * one content stream, a member list of a million rows. Each is refused with its code and a
 * Vietnamese message, nothing is stored, and the server answers /api/health while they are read.
 * The readers run one file at a time here (FILE_READERS=1) with two waiting, so that the queue's
 * refusal can be seen too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentImportResult } from '#shared/documents.ts';
import { buildTree, PASSWORD } from '../support/factories.ts';
import { docxBomb, pdfOfPages, xlsxOfRows } from '../support/hostile-files.ts';
import { multipartUpload } from '../support/multipart.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const SEEDS = join(import.meta.dirname, '../fixtures/extraction/seeds');
const SEED_001 = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('001_'))!));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;
let sec1: string;


const importDocument = (fileName: string, bytes: Buffer) =>
  t.request(staff, { method: 'POST', url: '/api/documents/import', ...multipartUpload(fileName, 'application/octet-stream', bytes, { unitId: tree.units.bloc }) });
const importMembers = (bytes: Buffer) =>
  t.request(sec1, { method: 'POST', url: `/api/units/${tree.units.c1}/members/import?mode=all`, ...multipartUpload('danh-sach.xlsx', XLSX_TYPE, bytes) });

/** What a refusal must leave as it was. */
async function stored() {
  const r = await t.database.db.execute<Record<string, number>>(sql`
    SELECT (SELECT count(*)::int FROM document) AS documents, (SELECT count(*)::int FROM document_file) AS files,
           (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM membership) AS memberships,
           (SELECT count(*)::int FROM audit_log) AS audit`);
  return r.rows[0];
}

/**
 * Sends the uploads at once and asks for /api/health while they are read; returns the answers and
 * how many uploads had been answered when health was.
 */
async function withHealth(uploads: (() => Promise<LightMyRequestResponse>)[]) {
  let answered = 0;
  const pending = uploads.map((send) => send().finally(() => answered++));
  const health = await t.request(null, { method: 'GET', url: '/api/health' });
  const answeredBeforeHealth = answered;
  return { health, answeredBeforeHealth, results: await Promise.all(pending) };
}

/** A Vietnamese sentence: it carries the language's letters. */
const VIETNAMESE = /[ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

function expectRefusal(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  const error = (res.json() as { error: { code: string; message: string } }).error;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(VIETNAMESE);
}

beforeAll(async () => {
  t = await createTestApp({ env: { FILE_READERS: '1', FILE_READER_QUEUE: '2' } });
  tree = await buildTree(t.database.db);
  staff = await t.login('staff', PASSWORD);
  sec1 = await t.login('sec1', PASSWORD);
}, 120_000);
afterAll(() => t.close());

describe('a .docx whose document.xml inflates to 400 MB (1.4 MB on disk)', () => {
  it('is refused with 413 ARCHIVE_TOO_LARGE, three at once, and nothing is stored', async () => {
    const bomb = docxBomb(400);
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const before = await stored();
    const { health, results } = await withHealth([1, 2, 3].map(() => () => importDocument('ke-hoach.docx', bomb)));
    expect(health.statusCode).toBe(200);
    for (const res of results) expectRefusal(res, 413, 'ARCHIVE_TOO_LARGE');
    expect(await stored()).toEqual(before);
  });
});

describe('a PDF of 20,000 pages sharing one content stream (3 MB)', () => {
  it('is refused with 413 TOO_MANY_PAGES, and so is one of 100,000 pages within the 20 MB limit', async () => {
    const pdf = pdfOfPages(20_000);
    const huge = pdfOfPages(100_000);
    expect(huge.length).toBeLessThan(20 * 2 ** 20);
    const before = await stored();
    const { health, results } = await withHealth([pdf, pdf, huge].map((bytes) => () => importDocument('ke-hoach.pdf', bytes)));
    expect(health.statusCode).toBe(200);
    for (const res of results) expectRefusal(res, 413, 'TOO_MANY_PAGES');
    expect(await stored()).toEqual(before);
  });
});

// A member list is read up to its limit of 200,000 rows before it is refused: some seconds a file.
describe('a member list of 1,000,000 rows (.xlsx under 5 MB)', () => {
  it('answers 400 TOO_MANY_ROWS at the row limit, three at once, health answering while they are read', async () => {
    const xlsx = await xlsxOfRows(1_000_000);
    expect(xlsx.length).toBeLessThan(5 * 2 ** 20);
    const before = await stored();
    const { health, answeredBeforeHealth, results } = await withHealth([1, 2, 3].map(() => () => importMembers(xlsx)));
    expect(health.statusCode).toBe(200);
    expect(answeredBeforeHealth).toBeLessThan(3);
    for (const res of results) {
      expectRefusal(res, 400, 'TOO_MANY_ROWS');
      expect(res.json().error.message).toContain('200.000');
    }
    expect(await stored()).toEqual(before);
  }, 240_000);
});

describe('the worst file of each kind at once', () => {
  it('leaves /api/health answering while they are read, and each is refused with its own code', async () => {
    const before = await stored();
    const xlsx = await xlsxOfRows(1_000_000);
    const { health, answeredBeforeHealth, results } = await withHealth([
      () => importMembers(xlsx),
      () => importDocument('ke-hoach.docx', docxBomb(400)),
      () => importDocument('ke-hoach.pdf', pdfOfPages(20_000)),
    ]);
    expect(health.statusCode).toBe(200);
    expect(answeredBeforeHealth).toBeLessThan(3);
    expectRefusal(results[0]!, 400, 'TOO_MANY_ROWS');
    expectRefusal(results[1]!, 413, 'ARCHIVE_TOO_LARGE');
    expectRefusal(results[2]!, 413, 'TOO_MANY_PAGES');
    expect(await stored()).toEqual(before);
  }, 240_000);
});

describe('more uploads than the readers take at once', () => {
  it('answers 503 FILE_READERS_BUSY in Vietnamese beyond the queue, and reads the others', async () => {
    const xlsx = await xlsxOfRows(1_000_000);
    const before = await stored();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => importMembers(xlsx)));
    const busy = results.filter((r) => r.statusCode === 503);
    // One is read, two wait, the last two are turned away.
    expect(busy).toHaveLength(2);
    for (const res of busy) expectRefusal(res, 503, 'FILE_READERS_BUSY');
    for (const res of results.filter((r) => r.statusCode !== 503)) expectRefusal(res, 400, 'TOO_MANY_ROWS');
    expect(await stored()).toEqual(before);
  }, 240_000);
});

describe('a document longer than any the committee issues', () => {
  it('is refused with 413 TEXT_TOO_LONG: no document is stored whose text would be sent again on every opening', async () => {
    const line = 'Các chi, đảng bộ cơ sở xây dựng kế hoạch thực hiện, hoàn thành trong tháng 3 năm 2022.\n';
    const text = Buffer.from(line.repeat(Math.ceil(1_500_000 / line.length)));
    const before = await stored();
    expectRefusal(await importDocument('ke-hoach.txt', text), 413, 'TEXT_TOO_LONG');
    expect(await stored()).toEqual(before);
  });
});

describe('a document opened again', () => {
  it('shows the places of its structure stored at import, the same as the import proposed', async () => {
    const res = await importDocument('ke-hoach.txt', SEED_001);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const out = res.json() as DocumentImportResult;
    const row = await t.database.db.execute<{ spans: unknown }>(sql`SELECT proposed_spans AS spans FROM document WHERE id = ${out.documentId}`);
    expect(row.rows[0]!.spans).toEqual(out.spans);
    const again = await t.request(staff, { method: 'GET', url: `/api/documents/${out.documentId}` });
    expect(again.statusCode).toBe(200);
    const detail = again.json() as DocumentDetail;
    expect(detail.text).toBe(out.text);
    expect(detail.spans?.deadlines).toEqual(out.spans.deadlines);
    expect(detail.spans?.number).toEqual(out.spans.number);
  });
});
