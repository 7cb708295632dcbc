import { ApiError } from '../../api-client.ts';

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
 * Downloads a file the server produces (a Word or Excel export) and saves it under the name the
 * server gives. A refusal (a missing signer, no unit to urge) comes back as an ApiError with the
 * server's Vietnamese message instead of a page of JSON.
 */
export async function downloadFile(url: string, fallback: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? 'ERROR', body?.error?.message ?? 'Không tải được tệp. Hãy thử lại.', [], body);
  }
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition'), fallback);
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
