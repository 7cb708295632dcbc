import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '#core/errors.ts';
import { checkAttachmentType, cleanFileName } from './file-type.ts';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ole = (stream: string) => Buffer.concat([OLE, Buffer.alloc(32), Buffer.from(stream, 'utf16le'), Buffer.alloc(32)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2]);

async function zip(entries: Record<string, string>, storedFirst?: [string, string]): Promise<Buffer> {
  const z = new JSZip();
  if (storedFirst) z.file(storedFirst[0], storedFirst[1], { compression: 'STORE' });
  for (const [name, text] of Object.entries(entries)) z.file(name, text);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const code = (f: () => unknown): string => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
};

describe('the type of an attached file', () => {
  it('accepts each allowed type whose content is what its extension says', async () => {
    const docx = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const xlsx = await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    const odt = await zip({ 'content.xml': '<x/>' }, ['mimetype', 'application/vnd.oasis.opendocument.text']);
    const ods = await zip({ 'content.xml': '<x/>' }, ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']);
    const cases: [string, Buffer, string][] = [
      ['a.pdf', Buffer.from('%PDF-1.7\n%%EOF'), 'application/pdf'],
      ['a.PDF', Buffer.concat([Buffer.from('\r\n'), Buffer.from('%PDF-1.4')]), 'application/pdf'],
      ['a.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['a.doc', ole('WordDocument'), 'application/msword'],
      ['a.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['a.xls', ole('Workbook'), 'application/vnd.ms-excel'],
      ['a.odt', odt, 'application/vnd.oasis.opendocument.text'],
      ['a.ods', ods, 'application/vnd.oasis.opendocument.spreadsheet'],
      ['a.jpg', JPEG, 'image/jpeg'],
      ['a.jpeg', JPEG, 'image/jpeg'],
      ['a.png', PNG, 'image/png'],
    ];
    for (const [name, bytes, mime] of cases) expect(checkAttachmentType(name, bytes).mime, name).toBe(mime);
  });

  it('refuses other extensions, content that is not what the extension says, and nothing at all', async () => {
    const docx = await zip({ 'word/document.xml': '<w:document/>' });
    for (const name of ['a.exe', 'a.html', 'a.svg', 'a.txt', 'a', 'a.pdf.exe', 'a.zip']) expect(code(() => checkAttachmentType(name, Buffer.from('%PDF-1.7'))), name).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const mismatched: [string, Buffer][] = [
      ['a.pdf', Buffer.from('MZ\u0090\u0000 this program')],
      ['a.pdf', Buffer.concat([Buffer.alloc(1100), Buffer.from('%PDF-1.7')])],
      ['a.png', JPEG],
      ['a.jpg', PNG],
      ['a.doc', ole('Workbook')],
      ['a.xls', ole('WordDocument')],
      ['a.xlsx', docx],
      ['a.docx', Buffer.from('PK\u0003\u0004 not really a zip')],
      ['a.odt', docx],
    ];
    for (const [name, bytes] of mismatched) expect(code(() => checkAttachmentType(name, bytes)), name).toBe('ATTACHMENT_CONTENT_MISMATCH');
    expect(code(() => checkAttachmentType('a.pdf', Buffer.alloc(0)))).toBe('EMPTY_FILE');
  });

  it('keeps a harmless name: the last path segment, no control or direction characters, the extension kept', () => {
    expect(cleanFileName('C:\\Users\\Hoa\\Biên bản.pdf', 'pdf')).toBe('Biên bản.pdf');
    expect(cleanFileName('../../etc/\u202egnp.exe.PDF', 'PDF')).toBe('gnp.exe.PDF');
    expect(cleanFileName('"\u0000.pdf', 'pdf')).toBe('tep-dinh-kem.pdf');
    expect(cleanFileName(`${'â'.repeat(300)}.docx`, 'docx')).toBe(`${'â'.repeat(190)}.docx`);
    // Combining marks are composed, as Vietnamese is typed on another system.
    expect(cleanFileName('Bie\u0302\u0301n.pdf', 'pdf')).toBe('Biến.pdf');
  });
});
