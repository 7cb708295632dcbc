/**
 * Files attached as evidence: to a unit's report, kept with the version that sends them, and to a
 * task instance. Every allowed type is stored as it came (sha256, size, uploader, time, an audit
 * entry); a file too big, of a type not allowed, disguised as another type, or one too many is
 * refused in Vietnamese with nothing stored; an old version lists exactly what it sent; a download
 * is only a download; a sibling or an unrelated unit gets the 404 of an id that names nothing,
 * whatever id it sends; a read-only role and the reviewing level read but do not add.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentFile } from '#shared/attachments.ts';
import type { ObligationInstanceDetail } from '#shared/reports.ts';
import { buildTree, buildUnit, buildUser, PASSWORD } from '../support/factories.ts';
import { docxOf, pdfOfPages, xlsxOfRows } from '../support/hostile-files.ts';
import { multipartUpload } from '../support/multipart.ts';
import type { PlanFixture } from '../support/report-fixtures.ts';
import { publishPlanFixture } from '../support/report-fixtures.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

const VIETNAMESE = /[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i;
const MAX_COUNT = 4;

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let plan: PlanFixture;
const cookies: Record<string, string> = {};
const as = (who: string) => cookies[who]!;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-anh-chup-bien-ban')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-anh-chup')]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const DOC = Buffer.concat([OLE, Buffer.alloc(64), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(64)]);
const XLS = Buffer.concat([OLE, Buffer.alloc(64), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(64)]);
const EXE = Buffer.concat([Buffer.from('MZ\u0090\u0000', 'latin1'), Buffer.alloc(200, 7)]);
let PDF: Buffer;
let DOCX: Buffer;
let XLSX: Buffer;
let ODT: Buffer;
let ODS: Buffer;

async function odf(kind: 'text' | 'spreadsheet'): Promise<Buffer> {
  const z = new JSZip();
  z.file('mimetype', `application/vnd.oasis.opendocument.${kind}`, { compression: 'STORE' });
  z.file('content.xml', '<office:document-content/>');
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const upload = (who: string | null, url: string, name: string, bytes: Buffer): Promise<LightMyRequestResponse> =>
  t.request(who === null ? null : as(who), { method: 'POST', url, ...multipartUpload(name, 'application/octet-stream', bytes) });
const toReport = (who: string, instance: string, name: string, bytes: Buffer, query = '') =>
  upload(who, `/api/obligation-instances/${instance}/attachments${query}`, name, bytes);
const toTask = (who: string, task: string, name: string, bytes: Buffer) => upload(who, `/api/task-instances/${task}/attachments`, name, bytes);
const get = (who: string, url: string) => t.request(as(who), { method: 'GET', url });
const del = (who: string, id: string, query = '') => t.request(as(who), { method: 'DELETE', url: `/api/attachments/${id}${query}` });
const submit = (who: string, instance: string, submitIt: boolean) =>
  t.request(as(who), { method: 'POST', url: `/api/obligations/${instance}/submissions`, payload: { figures: { total: 20, studied: 18 }, narrative: {}, submit: submitIt } });
const detail = async (who: string, instance: string) => {
  const res = await get(who, `/api/obligation-instances/${instance}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ObligationInstanceDetail;
};
const created = (res: LightMyRequestResponse): AttachmentFile => {
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as AttachmentFile;
};
const names = (files: { name: string }[]) => files.map((f) => f.name);

/** What a refusal must leave as it was: the files, their links to versions, the audit log. */
async function stored(): Promise<string> {
  const r = await t.database.db.execute<{ f: string }>(sql`
    SELECT concat_ws('|', (SELECT count(*) FROM attachment), (SELECT count(*) FROM attachment WHERE removed_at IS NOT NULL),
                          (SELECT count(*) FROM submission_attachment), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM submission)) AS f`);
  return r.rows[0]!.f;
}

function expectRefusal(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const error = (res.json() as { error: { code: string; message: string } }).error;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(VIETNAMESE);
}

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_ATTACHMENT_MB: '1', MAX_ATTACHMENTS: String(MAX_COUNT) } });
  const db = t.database.db;
  tree = await buildTree(db);
  // The grassroots organisation's plan: its cells report to it, and it reviews their reports.
  plan = await publishPlanFixture(db, { issuerId: tree.units.grassroots, audience: [tree.units.c1, tree.units.c2], task: { text: 'Tổ chức học tập, quán triệt' } });
  const elsewhere = await buildUnit(db, { parentId: tree.units.bloc, kind: 'grassroots', name: 'Đảng bộ Sở Y tế' });
  await buildUser(db, 'secgr', [{ unitId: tree.units.grassroots, role: 'secretary' }]);
  await buildUser(db, 'viewer1', [{ unitId: tree.units.c1, role: 'viewer' }]);
  await buildUser(db, 'outsider', [{ unitId: elsewhere, role: 'secretary' }]);
  for (const who of ['sec1', 'sec2', 'staff', 'member1', 'secgr', 'viewer1', 'outsider']) cookies[who] = await t.login(who, PASSWORD);
  PDF = pdfOfPages(1, 5);
  DOCX = docxOf('BÁO CÁO\nKết quả học tập, quán triệt');
  XLSX = await xlsxOfRows(2);
  ODT = await odf('text');
  ODS = await odf('spreadsheet');
}, 60_000);
afterAll(() => t?.close());

describe('uploading to a report', () => {
  it('stores every allowed type as it came, with its sha256, size, uploader and time, and an audit entry', async () => {
    const instance = plan.instance(tree.units.c1);
    const files: [string, Buffer, string][] = [
      ['Biên bản hội nghị.pdf', PDF, 'application/pdf'],
      ['Báo cáo.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Danh sách.xlsx', XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Ảnh hội nghị.JPG', JPEG, 'image/jpeg'],
    ];
    for (const [name, bytes, mime] of files) {
      const f = created(await toReport('sec1', instance, name, bytes));
      expect(f).toMatchObject({ name, mime, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedAt: t.clock.now.toISOString() });
      expect(f.uploadedBy?.name).toBe('Nguyễn Thị Hoa');
      const audit = await t.database.db.execute<{ action: string; actor_name: string }>(sql`SELECT action, actor_name FROM audit_log WHERE entity = 'attachment' AND entity_id = ${f.id}`);
      expect(audit.rows).toEqual([{ action: 'attachment.upload', actor_name: 'sec1' }]);
    }
    const d = await detail('sec1', instance);
    expect(names(d.files.items)).toEqual(files.map(([n]) => n));
    expect(d.files.limits).toMatchObject({ maxBytes: 1024 * 1024, maxCount: MAX_COUNT });
    expect(d.files.can.change).toBe(true);
    // The other types, on the sibling's own report.
    const other = plan.instance(tree.units.c2);
    for (const [name, bytes] of [['a.doc', DOC], ['b.xls', XLS], ['c.odt', ODT], ['d.ods', ODS]] as const) created(await toReport('sec2', other, name, bytes));
    expect(names((await detail('sec2', other)).files.items)).toEqual(['a.doc', 'b.xls', 'c.odt', 'd.ods']);
    // A PNG too, on the task.
    created(await toTask('sec1', plan.task(tree.units.c1), 'anh.png', PNG));
  });

  it('refuses, in Vietnamese and storing nothing: too big, a type not allowed, a disguised type, one too many, an empty file, no file', async () => {
    const instance = plan.instance(tree.units.c1);
    const before = await stored();
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
    expectRefusal(await toReport('sec1', instance, 'lon.pdf', big), 413, 'FILE_TOO_LARGE');
    for (const name of ['chuong-trinh.exe', 'trang.html', 'hinh.svg', 'khong-duoi', 'tap-lenh.js']) {
      expectRefusal(await toReport('sec1', instance, name, PDF), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    }
    // Disguised: a program named .pdf, a Word file named .xlsx, an image named .docx, a PNG named .jpg, an Excel 97 file named .doc.
    for (const [name, bytes] of [['bao-cao.pdf', EXE], ['so-lieu.xlsx', DOCX], ['bao-cao.docx', PNG], ['anh.jpg', PNG], ['van-ban.doc', XLS], ['van-ban.odt', ODS], ['so.ods', XLSX]] as const) {
      expectRefusal(await toReport('sec1', instance, name, bytes), 415, 'ATTACHMENT_CONTENT_MISMATCH');
    }
    expectRefusal(await toReport('sec1', instance, 'rong.pdf', Buffer.alloc(0)), 400, 'EMPTY_FILE');
    const json = await t.request(as('sec1'), { method: 'POST', url: `/api/obligation-instances/${instance}/attachments`, payload: { file: 'x' } });
    expectRefusal(json, 400, 'NOT_MULTIPART');
    expect(await stored()).toBe(before);
    // The working set holds 4 files, the most allowed: a fifth is refused.
    expect((await detail('sec1', instance)).files.items).toHaveLength(MAX_COUNT);
    expectRefusal(await toReport('sec1', instance, 'thu-nam.pdf', PDF), 409, 'TOO_MANY_ATTACHMENTS');
    expect(await stored()).toBe(before);
  });
});

describe('versions keep their files', () => {
  it('freezes what a version sent; the next carries it forward or leaves some out; the old version still lists exactly what it had', async () => {
    const instance = plan.instance(tree.units.c1);
    const start = await detail('sec1', instance);
    const [a, b, c, d] = start.files.items;
    // Two files out before the first version is sent: never sent, they are deleted outright.
    expect((await del('sec1', c!.id)).statusCode).toBe(200);
    expect((await del('sec1', d!.id)).statusCode).toBe(200);
    expect((await t.database.db.execute(sql`SELECT 1 FROM attachment WHERE id IN (${c!.id}, ${d!.id})`)).rows).toHaveLength(0);
    expect((await get('sec1', `/api/attachments/${c!.id}`)).statusCode).toBe(404);
    const audit = await t.database.db.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'attachment' AND entity_id = ${c!.id} ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['attachment.upload', 'attachment.remove']);

    // A draft lists the working set; sending version 1 freezes [a, b] with it.
    expect((await submit('sec1', instance, false)).statusCode).toBe(201);
    expect(names((await detail('sec1', instance)).versions[0]!.files)).toEqual([a!.name, b!.name]);
    expect((await submit('sec1', instance, true)).statusCode).toBe(201);
    let now = await detail('sec1', instance);
    expect(now.versions.map((v) => names(v.files))).toEqual([[a!.name, b!.name]]);
    expect(now.files.can.change).toBe(false);

    // Sent and awaiting review: nothing is added or removed.
    const before = await stored();
    expectRefusal(await toReport('sec1', instance, 'them.pdf', PDF), 409, 'SUBMISSION_LOCKED');
    expectRefusal(await del('sec1', a!.id), 409, 'SUBMISSION_LOCKED');
    expect(await stored()).toBe(before);

    // Returned: the unit leaves `a` out of the next version and adds `e`; version 1 keeps both of its own.
    const v1 = now.versions[0]!.id;
    expect((await t.request(as('secgr'), { method: 'POST', url: `/api/submissions/${v1}/return`, payload: { comment: 'Đề nghị bổ sung biên bản.' } })).statusCode).toBe(200);
    expect((await del('sec1', a!.id)).statusCode).toBe(200);
    expectRefusal(await del('sec1', a!.id), 409, 'ATTACHMENT_LOCKED');
    const e = created(await toReport('sec1', instance, 'Biên bản bổ sung.pdf', PDF));
    now = await detail('sec1', instance);
    expect(names(now.files.items)).toEqual([b!.name, e.name]);
    expect(names(now.versions[0]!.files)).toEqual([a!.name, b!.name]);
    expect((await submit('sec1', instance, true)).statusCode).toBe(201);
    now = await detail('sec1', instance);
    expect(now.versions.map((v) => [v.version, names(v.files)])).toEqual([[1, [a!.name, b!.name]], [2, [b!.name, e.name]]]);
    // The file left out is still served: version 1 lists it.
    const res = await get('secgr', `/api/attachments/${a!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });
});

describe('downloading', () => {
  it('serves a file only as a download: attachment with its UTF-8 name, its allowed type, nosniff, a sandboxing CSP', async () => {
    const d = await detail('sec1', plan.instance(tree.units.c1));
    const file = d.versions[0]!.files.find((f) => f.name === 'Báo cáo.docx')!;
    const res = await get('sec1', `/api/attachments/${file.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Bao_cao.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo.docx')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(DOCX)).toBe(true);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(file.sha256);
  });

  it('keeps a file name harmless: no path, no control or direction characters', async () => {
    const task = plan.task(tree.units.c1);
    const f = created(await toTask('sec1', task, '..\\..\\Ảnh\u202e\u0007 hội nghị.png', PNG));
    expect(f.name).toBe('Ảnh hội nghị.png');
    expect((await get('sec1', `/api/attachments/${f.id}`)).headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Ảnh hội nghị.png')}`);
    expect((await del('sec1', f.id)).statusCode).toBe(200);
  });
});

describe('task instances', () => {
  it('lists, adds and removes a task\'s files for those who may update it; the levels above read them', async () => {
    const task = plan.task(tree.units.c1);
    const list = await get('sec1', `/api/task-instances/${task}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(names((list.json() as { items: AttachmentFile[] }).items)).toEqual(['anh.png']);
    expect((list.json() as { can: { change: boolean } }).can.change).toBe(true);
    const f = created(await toTask('sec1', task, 'Kế hoạch.pdf', PDF));
    for (const who of ['secgr', 'staff', 'viewer1']) expect((await get(who, `/api/attachments/${f.id}`)).statusCode, who).toBe(200);
    expect(((await get('viewer1', `/api/task-instances/${task}/attachments`)).json() as { can: { change: boolean } }).can.change).toBe(false);
    expect((await del('sec1', f.id)).statusCode).toBe(200);
    expect((await t.database.db.execute(sql`SELECT 1 FROM attachment WHERE id = ${f.id}`)).rows).toHaveLength(0);
  });

  it('refuses files on a cancelled instance', async () => {
    const task = plan.task(tree.units.c2);
    await t.database.db.execute(sql`UPDATE task_instance SET status = 'cancelled' WHERE id = ${task}`);
    const before = await stored();
    expectRefusal(await toTask('sec2', task, 'a.pdf', PDF), 409, 'INSTANCE_CANCELLED');
    expect(await stored()).toBe(before);
    await t.database.db.execute(sql`UPDATE task_instance SET status = 'open' WHERE id = ${task}`);
  });
});

describe('who may', () => {
  it('answers a sibling and an unrelated unit 404 on every attachment route, whatever id, exactly as for an id that names nothing', async () => {
    const c1Files = (await t.database.db.execute<{ id: string }>(sql`
      SELECT a.id FROM attachment a LEFT JOIN obligation_instance oi ON oi.id = a.obligation_instance_id LEFT JOIN task_instance ti ON ti.id = a.task_instance_id
      WHERE coalesce(oi.unit_id, ti.unit_id) = ${tree.units.c1}`)).rows.map((r) => r.id);
    expect(c1Files.length).toBeGreaterThan(2);
    const ids = [...c1Files, randomUUID(), 'khong-phai-ma', '00000000-0000-0000-0000-000000000000'];
    const nothing = (await get('sec2', `/api/attachments/${randomUUID()}`)).body;
    const requests = (id: string): InjectOptions[] => [
      { method: 'GET', url: `/api/attachments/${id}` },
      { method: 'DELETE', url: `/api/attachments/${id}` },
      { method: 'DELETE', url: `/api/attachments/${id}?onBehalf=true` },
    ];
    const owners = [plan.instance(tree.units.c1), plan.task(tree.units.c1), randomUUID()];
    for (const who of ['sec2', 'outsider']) {
      const before = await stored();
      for (const id of ids) {
        for (const r of requests(id)) {
          const res = await t.request(as(who), r);
          expect(res.statusCode, `${who} ${r.method} ${r.url}`).toBe(404);
          expect(res.body, `${who} ${r.method} ${r.url}`).toBe(nothing);
        }
      }
      for (const owner of owners) {
        for (const url of [`/api/obligation-instances/${owner}/attachments`, `/api/obligation-instances/${owner}/attachments?onBehalf=true`, `/api/task-instances/${owner}/attachments`]) {
          const res = await upload(who, url, 'a.pdf', PDF);
          expect(res.statusCode, `${who} POST ${url}`).toBe(404);
          expect(res.body).toBe(nothing);
        }
        const list = await get(who, `/api/task-instances/${owner}/attachments`);
        expect(list.statusCode, `${who} list ${owner}`).toBe(404);
      }
      expect(await stored()).toBe(before);
    }
    // Nor does the sibling's report page show c1's files.
    expect((await get('sec2', `/api/obligation-instances/${plan.instance(tree.units.c1)}`)).statusCode).toBe(404);
  });

  it('lets a read-only role and the reviewing level read, never add or remove; the level above adds only as "nhập thay"', async () => {
    const instance = plan.instance(tree.units.c2);
    const [file, , , last] = (await detail('sec2', instance)).files.items;
    expect((await del('sec2', last!.id)).statusCode).toBe(200);
    const before = await stored();
    for (const who of ['viewer1', 'member1']) {
      const own = plan.instance(tree.units.c1);
      expect((await get(who, `/api/attachments/${(await detail(who, own)).versions[0]!.files[0]!.id}`)).statusCode, who).toBe(200);
      expect((await detail(who, own)).files.can.change).toBe(false);
      expect((await toReport(who, own, 'a.pdf', PDF)).statusCode, who).toBe(403);
      expect((await toTask(who, plan.task(tree.units.c1), 'a.pdf', PDF)).statusCode, who).toBe(403);
    }
    // The grassroots organisation reviews c2's report: it reads the file, adds none, removes none.
    expect((await get('secgr', `/api/attachments/${file!.id}`)).statusCode).toBe(200);
    const refused = await toReport('secgr', instance, 'a.pdf', PDF);
    expectRefusal(refused, 403, 'FORBIDDEN');
    expect((refused.json() as { error: { message: string } }).error.message).toContain('Nhập thay');
    expectRefusal(await del('secgr', file!.id), 403, 'FORBIDDEN');
    expect(await stored()).toBe(before);
    // Entering the unit's paper report on its behalf, it attaches the scan, marked in the audit log as its own.
    const scan = created(await toReport('secgr', instance, 'Báo cáo giấy.pdf', PDF, '?onBehalf=true'));
    expect((await del('secgr', scan.id, '?onBehalf=true')).statusCode).toBe(200);
    // A cell never enters its own report "on behalf".
    expectRefusal(await toReport('sec2', instance, 'a.pdf', PDF, '?onBehalf=true'), 403, 'FORBIDDEN');
  });
});
