import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/accounts.ts';
import { signIn, uniqueName } from './support/app.ts';
import { useBrowser } from './support/browser.ts';

const DEMO_PASSWORD = 'trienkhai-demo';
const OBLIGATION = 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định';
const FORM = {
  figures: [
    { key: 'total', label: 'Tổng số đảng viên', unit: 'người' },
    { key: 'studied', label: 'Số đảng viên được học tập', unit: 'người', of: 'total' },
  ],
  sections: [
    { key: 'results', title: 'Kết quả học tập, quán triệt' },
    { key: 'proposals', title: 'Kiến nghị, đề xuất' },
  ],
};

/** A signed-in client of the e2e server, for the set-up a user would do elsewhere. */
async function client(baseUrl: string, username: string, password: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status, await login.clone().text()).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.ok, `${method} ${path}: ${res.status} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : null) as T;
  };
  return { get: <T>(path: string) => call<T>('GET', path), post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body) };
}

describe('consolidated report: the Ban Tuyên giáo drafts, edits and exports it', () => {
  const browser = useBrowser();
  let obligationId = '';

  // Plan 48-KH/ĐUK of seed 001 published by the Khối, and two of its cells' reports sent and accepted, through the API.
  beforeAll(async () => {
    const baseUrl = inject('baseUrl');
    const btg = await client(baseUrl, 'btg.duk', DEMO_PASSWORD);
    const admin = await client(baseUrl, ADMIN_USERNAME, ADMIN_PASSWORD);
    const me = await btg.get<{ grants: { unitId: string }[] }>('/api/auth/me');
    const duk = me.grants[0]!.unitId;
    const plan = await btg.post<{ id: string }>('/api/plans', {
      unitId: duk,
      number: '48-KH/ĐUK',
      title: 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII; tổ chức đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
      obligations: [{
        title: OBLIGATION, fromText: 'Các chi, đảng bộ cơ sở', toText: 'Ban Thường vụ Đảng ủy Khối', viaText: 'Ban Tuyên giáo Đảng ủy Khối',
        due: [{ type: 'date', value: '2022-03-31' }], form: FORM,
      }],
    });
    await btg.post(`/api/plans/${plan.id}/publish`);
    const detail = await btg.get<{ obligations: { id: string }[] }>(`/api/plans/${plan.id}`);
    obligationId = detail.obligations[0]!.id;
    const cells: Array<[string, number, number, string]> = [
      ['Chi bộ Sở Tư pháp', 24, 24, 'Chi bộ tổ chức học tập cho toàn thể đảng viên ngày 25/3/2022.'],
      ['Chi bộ Sở Nội vụ', 31, 29, 'Hai đồng chí đi công tác, học bù trong tháng 4/2022.'],
    ];
    for (const [name, total, studied, results] of cells) {
      const found = await btg.get<{ items: { id: string; name: string }[] }>(`/api/units?q=${encodeURIComponent(name)}`);
      const unit = found.items.find((u) => u.name === name)!;
      const saved = await admin.post<{ submissionId: string }>(`/api/obligations/${obligationId}/submissions`, {
        unitId: unit.id, period: '2022-03-31', figures: { total, studied }, narrative: { results }, submit: true,
      });
      await btg.post(`/api/submissions/${saved.submissionId}/accept`);
    }
  });

  it('opens the obligation, edits the drafted report and downloads it as a valid .docx holding the edit', async () => {
    const { page, screenshot } = browser.session();
    await signIn(page, 'btg.duk', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tổng hợp báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo' }).waitFor();
    const issued = page.getByRole('region', { name: 'Kế hoạch do đơn vị ban hành' });
    await issued.getByRole('button', { name: /Kế hoạch 48-KH\/ĐUK/ }).first().click();
    await issued.getByRole('link', { name: OBLIGATION }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo tổng hợp' }).waitFor();

    // The drafted report: the two cells' figures summed, each with its source.
    const figures = page.getByRole('table', { name: 'Số liệu tổng hợp' });
    const total = figures.getByRole('row').filter({ hasText: 'Tổng số đảng viên' });
    await total.getByRole('cell', { name: '55', exact: true }).waitFor();
    await total.getByRole('button', { name: /Nguồn số liệu “Tổng số đảng viên” \(2 báo cáo\)/ }).click();
    await page.getByText('Chi bộ Sở Tư pháp', { exact: true }).first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('table', { name: 'Tình hình báo cáo của các đơn vị' }).getByRole('row').filter({ hasText: 'Chi bộ Sở Nội vụ' }).getByText('Đã tiếp nhận, đã tổng hợp').waitFor();

    // Edit the drafted section, then export.
    const section = page.getByRole('textbox', { name: 'Kết quả học tập, quán triệt' });
    expect(await section.inputValue()).toContain('- Chi bộ Sở Tư pháp: Chi bộ tổ chức học tập cho toàn thể đảng viên ngày 25/3/2022.');
    const edit = `${uniqueName('Ban Tuyên giáo Đảng ủy Khối đã kiểm tra việc học tập tại cơ sở')}.`;
    await section.fill(`${await section.inputValue()}\n${edit}`);
    await screenshot('consolidation-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Báo cáo tổng hợp .*\.docx$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
    expect(xml).toContain(edit);
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('BÁO CÁO');

    // The export is recorded as a version, after the saved draft.
    const versions = page.getByRole('table', { name: 'Các phiên bản đã lưu, đã xuất, đã gửi' });
    await versions.getByRole('row').filter({ hasText: 'Đã xuất Word' }).waitFor();
    await versions.getByRole('row').filter({ hasText: 'Bản nháp' }).waitFor();
    expect(await section.inputValue()).toContain(edit);

    // The units that have not reported get an urging letter (công văn đôn đốc).
    const [letter] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Công văn đôn đốc' }).click()]);
    const letterXml = await (await JSZip.loadAsync(readFileSync((await letter.path())!))).file('word/document.xml')!.async('string');
    expect(letterXml).toContain('V/v đôn đốc báo cáo kết quả học tập, quán triệt Kết luận, Quy định');
    expect(letterXml).toContain('Đảng bộ Sở Tài chính');
    expect(letterXml).not.toContain('Chi bộ Sở Tư pháp');
  });
});
