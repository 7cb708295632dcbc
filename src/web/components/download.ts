import { ApiError, csrfHeader } from '../api-client.ts';

/** The file name a Content-Disposition header gives (its UTF-8 form first), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Fetches a file the server produces (a Word or Excel export) and the name the server gives it.
 * A download that records something (the consolidated report: the version it sent) is a POST, with
 * the CSRF token like every state-changing request. A refusal (a missing signer, no unit to urge)
 * comes back as an ApiError with the server's Vietnamese message instead of a page of JSON.
 */
export async function fetchFile(url: string, fallback: string, opts: { method?: 'GET' | 'POST' } = {}): Promise<{ blob: Blob; name: string }> {
  const method = opts.method ?? 'GET';
  let res: Response;
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers: method === 'GET' ? {} : csrfHeader() });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? 'ERROR', body?.error?.message ?? 'Không tải được tệp. Hãy thử lại.', [], body);
  }
  return { blob: await res.blob(), name: fileNameOf(res.headers.get('content-disposition'), fallback) };
}

/** Downloads a file the server produces (fetchFile) and saves it under the name the server gives. */
export async function downloadFile(url: string, fallback: string, opts: { method?: 'GET' | 'POST' } = {}): Promise<string> {
  const { blob, name } = await fetchFile(url, fallback, opts);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
