import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { isDomainError } from '#core/errors.ts';
import type { ReaderJob, ReaderReply } from './file-readers.ts';

/**
 * The body of a file reader's thread: reads one file per message and answers with what it read or
 * the error it met. The readers are loaded with the first file of their kind; the thread says when
 * they are, so that loading them does not count against the file's time.
 */
async function read(job: ReaderJob, started: () => void): Promise<unknown> {
  if (job.kind === 'document') {
    const [{ readDocumentText }, { extractWithSpans }] = await Promise.all([import('./document-text.ts'), import('#core/extract/extract.ts')]);
    // pdf.js is loaded by the PDF reader itself, and only for a PDF.
    if (job.data[0] === 0x25) await import('unpdf');
    started();
    const { text, format } = await readDocumentText(job.data, job.fileName);
    const { extraction, spans } = extractWithSpans(text, { fileName: job.fileName });
    return { text, format, extraction, spans };
  }
  const { data } = job.file;
  const file = { ...job.file, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  if (job.kind === 'tree') {
    const { readTreeList } = await import('./tree-file.ts');
    started();
    return readTreeList(file, { maxRows: job.maxRows });
  }
  const { readMemberList } = await import('./member-file.ts');
  started();
  return readMemberList(file, { today: job.today, maxRows: job.maxRows });
}

const port = parentPort;
if (!port) throw new Error('reader-thread.ts runs in a worker thread (file-readers.ts)');
port.on('message', (job: ReaderJob) => {
  // What the thread holds after a file, garbage and buffers included: a thread that grew is not kept.
  const heapMb = () => {
    const h = getHeapStatistics();
    return (h.total_heap_size + h.external_memory) / 2 ** 20;
  };
  void read(job, () => port.postMessage({ started: true } satisfies ReaderReply)).then(
    (value) => port.postMessage({ ok: true, value, heapMb: heapMb() } satisfies ReaderReply),
    (e: unknown) => {
      const error = isDomainError(e)
        ? { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
        : { code: null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage({ ok: false, error, heapMb: heapMb() } satisfies ReaderReply);
    },
  );
});
