import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '#core/errors.ts';
import type { WorkLine, WorkProgress } from '#shared/common.ts';
import { WORK_STREAM_TYPE } from '#shared/common.ts';
import { statusOf } from '../http-errors.ts';

/** Where long work tells how far it is. Cheap to call often: lines are throttled here. */
export type ProgressSink = (p: WorkProgress) => void;

/** A sink that drops everything: for callers that do not show progress (tests, the command line). */
export const NO_PROGRESS: ProgressSink = () => undefined;

const MIN_INTERVAL_MS = 250;

/**
 * Answers a request whose work may take long (importing a province's tree, creating 150,000
 * accounts). A client that accepts `application/x-ndjson` gets a line `{"progress":…}` as the work
 * goes and a last line `{"result":…}` (or `{"error":…}` with the status the error would have had);
 * any other client gets the result as plain JSON. The stream starts only at the work's first
 * progress, so what is refused before any work (a bad file, a forbidden unit) is an ordinary 4xx.
 * The work is one transaction: an error mid-way stores nothing (docs/decisions/018). A result
 * answered before any progress may take another status than `status` (`statusOfResult`: a refusal found
 * before any write, answered with its report); a stream, once started, answers with `status`.
 */
export async function replyWithProgress<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (onProgress: ProgressSink) => Promise<T>,
  statusOfResult: (result: T) => number = () => status,
): Promise<FastifyReply> {
  const wantsStream = (request.headers.accept ?? '').includes(WORK_STREAM_TYPE);
  if (!wantsStream) {
    const result = await work(NO_PROGRESS);
    return reply.status(statusOfResult(result)).send(result);
  }

  let stream: PassThrough | null = null;
  let lastAt = 0;
  let lastStep = '';
  const write = (line: WorkLine) => stream!.write(`${JSON.stringify(line)}\n`);
  const onProgress: ProgressSink = (p) => {
    const at = Date.now();
    if (stream === null) {
      stream = new PassThrough();
      void reply.status(status).header('content-type', `${WORK_STREAM_TYPE}; charset=utf-8`).header('cache-control', 'no-store').send(stream);
    } else if (p.step === lastStep && p.done < p.total && at - lastAt < MIN_INTERVAL_MS) {
      return;
    }
    lastAt = at;
    lastStep = p.step;
    write({ progress: p });
  };
  let result: T;
  try {
    result = await work(onProgress);
  } catch (e) {
    if (stream === null) throw e;
    const code = isDomainError(e) ? e.code : 'INTERNAL';
    const message = isDomainError(e) ? e.message : 'Lỗi hệ thống. Thao tác chưa được thực hiện; hãy thử lại sau.';
    if (!isDomainError(e)) request.log.error({ err: e }, 'unhandled error in streamed work');
    write({ error: { code, message }, status: isDomainError(e) ? statusOf(e.code) : 500 });
    (stream as PassThrough).end();
    return reply;
  }
  if (stream === null) return reply.status(statusOfResult(result)).send(result);
  write({ result });
  (stream as PassThrough).end();
  return reply;
}
