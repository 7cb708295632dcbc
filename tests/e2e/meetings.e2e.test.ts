import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '#core/text/fold.ts';
import { signIn } from './support/app.ts';
import { useBrowser } from './support/browser.ts';

/**
 * Acceptance of the meetings issue on a phone (360 × 740): the secretary of Chi bộ Văn phòng (Đảng bộ
 * Sở Tài chính) plans a study session, takes attendance for the cell's 30 party members, marks two
 * absent with reasons and sees 28/30 studied; the Đảng ủy Khối's staff see it rolled up the tree.
 */

const DEMO_PASSWORD = 'trienkhai-demo';
const TITLE = 'Hội nghị học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4 (khóa XIII)';
const CAMPAIGN = 'Đợt sinh hoạt chính trị "Tự soi, tự sửa"';
const PARTY = ['party_full', 'party_probationary'];
/** People added to the cell when the demo gives it fewer than 30 party members. */
const EXTRA = [
  'Lương Văn Khải', 'Mai Thị Xuân', 'Đoàn Minh Tuấn', 'Tạ Thị Quỳnh', 'Kiều Văn Thắng', 'La Thị Hằng', 'Âu Văn Lộc', 'Quách Thị Yến', 'Ninh Văn Phong',
  'Triệu Thị Mơ', 'Khổng Văn Đạt', 'Lục Thị Nga', 'Phùng Văn Sơn', 'Doãn Thị Liên', 'Hà Văn Trọng', 'Tôn Thị Thu', 'Giáp Văn Hiếu', 'Mạc Thị Loan',
  'Nông Văn Bảy', 'Thân Thị Hoa', 'Cù Văn Long', 'Ông Thị Lành', 'Kha Văn Tài', 'Lã Thị Thơm', 'Hầu Văn Công', 'Mẫn Thị Duyên', 'Tăng Văn Lực', 'Vi Thị Hương',
  'Bế Văn Quang', 'Sầm Thị Mai',
];

type Member = { personId: string; membershipId: string; fullName: string; category: string };

/** The cell's party members today, made exactly 30 through the API (members added, or extras ended yesterday). */
async function thirtyMembers(api: APIRequestContext): Promise<{ unitId: string; members: Member[] }> {
  expect((await api.post('/api/auth/login', { data: { username: 'bithu.chibo', password: DEMO_PASSWORD } })).status()).toBe(200);
  const me = (await (await api.get('/api/auth/me')).json()) as { grants: { unitId: string }[] };
  const unitId = me.grants[0]!.unitId;
  const list = async () => ((await (await api.get(`/api/units/${unitId}/members?limit=200`)).json()) as { items: Member[] }).items.filter((m) => PARTY.includes(m.category));
  let members = await list();
  for (const fullName of EXTRA.slice(0, Math.max(0, 30 - members.length))) {
    const res = await api.post(`/api/units/${unitId}/members`, { data: { fullName, category: 'party_full', validFrom: '2020-01-15' } });
    expect(res.status()).toBe(201);
  }
  const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  for (const m of members.slice(30)) {
    expect((await api.post(`/api/memberships/${m.membershipId}/end`, { data: { on: yesterday, reason: 'left' } })).status()).toBeLessThan(300);
  }
  members = await list();
  expect(members).toHaveLength(30);
  await api.post('/api/auth/logout');
  return { unitId, members };
}

/**
 * What the Đảng ủy Khối gives its cells to plan against, through the API: a campaign of two months
 * and a plan whose task recurs every month (one instance per cell and month, from this month on).
 */
async function campaignAndMonthlyTask(api: APIRequestContext): Promise<{ task: string }> {
  expect((await api.post('/api/auth/login', { data: { username: 'btg.duk', password: DEMO_PASSWORD } })).status()).toBe(200);
  const me = (await (await api.get('/api/auth/me')).json()) as { grants: { unitId: string }[] };
  const unitId = me.grants[0]!.unitId;
  const month = (offset: number) => {
    const d = new Date(Date.now() + 7 * 3600_000);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + offset);
    return d.toISOString().slice(0, 7);
  };
  const campaign = await api.post('/api/campaigns', { data: { unitId, title: CAMPAIGN, months: [{ month: month(0), topics: ['Tự soi, tự sửa'] }, { month: month(1), topics: ['Nêu gương'] }] } });
  expect(campaign.status()).toBe(201);
  const task = 'Tổ chức học tập, quán triệt chuyên đề hằng tháng cho toàn thể đảng viên trong chi bộ, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
  const plan = await api.post('/api/plans', {
    data: { unitId, number: '61-KH/ĐUK', title: 'Học tập chuyên đề hằng tháng', tasks: [{ text: task, due: { type: 'recurring', value: { every: 'month', from: { type: 'month', value: month(0) } } } }] },
  });
  expect(plan.status()).toBe(201);
  expect((await api.post(`/api/plans/${((await plan.json()) as { id: string }).id}/publish`)).status()).toBe(200);
  await api.post('/api/auth/logout');
  return { task };
}

/** "Tháng 12/2026": the label of this month's period. */
function thisMonthLabel(): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  return `Tháng ${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true }).click();
}

describe('study session on a phone (360 × 740)', () => {
  const browser = useBrowser({ viewport: { width: 360, height: 740 }, touch: true });

  it('a cell secretary plans a session, takes attendance for 30 members with 2 absent, sees 28/30; the Khối staff see it rolled up', async () => {
    const { page, context, screenshot } = browser.session();
    const { members } = await thirtyMembers(context.request);
    const { task } = await campaignAndMonthlyTask(context.request);
    // Two members whose names no one else in the cell shares.
    const absent = members.filter((m) => members.filter((x) => foldForSearch(x.fullName).includes(foldForSearch(m.fullName))).length === 1).slice(0, 2);
    expect(absent).toHaveLength(2);

    await context.clearCookies();
    await signIn(page, 'bithu.chibo', DEMO_PASSWORD);
    await openMenuItem(page, 'Học tập, sinh hoạt');
    await page.getByRole('heading', { level: 1, name: 'Học tập, sinh hoạt' }).waitFor();
    await page.getByRole('link', { name: 'Lập kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập kế hoạch hội nghị, buổi sinh hoạt' }).waitFor();
    await page.getByRole('textbox', { name: 'Tên hội nghị, buổi sinh hoạt' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Địa điểm' }).fill('Phòng họp Sở Tài chính');
    // The chair is found by a name typed without diacritics.
    const chair = members[0]!.fullName;
    await page.getByRole('combobox', { name: 'Chủ trì', exact: true }).fill(foldForSearch(chair));
    await page.getByRole('option', { name: chair, exact: true }).first().click();
    // The task recurs monthly (an instance per month from now on): only this month's is offered, with its month.
    await page.getByRole('combobox', { name: 'Nhiệm vụ được giao' }).tap();
    const thisMonth = page.getByRole('option', { name: new RegExp(`— ${thisMonthLabel()}$`) });
    await thisMonth.waitFor();
    expect(await thisMonth.count()).toBe(1);
    expect(await page.getByRole('option', { name: new RegExp(`^${task.slice(0, 40)}`) }).count()).toBe(1);
    await page.keyboard.press('Escape');
    // The campaign picker opens on a tap.
    await page.getByRole('combobox', { name: 'Đợt sinh hoạt chính trị' }).tap();
    await page.getByRole('option', { name: CAMPAIGN }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Cho phép tự học thay cho dự hội nghị' }).check();
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('group', { name: 'Đã học tập: 0/30' }).waitFor();
    await page.getByRole('link', { name: 'Điểm danh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Điểm danh' }).waitFor();
    const list = page.getByRole('list', { name: 'Danh sách điểm danh' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(30);

    await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
    for (const [i, m] of absent.entries()) {
      // Quick search without diacritics finds the member.
      await page.getByRole('searchbox', { name: 'Tìm thành viên' }).fill(foldForSearch(m.fullName));
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
      const card = list.getByRole('listitem', { name: m.fullName });
      if (i === 0) {
        // Self-study is not an absence: no reason is asked.
        await card.locator('label', { hasText: 'Tự học' }).click();
        await expect.poll(() => card.getByRole('radio', { name: 'Tự học' }).isChecked()).toBe(true);
        expect(await card.getByRole('textbox', { name: 'Lý do vắng' }).count()).toBe(0);
      }
      await card.locator('label', { hasText: 'Vắng có lý do' }).click();
      await card.getByRole('textbox', { name: 'Lý do vắng' }).fill(i === 0 ? 'Đi công tác' : 'Nghỉ ốm');
    }
    await page.getByRole('searchbox', { name: 'Tìm thành viên' }).fill('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const save = page.getByRole('button', { name: 'Lưu điểm danh' });
    expect((await save.boundingBox())!.height, 'touch target height').toBeGreaterThanOrEqual(40);
    await save.click();
    await page.getByRole('group', { name: 'Đã học tập: 28/30' }).waitFor();
    await page.getByText('2 vắng có lý do').waitFor();
    await screenshot('phone-attendance');

    // The session page says the same.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('group', { name: 'Đã học tập: 28/30' }).waitFor();

    // The Đảng ủy Khối's staff: the cell's 28 rolled up to Đảng bộ Sở Tài chính over all its party members (its other
    // cells have not studied), then down to the cell's 28/30.
    await context.clearCookies();
    await signIn(page, 'btg.duk', DEMO_PASSWORD);
    await openMenuItem(page, 'Học tập, sinh hoạt');
    await page.getByRole('tab', { name: 'Kết quả học tập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kết quả học tập, quán triệt' }).waitFor();
    const table = page.getByRole('table', { name: 'Kết quả học tập theo đơn vị trực thuộc' });
    const grassroots = table.getByRole('row', { name: /Đảng bộ Sở Tài chính/ });
    // Columns after the unit: sessions, units that held one, members who studied, share.
    await expect.poll(async () => Number(/^28\/(\d+)$/.exec((await grassroots.getByRole('cell').nth(2).textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThan(30);
    const headline = page.getByRole('group', { name: /^Đảng viên đã học tập \(Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh\): 28\/\d+$/ });
    await headline.waitFor();
    expect(Number(/28\/(\d+)$/.exec((await headline.getAttribute('aria-label')) ?? '')?.[1])).toBeGreaterThan(30);
    await page.getByText(/^\d+\/\d+ đơn vị có đảng viên đã tổ chức học tập$/).waitFor();
    await screenshot('phone-coverage-bloc');
    await grassroots.getByRole('button', { name: 'Đảng bộ Sở Tài chính' }).click();
    await expect.poll(() => table.getByRole('row', { name: /Chi bộ Văn phòng/ }).first().textContent()).toContain('28/30');
  });
});

describe('campaigns, quality and rules at the Đảng ủy Khối (desktop)', () => {
  const browser = useBrowser();

  it('defines a campaign month by month from the list of documents, and reads quality, rules and upcoming sessions', async () => {
    const { page, screenshot } = browser.session();
    await signIn(page, 'btg.duk', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Học tập, sinh hoạt', exact: true }).click();
    await page.getByRole('tab', { name: 'Đợt sinh hoạt chính trị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đợt sinh hoạt chính trị' }).waitFor();
    await page.getByRole('button', { name: 'Xây dựng đợt sinh hoạt chính trị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xây dựng đợt sinh hoạt chính trị' });
    await dialog.getByRole('textbox', { name: 'Tên đợt sinh hoạt' }).fill('Đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng');
    await dialog.getByLabel('Từ tháng').fill('2022-04');
    await dialog.getByLabel('Đến tháng').fill('2022-05');
    const docs = dialog.getByRole('textbox', { name: 'Văn bản (mỗi dòng một văn bản)' });
    await docs.nth(0).fill('1. Nghị quyết số 03-NQ/TW, ngày 26/6/1992 Hội nghị Trung ương 3 khóa VII về một số nhiệm vụ đổi mới và chỉnh đốn Đảng.\n2. Nghị quyết số 10-NQ/TW, ngày 02/02/1999 Hội nghị Trung ương 6 (lần 2) khóa VIII.');
    await docs.nth(1).fill('2. Nghị quyết số 12-NQ/TW, ngày 16/01/2012 Hội nghị Trung ương 4 khóa XI về một số vấn đề cấp bách về xây dựng Đảng hiện nay.');
    await dialog.getByRole('button', { name: 'Lưu đợt sinh hoạt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng' }).waitFor();
    const april = page.getByRole('region', { name: 'Tháng 4/2022' });
    await april.getByRole('link', { name: '03-NQ/TW' }).waitFor();
    await april.getByRole('link', { name: '10-NQ/TW' }).waitFor();
    await page.getByRole('region', { name: 'Tháng 5/2022' }).getByRole('link', { name: '12-NQ/TW' }).waitFor();
    const matrix = page.getByRole('table', { name: 'Chi bộ đã sinh hoạt theo từng tháng' });
    await matrix.getByRole('row', { name: /Chi bộ Văn phòng/ }).first().waitFor();
    await screenshot('desktop-campaign');

    await page.getByRole('tab', { name: 'Chất lượng sinh hoạt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chất lượng sinh hoạt chi bộ' }).waitFor();
    await page.getByText('Đổi mới và nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Tiêu chí' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiêu chí chất lượng sinh hoạt chi bộ' }).waitFor();
    await page.getByText('Sinh hoạt chuyên đề ít nhất 1 lần mỗi quý.').waitFor();
    // A local guidance is badged with its issuer, the central rule as national.
    const rules = page.getByRole('list', { name: 'Tiêu chí chất lượng sinh hoạt chi bộ' });
    const badges = (name: string) => rules.getByRole('listitem').filter({ hasText: name }).locator('.mantine-Badge-root').allTextContents();
    expect(await badges('Sinh hoạt chi bộ giai đoạn 2021 - 2025')).toEqual(['Ban Tổ chức Thị ủy Kỳ Anh']);
    expect(await badges('Đổi mới và nâng cao chất lượng sinh hoạt chi bộ trong giai đoạn mới')).toEqual(['Toàn quốc']);
    await page.getByRole('tab', { name: 'Sắp diễn ra ở cấp dưới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hội nghị sắp diễn ra ở cấp dưới' }).waitFor();
  });
});
