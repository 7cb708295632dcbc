import type { FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '#core/errors.ts';

/**
 * Content-Disposition for a download with a Vietnamese file name (RFC 6266 / RFC 5987): an ASCII
 * fallback for old clients, the UTF-8 name for the others.
 */
export function attachmentHeader(fileName: string): string {
  const plain = fileName.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const ascii = plain.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'van-ban';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const tooLarge = (maxBytes: number) =>
  new DomainError('FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (tối đa ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB); không có gì được lưu.`);

/** A file as uploaded: its name as the client gave it, and its bytes. */
export interface UploadedPart {
  filename: string;
  data: Buffer;
}

/**
 * Reads a multipart body: the file (field `file`) and the text fields. An oversize file is refused
 * whole (413) and nothing of it is kept. Throws NOT_MULTIPART, FILE_TOO_LARGE, NO_FILE (`noFile`
 * says what to choose).
 */
export async function readUploadForm(request: FastifyRequest, maxBytes: number, noFile: string): Promise<{ file: UploadedPart; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new DomainError('NOT_MULTIPART', 'Hãy gửi tệp dưới dạng multipart/form-data (trường "file").');
  let file: UploadedPart | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(maxBytes);
        if (part.fieldname === 'file') file = { filename: part.filename ?? '', data };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw e;
  }
  if (!file) throw new DomainError('NO_FILE', noFile);
  return { file, fields };
}
