import { afterEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '#core/ids.ts';
import { docxOf, pdfOfPages } from '#tests/support/hostile-files.ts';
import type { FileReaderLimits, FileReaders } from './file-readers.ts';
import { startFileReaders } from './file-readers.ts';

let readers: FileReaders | null = null;
const start = (limits: Partial<FileReaderLimits>) => (readers = startFileReaders({ readers: 1, queue: 0, memoryMb: 128, seconds: 30, list: { memoryMb: 128, seconds: 30 }, ...limits }));
afterEach(async () => {
  await readers?.close();
  readers = null;
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
    return { code: 'none', message: '' };
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
}

/** A .docx of about `mb` megabytes of XML in lines that differ: within the archive's bounds, heavy for mammoth. */
function heavyDocx(mb: number): Buffer {
  const lines: string[] = [];
  for (let i = 0, size = 0; size < mb * 2 ** 20; i++) {
    const line = `${i}. Nhiệm vụ ${(i * 7919) % 100_003}: hoàn thành trước ngày ${(i % 28) + 1}/${(i % 12) + 1}/2022 (mã ${((i * 2654435761) >>> 0).toString(36)}).`;
    lines.push(line);
    size += Buffer.byteLength(line) + 54;
  }
  return docxOf(lines.join('\n'));
}

const SMALL = docxOf('ĐẢNG BỘ KHỐI\nKẾ HOẠCH\nTriển khai thực hiện nghị quyết');

describe('the readers of uploaded files', () => {
  it('read a document in a thread: its text and the structure the extractor proposes', async () => {
    const out = await start({}).readDocument(SMALL, 'ke-hoach.docx');
    expect(out.format).toBe('docx');
    expect(out.text).toContain('Triển khai thực hiện nghị quyết');
    expect(out.extraction.kind).toBe('KH');
    expect(out.spans).toBeTypeOf('object');
  }, 30_000);

  it('pass on the refusal of a reader with its code and message', async () => {
    const r = await refusal(start({}).readDocument(pdfOfPages(20_000), 'ke-hoach.pdf'));
    expect(r.code).toBe('TOO_MANY_PAGES');
    expect(r.message).toContain('20.000 trang');
  }, 30_000);

  it('stop a thread past its time, and read the next file in another', async () => {
    const pool = start({ seconds: 1 });
    const s = performance.now();
    const r = await refusal(pool.readDocument(pdfOfPages(500, 60), 'van-kien.pdf'));
    expect(r.code).toBe('FILE_TOO_COMPLEX');
    expect(r.message).toContain('1 giây');
    expect(performance.now() - s).toBeLessThan(5_000);
    expect((await pool.readDocument(SMALL, 'ke-hoach.docx')).format).toBe('docx');
  }, 30_000);

  it('stop a thread past its memory, and read the next file in another', async () => {
    const pool = start({ memoryMb: 64 });
    const r = await refusal(pool.readDocument(heavyDocx(7), 'van-kien.docx'));
    expect(r.code).toBe('FILE_TOO_COMPLEX');
    expect(r.message).toContain('bộ nhớ');
    expect((await pool.readDocument(SMALL, 'ke-hoach.docx')).format).toBe('docx');
  }, 60_000);

  it('turn a file away when every reader is busy and the queue is full', async () => {
    const pool = start({ readers: 1, queue: 1, seconds: 2 });
    const slow = pdfOfPages(500, 60);
    const results = await Promise.all([1, 2, 3].map(() => refusal(pool.readDocument(slow, 'van-kien.pdf'))));
    // One is read, one waits and is read after it (each stopped by the text limit or the time limit), the third is turned away at once.
    const busy = results.filter((r) => r.code === 'FILE_READERS_BUSY');
    expect(busy).toHaveLength(1);
    expect(busy[0]!.message).toMatch(/thử lại/);
    for (const r of results.filter((x) => x.code !== 'FILE_READERS_BUSY')) expect(['TEXT_TOO_LONG', 'FILE_TOO_COMPLEX']).toContain(r.code);
  }, 30_000);

  it('read a member list with the bounds of lists, and a document with those of documents', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Nguyễn Văn Số ${i},Đảng viên chính thức,0912${String(i).padStart(6, '0')},nguoi${i}@example.vn`);
    const list = { filename: 'ds.csv', mimetype: 'text/csv', data: Buffer.from(['Họ và tên,Loại thành viên,Điện thoại,Email', ...rows].join('\n')) };
    const opts = { today: '2022-03-15' as IsoDate, maxRows: 200_000 };
    // Documents get one second: the list is read all the same, in a thread of the list's bounds.
    const pool = start({ seconds: 1, list: { memoryMb: 256, seconds: 120 } });
    const read = await pool.readMemberList(list, opts);
    expect(read.totalRows).toBe(40_000);
    expect(read.good).toHaveLength(40_000);
    expect((await pool.readDocument(SMALL, 'ke-hoach.docx')).format).toBe('docx');
    // A list past its own time is stopped with the list's limit in the message.
    const slow = start({ list: { memoryMb: 256, seconds: 0.05 } });
    const r = await refusal(slow.readMemberList(list, opts));
    expect(r.code).toBe('FILE_TOO_COMPLEX');
    expect(r.message).toContain('0.05 giây');
  }, 120_000);
});

