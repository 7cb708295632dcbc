import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.ts';
import type { WorkLine } from '#shared/common.ts';
import { handleError } from '#server/http-errors.ts';
import { replyWithProgress } from '#server/routes/progress.ts';
import { readWorkLines } from '#web/api-client.ts';

/** A server with one route whose work counts to `total`, failing at `failAt` when given. */
async function appWith(opts: { total: number; failAt?: number; failBefore?: boolean }) {
  const app = Fastify();
  app.setErrorHandler(handleError);
  app.post('/work', async (request, reply) =>
    replyWithProgress(request, reply, 201, async (onProgress) => {
      if (opts.failBefore) throw new DomainError('NO_FILE', 'Hãy chọn tệp.');
      for (let i = 1; i <= opts.total; i++) {
        if (i === opts.failAt) throw new DomainError('CONFLICT', `Dòng ${i} xung đột.`);
        onProgress({ step: 'units', done: i, total: opts.total });
      }
      return { created: opts.total };
    }));
  await app.ready();
  return app;
}

const STREAM = { accept: 'application/x-ndjson, application/json' };

describe('long work answered with its progress', () => {
  it('gives a client that does not ask for lines the plain result, with its status', async () => {
    const app = await appWith({ total: 3 });
    const res = await app.inject({ method: 'POST', url: '/work' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toEqual({ created: 3 });
  });

  it('streams progress lines then the result, the last progress always sent', async () => {
    const app = await appWith({ total: 500 });
    const res = await app.inject({ method: 'POST', url: '/work', headers: STREAM });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const { lines } = readWorkLines(res.body, 0);
    const progress = lines.flatMap((l) => ('progress' in l ? [l.progress] : []));
    // Throttled: far fewer lines than steps, but the first and the last are there.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThan(500);
    expect(progress[0]).toEqual({ step: 'units', done: 1, total: 500 });
    expect(progress.at(-1)).toEqual({ step: 'units', done: 500, total: 500 });
    expect(lines.at(-1)).toEqual({ result: { created: 500 } });
  });

  it('refuses before any work with an ordinary error answer', async () => {
    const app = await appWith({ total: 3, failBefore: true });
    const res = await app.inject({ method: 'POST', url: '/work', headers: STREAM });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'NO_FILE', message: 'Hãy chọn tệp.' } });
  });

  it('ends a stream that has begun with the error and the status it would have had', async () => {
    const app = await appWith({ total: 10, failAt: 5 });
    const res = await app.inject({ method: 'POST', url: '/work', headers: STREAM });
    const { lines } = readWorkLines(res.body, 0);
    const last = lines.at(-1) as Extract<WorkLine, { error: unknown }>;
    expect(last.error).toEqual({ code: 'CONFLICT', message: 'Dòng 5 xung đột.' });
    expect(last.status).toBe(409);
    expect(lines.some((l) => 'result' in l)).toBe(false);
  });

  it('reads only complete lines and says where the next begins', () => {
    const text = '{"progress":{"step":"units","done":1,"total":2}}\n{"result":';
    const first = readWorkLines(text, 0);
    expect(first.lines).toEqual([{ progress: { step: 'units', done: 1, total: 2 } }]);
    const rest = readWorkLines(`${text}{"n":1}}\n`, first.next);
    expect(rest.lines).toEqual([{ result: { n: 1 } }]);
  });
});
