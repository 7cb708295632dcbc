import { Worker } from 'node:worker_threads';
import { DomainError } from '#core/errors.ts';
import type { ExtractionSpans, Extraction } from '#core/extract/types.ts';
import type { IsoDate } from '#core/ids.ts';
import type { ReadRowsResult } from '#core/members/import-rows.ts';
import type { TreeSheet } from '#core/org-tree/tree-import-rows.ts';
import type { MemberCreate } from '#shared/members.ts';
import type { DocumentFormat } from './document-text.ts';
import type { UploadedFile } from './member-file.ts';

/**
 * The readers of uploaded files, run in worker threads (docs/decisions/013): each file is read in
 * a thread with a heap of its own and a time limit, so the worst file costs its thread, never the
 * server. A few threads read at once, a few files wait, and beyond that an upload is turned away.
 */
export interface FileReaders {
  /** A document's text and the structure the extractor proposes for it. Throws what readDocumentText throws. */
  readDocument(data: Buffer, fileName: string): Promise<DocumentRead>;
  /** A member list read and checked row by row. Throws what readMemberList throws. */
  readMemberList(file: UploadedFile, opts: { today: IsoDate; maxRows: number }): Promise<ReadRowsResult<MemberCreate>>;
  /** The rows of a tree list, read but not checked (the check needs the tree). Throws what readTreeList throws. */
  readTreeList(file: UploadedFile, opts: { maxRows: number }): Promise<TreeSheet>;
  /** Stops every thread; what is reading or waiting fails. */
  close(): Promise<void>;
}

export interface DocumentRead {
  text: string;
  format: DocumentFormat;
  extraction: Extraction;
  spans: ExtractionSpans;
}

export interface FileReaderLimits {
  /** Threads reading at once. */
  readers: number;
  /** Files waiting for a thread; one more is refused with FILE_READERS_BUSY. */
  queue: number;
  /** The old-generation heap of one thread, in MB. */
  memoryMb: number;
  /** How long one file may take, in seconds. */
  seconds: number;
  /**
   * The heap and time of a reader of member lists, whose work grows with the rows (up to
   * LIMITS.importRows) rather than with what a file hides: a province's list of 150,000 rows needs
   * some 200 MB and half a minute to a minute. Documents keep the tighter bounds above.
   */
  list: { memoryMb: number; seconds: number };
}

/** What the thread is asked to do (reader-thread.ts). */
export type ReaderJob =
  | { kind: 'document'; data: Uint8Array; fileName: string }
  | { kind: 'members'; file: { filename: string; mimetype: string; data: Uint8Array }; today: IsoDate; maxRows: number }
  | { kind: 'tree'; file: { filename: string; mimetype: string; data: Uint8Array }; maxRows: number };

/**
 * What the thread answers: that it has loaded its readers and starts reading (the time limit runs
 * from then), then the value, or the error it threw (a DomainError keeps its code).
 */
export type ReaderReply =
  | { started: true }
  | { ok: true; value: unknown; /** The thread's heap and buffers after the file, in MB. */ heapMb: number }
  | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } | { code: null; message: string }; heapMb: number };

/** A thread left idle this long ends; the next file starts another. */
const IDLE_MS = 30_000;
/** Loading the readers into a new thread takes a second or two; on a machine that is busy, more. */
const STARTUP_MS = 60_000;
const WORKER_ENTRY = new URL('./reader-worker.js', import.meta.url);

const busy = () => new DomainError('FILE_READERS_BUSY', 'Máy chủ đang đọc nhiều tệp tải lên khác; hãy thử lại sau ít phút.');
const tooSlow = (seconds: number) =>
  new DomainError('FILE_TOO_COMPLEX', `Tệp quá phức tạp: không đọc xong trong ${seconds} giây. Hãy lưu lại tệp (Word, Excel) hoặc tách thành nhiều tệp rồi tải lên lại.`);
const tooHeavy = () =>
  new DomainError('FILE_TOO_COMPLEX', 'Tệp quá phức tạp: đọc tệp cần nhiều bộ nhớ hơn mức cho phép. Hãy lưu lại tệp (Word, Excel) hoặc tách thành nhiều tệp rồi tải lên lại.');

interface Thread {
  worker: Worker;
  idleTimer: NodeJS.Timeout | null;
  /** The heap it was started with: a thread reads only the jobs of its bounds. */
  memoryMb: number;
}

/** The bounds of a job's thread: a member list's, or a document's. */
const boundsOf = (limits: FileReaderLimits, job: ReaderJob) => (job.kind === 'members' ? limits.list : limits);

/** Starts no thread yet: threads start with the first files and end when idle. */
export function startFileReaders(limits: FileReaderLimits): FileReaders {
  const idle: Thread[] = [];
  const all = new Set<Thread>();
  const waiting: (() => void)[] = [];
  let running = 0;
  let closed = false;

  /** Ends a thread; resolves once it has ended and its heap is gone. */
  const retire = async (t: Thread): Promise<void> => {
    all.delete(t);
    if (t.idleTimer) clearTimeout(t.idleTimer);
    const i = idle.indexOf(t);
    if (i >= 0) idle.splice(i, 1);
    await t.worker.terminate();
  };

  const spawn = (memoryMb: number): Thread => {
    const worker = new Worker(WORKER_ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    const t: Thread = { worker, idleTimer: null, memoryMb };
    all.add(t);
    return t;
  };

  /** Waits for a free thread: at most `readers` read at once and `queue` wait. */
  const acquire = async (): Promise<void> => {
    if (closed) throw busy();
    if (running < limits.readers) {
      running++;
      return;
    }
    if (waiting.length >= limits.queue) throw busy();
    // The slot is handed over by release(), so `running` stays counted.
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (closed) throw busy();
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  /**
   * Reads one file on thread `t`. A thread that failed, or whose heap stayed large, is ended before
   * the answer is given, so that its slot is not taken again while its memory is still held.
   */
  const runOn = (t: Thread, job: ReaderJob): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const { worker } = t;
      const { seconds } = boundsOf(limits, job);
      let settled = false;
      const settle = (keep: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep && !closed) {
          park(t);
          outcome();
        } else {
          void retire(t).then(outcome);
        }
      };
      const limit = (ms: number) => setTimeout(() => settle(false, () => reject(tooSlow(seconds))), ms);
      let timer = limit(STARTUP_MS);
      const onMessage = (reply: ReaderReply) => {
        if ('started' in reply) {
          clearTimeout(timer);
          timer = limit(seconds * 1000);
          return;
        }
        // A thread whose heap stays large after a file is not kept for the next one.
        const keep = reply.heapMb <= t.memoryMb / 2;
        if (reply.ok) return settle(keep, () => resolve(reply.value));
        const e = reply.error;
        settle(keep, () => reject(e.code === null ? new Error(`file reader: ${e.message}`) : new DomainError(e.code as DomainError['code'], e.message, e.details)));
      };
      const onError = (err: Error & { code?: string }) => settle(false, () => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooHeavy() : err));
      const onExit = (code: number) => settle(false, () => reject(closed ? busy() : new Error(`file reader exited (${code})`)));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage(job);
    });

  const park = (t: Thread) => {
    t.worker.unref();
    t.idleTimer = setTimeout(() => void retire(t), IDLE_MS);
    t.idleTimer.unref();
    idle.push(t);
  };

  const run = async (job: ReaderJob): Promise<unknown> => {
    await acquire();
    try {
      const { memoryMb } = boundsOf(limits, job);
      const i = idle.findLastIndex((x) => x.memoryMb === memoryMb);
      // An idle thread of other bounds is ended rather than kept beside a new one.
      if (i < 0 && idle.length > 0) await retire(idle[idle.length - 1]!);
      const t = i >= 0 ? idle.splice(i, 1)[0]! : spawn(memoryMb);
      if (t.idleTimer) clearTimeout(t.idleTimer);
      t.idleTimer = null;
      return await runOn(t, job);
    } finally {
      release();
    }
  };

  return {
    async readDocument(data, fileName) {
      return (await run({ kind: 'document', data, fileName })) as DocumentRead;
    },
    async readMemberList(file, opts) {
      return (await run({ kind: 'members', file, ...opts })) as ReadRowsResult<MemberCreate>;
    },
    async readTreeList(file, opts) {
      return (await run({ kind: 'tree', file, ...opts })) as TreeSheet;
    },
    async close() {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve();
      await Promise.all([...all].map(retire));
    },
  };
}
