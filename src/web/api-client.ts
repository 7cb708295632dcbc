import type { WorkLine, WorkProgress } from '#shared/common.ts';
import { WORK_STREAM_TYPE } from '#shared/common.ts';

/**
 * The one way the web app talks to the server: same-origin cookies, the CSRF header on every
 * state-changing request, and errors turned into an ApiError that carries the server's
 * Vietnamese message and its field errors.
 */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** The parsed response body, for callers that need more than the error (e.g. an import report). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.body = body;
  }

  /** Field errors keyed by the form field name ("body.name" → "name"). */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const key = f.path.replace(/^(body|query|params|querystring)\.?/, '');
      if (key && !(key in out)) out[key] = f.message;
    }
    return out;
  }
}

const NETWORK_MESSAGE = 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.';
const UNKNOWN_MESSAGE = 'Máy chủ trả lời không như mong đợi. Hãy thử lại sau.';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the CSRF token returned by login or /api/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a state-changing request carries: the CSRF token, once known. */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** What to do when the session has ended (401): the app sends the user to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` + `?a=1&b=2`, leaving out empty values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function toApiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  if (err && typeof err.message === 'string') {
    const fields = Array.isArray(err.fields)
      ? err.fields.filter((f): f is FieldError => typeof f?.path === 'string' && typeof f?.message === 'string')
      : [];
    return new ApiError(status, typeof err.code === 'string' ? err.code : 'ERROR', err.message, fields, body);
  }
  return new ApiError(status, 'UNEXPECTED', UNKNOWN_MESSAGE, [], body);
}

function handleUnauthenticated(path: string, status: number): void {
  if (status === 401 && !path.startsWith('/api/auth/login')) onUnauthenticated?.();
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return response.json().catch(() => null);
  return null;
}

/** The complete lines of a streamed answer (routes/progress.ts) from `from` on, and where the next starts. */
export function readWorkLines(text: string, from: number): { lines: WorkLine[]; next: number } {
  const lines: WorkLine[] = [];
  let at = from;
  for (let nl = text.indexOf('\n', at); nl >= 0; nl = text.indexOf('\n', at)) {
    const line = text.slice(at, nl).trim();
    at = nl + 1;
    if (!line) continue;
    try {
      lines.push(JSON.parse(line) as WorkLine);
    } catch {
      // A line that is not JSON is not ours (a proxy's page): the answer as a whole is then judged by its status.
    }
  }
  return { lines, next: at };
}

/**
 * Sends a request with XMLHttpRequest, which reports both the upload and the answer as they go.
 * With `onWork` it accepts a streamed answer: each progress line goes to `onWork`, the last line
 * is the result or the error.
 */
function send<T>(
  method: string,
  url: string,
  body: XMLHttpRequestBodyInit,
  opts: { onProgress?: (fraction: number) => void; onWork?: (p: WorkProgress) => void; json?: boolean },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('accept', opts.onWork ? `${WORK_STREAM_TYPE}, application/json` : 'application/json');
    if (opts.json) xhr.setRequestHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    const streamed = () => (xhr.getResponseHeader('content-type') ?? '').includes(WORK_STREAM_TYPE);
    let read = 0;
    let last: WorkLine | null = null;
    const take = () => {
      const { lines, next } = readWorkLines(xhr.responseText, read);
      read = next;
      for (const line of lines) {
        if ('progress' in line) opts.onWork?.(line.progress);
        else last = line;
      }
    };
    xhr.onprogress = () => {
      if (streamed()) take();
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE));
    xhr.onload = () => {
      if (streamed()) {
        take();
        const end = last as WorkLine | null;
        if (end && 'result' in end) return resolve(end.result as T);
        if (end && 'error' in end) return reject(toApiError(end.status, end));
        return reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE));
      }
      let parsed: unknown;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      handleUnauthenticated(url, xhr.status);
      reject(toApiError(xhr.status, parsed));
    };
    xhr.send(body);
  });
}

async function request<T>(method: string, path: string, opts: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  const hasBody = opts.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  const body = await parseBody(response);
  if (!response.ok) {
    handleUnauthenticated(path, response.status);
    throw toApiError(response.status, body);
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),

  /**
   * Uploads a file as multipart field `file`. Uses XMLHttpRequest because fetch cannot report
   * upload progress; `onProgress` receives 0..1 while the bytes go up, `onWork` the server's
   * progress through long work once the file is up (see `send`).
   */
  upload<T>(path: string, file: File, opts: { query?: Query; onProgress?: (fraction: number) => void; onWork?: (p: WorkProgress) => void } = {}): Promise<T> {
    const form = new FormData();
    form.append('file', file, file.name);
    return send<T>('POST', apiUrl(path, opts.query), form, opts);
  },

  /** A JSON POST whose work may take long: `onWork` receives the server's progress as it goes. */
  postWithProgress<T>(path: string, body: unknown, onWork: (p: WorkProgress) => void): Promise<T> {
    return send<T>('POST', path, JSON.stringify(body), { onWork, json: true });
  },
};
