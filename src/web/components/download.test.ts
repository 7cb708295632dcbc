import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api-client.ts';
import { fetchFile } from './download.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A fetch that answers `response` and keeps what it was asked. */
function stubFetch(response: Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response;
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('fetchFile', () => {
  it('asks for an export that records a version by POST, with the CSRF token', async () => {
    setCsrfToken('ma-csrf');
    const calls = stubFetch(new Response('PK', { headers: { 'content-type': DOCX, 'content-disposition': "attachment; filename=\"bao-cao.docx\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx" } }));
    const out = await fetchFile('/api/obligations/x/consolidated.docx?unit=u', 'bao-cao-tong-hop.docx', { method: 'POST' });
    expect(out.name).toBe('Báo cáo.docx');
    expect(calls).toEqual([{ url: '/api/obligations/x/consolidated.docx?unit=u', init: { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': 'ma-csrf' } } }]);
  });

  it('reads other exports by GET, which carries no token', async () => {
    setCsrfToken('ma-csrf');
    const calls = stubFetch(new Response('PK'));
    expect((await fetchFile('/api/plans/p/export.docx', 'ke-hoach.docx')).name).toBe('ke-hoach.docx');
    expect(calls[0]!.init).toEqual({ method: 'GET', credentials: 'same-origin', headers: {} });
  });

  it("turns a refusal into the server's Vietnamese message", async () => {
    stubFetch(new Response(JSON.stringify({ error: { code: 'CSRF', message: 'Yêu cầu từ trang web khác bị từ chối.' } }), { status: 403, headers: { 'content-type': 'application/json' } }));
    const refused = await fetchFile('/x', 'y.docx', { method: 'POST' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 403, code: 'CSRF', message: 'Yêu cầu từ trang web khác bị từ chối.' });
  });
});
